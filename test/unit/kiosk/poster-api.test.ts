/** The site poster and the fallback QR through the API; declarations come from the settings. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../preload/api.ts';
import { startKioskApp } from '../../../main/core/app/kiosk-app.node.ts';
import { demoSettings, parseSettings, SettingsError } from '../../../main/core/config/settings.ts';
import { createDemoCardSource } from '../../../main/core/demo/demo-card-source.ts';
import { SendFailure } from '../../../main/core/sync/presence-sender.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('declarations in the settings', () => {
  it('an invalid declaration stops the kiosk with a message naming the field', () => {
    const raw = demoSettings();
    const bad = { ...raw, declarations: [{ ...(raw.declarations[0] as object), enterpriseNumber: '0403019262' }] };
    expect(() => parseSettings(bad)).toThrow(SettingsError);
    expect(() => parseSettings(bad)).toThrow(/declarations\.0\.enterpriseNumber/);
  });
});

describe('poster and fallback QR through the API', () => {
  it('gives the QR to anyone, the poster only to an unlocked supervisor, and audits it', async () => {
    const temp = makeTempDir();
    const demo = createDemoCardSource();
    const app = startKioskApp({
      settings: demoSettings(),
      dataDir: temp.dir,
      cardSources: [demo],
      demoCards: demo,
      sender: { send: () => Promise.reject(new SendFailure('network', 'offline')) },
      log: () => {},
    });
    let tapId = '';
    app.onEvent((e: KioskEvent) => {
      if (e.type === 'tap') tapId = e.prompt.tapId;
    });

    const qr = await app.api.getFallbackQr({});
    expect(qr?.url).toContain('DEMO2026A1B2C3');
    expect(qr?.svg).toMatch(/^<svg/);

    await expect(app.api.getPoster({ session: 'x'.repeat(32) })).rejects.toMatchObject({ code: 'unauthorized' });
    await app.api.presentDemoCard({ demoCardId: 'jan' });
    const { token } = await app.api.supervisorSetPin({ tapId, pin: '4826' });
    const poster = await app.api.getPoster({ session: token });
    expect(poster.mimeType).toBe('application/pdf');
    expect(Buffer.from(poster.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    await app.stop();
    const db = new Database(`${temp.dir}/kiosk.sqlite`, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'poster'").get()).toEqual({ n: 1 });
    db.close();
    temp.cleanup();
  });
});

describe('leaving the kiosk', () => {
  it('only an unlocked supervisor can leave, only where the shell can quit, and it is audited', async () => {
    const temp = makeTempDir();
    const start = (onExitRequested?: () => void) => {
      const demo = createDemoCardSource();
      return startKioskApp({
        settings: demoSettings(),
        dataDir: temp.dir,
        cardSources: [demo],
        demoCards: demo,
        sender: { send: () => Promise.reject(new SendFailure('network', 'offline')) },
        log: () => {},
        ...(onExitRequested ? { onExitRequested } : {}),
      });
    };
    let leave: () => void = () => {};
    const left = new Promise<void>((resolve) => (leave = resolve));
    const app = start(() => leave());
    let tapId = '';
    app.onEvent((e: KioskEvent) => {
      if (e.type === 'tap') tapId = e.prompt.tapId;
    });
    await expect(app.api.exitKiosk({ session: 'y'.repeat(32) })).rejects.toMatchObject({ code: 'unauthorized' });
    await app.api.presentDemoCard({ demoCardId: 'jan' });
    const session = await app.api.supervisorSetPin({ tapId, pin: '4826' });
    expect(await app.api.exitKiosk({ session: session.token })).toBeNull();
    await left; // the shell's quit was called
    await app.stop();

    // Browser mode: no window to leave.
    const browserHost = start();
    browserHost.onEvent((e: KioskEvent) => {
      if (e.type === 'tap') tapId = e.prompt.tapId;
    });
    await browserHost.api.presentDemoCard({ demoCardId: 'jan' });
    const { token } = await browserHost.api.supervisorUnlock({ tapId, pin: '4826' });
    await expect(browserHost.api.exitKiosk({ session: token })).rejects.toMatchObject({ code: 'not-available' });
    await browserHost.stop();
    const db = new Database(`${temp.dir}/kiosk.sqlite`, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'exit-kiosk'").get()).toEqual({ n: 1 });
    db.close();
    temp.cleanup();
  });
});
