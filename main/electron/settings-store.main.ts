/**
 * Settings in Electron: electron-store (atomic writes, `settings.json` in userData), parsed with
 * the one settings schema. The browser host keeps the same schema through conf.
 */
import ElectronStore from 'electron-store';
import { join } from 'node:path';
import { SettingsError, type Settings } from '../core/config/settings.ts';

export interface SettingsStore {
  /** The file IT edits; named in every error. */
  readonly path: string;
  /** Parsed settings; a missing or empty file is first filled with `defaults`. Throws SettingsError. */
  load(): Settings;
  save(settings: Settings): void;
}

export interface SettingsStoreOptions {
  /** Folder of settings.json: `app.getPath('userData')`, or a temp folder in tests. */
  cwd: string;
  parse: (raw: unknown) => Settings;
  defaults: () => Settings;
}

const FILE_NAME = 'settings';

export function openSettingsStore({ cwd, parse, defaults }: SettingsStoreOptions): SettingsStore {
  const path = join(cwd, `${FILE_NAME}.json`);
  let store: ElectronStore<Record<string, unknown>>;
  try {
    store = new ElectronStore<Record<string, unknown>>({ cwd, name: FILE_NAME, clearInvalidConfig: false });
  } catch (error) {
    // conf throws a bare SyntaxError for a hand-edited file that is no longer JSON.
    throw new SettingsError('(file)', `${path} is not valid JSON: ${(error as Error).message}`);
  }
  return {
    path,
    load() {
      const raw = store.store;
      if (Object.keys(raw).length === 0) {
        const initial = parse(defaults());
        store.store = initial;
        return initial;
      }
      return parse(raw);
    },
    save(settings) {
      store.store = parse(settings);
    },
  };
}
