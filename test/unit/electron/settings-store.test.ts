/**
 * electron-store cannot be imported outside Electron (its first line imports electron), so it is
 * replaced by what it wraps: conf, with electron-store's own option mapping (name → configName).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoSettings, parseSettings, SettingsError } from '../../../main/core/config/settings.ts';
import { openSettingsStore } from '../../../main/electron/settings-store.main.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ElectronStoreOverConf extends Conf<Record<string, unknown>> {
    constructor({ name, ...options }: { name?: string; cwd: string; clearInvalidConfig?: boolean }) {
      super({ ...options, projectName: 'ciao-kiosk', configName: name ?? 'config' });
    }
  }
  return { default: ElectronStoreOverConf };
});

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

const open = () => openSettingsStore({ cwd: temp.dir, parse: parseSettings, defaults: demoSettings });

function caught(fn: () => unknown): SettingsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('settings store (Electron)', () => {
  it('starts an empty kiosk with the defaults and writes them to settings.json', () => {
    const store = open();
    expect(store.path).toBe(join(temp.dir, 'settings.json'));
    expect(store.load()).toEqual(demoSettings());
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toEqual(demoSettings());
  });

  it('reads back what was saved', () => {
    const changed = { ...demoSettings(), kioskId: 'site-12', tapTimeoutSeconds: 45 };
    open().save(changed);
    expect(open().load()).toEqual(changed);
  });

  it('names the bad field of a hand-edited file', () => {
    const bad = { ...demoSettings(), site: { ...demoSettings().site, workplaceId: 'far-too-long-for-onss' } };
    writeFileSync(join(temp.dir, 'settings.json'), JSON.stringify(bad));
    const error = caught(() => open().load());
    expect(error.field).toBe('site.workplaceId');
    expect(error.message).toMatch(/^Invalid setting "site\.workplaceId": /);
  });

  it('says so when the file is no longer JSON', () => {
    writeFileSync(join(temp.dir, 'settings.json'), '{ "kioskId": ');
    const error = caught(() => open());
    expect(error.field).toBe('(file)');
    expect(error.message).toContain(join(temp.dir, 'settings.json'));
  });

  it('refuses to save invalid settings', () => {
    const store = open();
    store.load();
    expect(caught(() => store.save({ ...demoSettings(), tapTimeoutSeconds: 1 })).field).toBe('tapTimeoutSeconds');
    expect(store.load()).toEqual(demoSettings());
  });
});
