/**
 * Browser-host settings: the same schema as Electron's electron-store, through `conf` (what
 * electron-store wraps) in `<dataDir>/settings.json`. An empty data folder starts as the demo site.
 */
import Conf from 'conf';
import { demoSettings, parseSettings, type Settings } from '../core/config/settings.ts';

export function loadHostSettings(dataDir: string): Settings {
  const conf = new Conf<Record<string, unknown>>({ projectName: 'ciao-kiosk', cwd: dataDir, configName: 'settings' });
  if (conf.size === 0) conf.store = demoSettings();
  return parseSettings(conf.store);
}
