/** `cardReaders.pcsc`: the settings field, the sources the runtime composes, and the reader status without any. */
import { afterEach, describe, expect, it } from 'vitest';
import { createCardSources } from '../../../main/core/app/kiosk-runtime.node.ts';
import { startKioskApp, type KioskApp } from '../../../main/core/app/kiosk-app.node.ts';
import { demoSettings, parseSettings, SettingsError } from '../../../main/core/config/settings.ts';
import { OFFLINE } from '../../support/test-kiosk.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const { cardReaders: _omitted, ...withoutCardReaders } = demoSettings();

describe('cardReaders setting', () => {
  it('defaults to PC/SC on; false turns it off; anything else names the field', () => {
    expect(parseSettings(withoutCardReaders).cardReaders).toEqual({ pcsc: true });
    expect(parseSettings({ ...withoutCardReaders, cardReaders: { pcsc: false } }).cardReaders).toEqual({ pcsc: false });
    expect(() => parseSettings({ ...withoutCardReaders, cardReaders: { pcsc: 'no' } })).toThrow(SettingsError);
    expect(() => parseSettings({ ...withoutCardReaders, cardReaders: { pcsc: 'no' } })).toThrow(/cardReaders\.pcsc/);
  });

  it('the runtime composes the PC/SC source only when it is on', () => {
    const names = (pcsc: boolean, demo: boolean) =>
      createCardSources({ ...demoSettings(), demo, cardReaders: { pcsc } }, () => {}).sources.map((s) => s.name);
    expect(names(true, true)).toEqual(['pcsc', 'demo']);
    expect(names(false, true)).toEqual(['demo']);
    expect(names(true, false)).toEqual(['pcsc']);
    expect(names(false, false)).toEqual([]);
    expect(createCardSources({ ...demoSettings(), demo: false }, () => {}).demo).toBeNull();
  });
});

describe('a kiosk without card sources (keyboard-wedge readers only)', () => {
  const temp = makeTempDir();
  let app: KioskApp | null = null;
  afterEach(async () => {
    await app?.stop();
    temp.cleanup();
  });

  it('reports the reader ready instead of waiting for a source that will never report', async () => {
    app = startKioskApp({ settings: { ...demoSettings(), demo: false, cardReaders: { pcsc: false } }, dataDir: temp.dir, cardSources: [], sender: OFFLINE, log: () => {} });
    expect((await app.api.getSnapshot({})).reader).toEqual({ state: 'ready', readers: [], message: { key: 'reader.ready' } });
  });
});
