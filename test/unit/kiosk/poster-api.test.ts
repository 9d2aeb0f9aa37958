/** The site poster, the fallback QR and leaving the kiosk, through the API; declarations come from the settings. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { demoSettings, parseSettings, SettingsError } from '../../../main/core/config/settings.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startTestKiosk } from '../../support/test-kiosk.ts';

function auditCount(dataDir: string, action: string): unknown {
  const db = new Database(`${dataDir}/kiosk.sqlite`, { readonly: true });
  try {
    return db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action);
  } finally {
    db.close();
  }
}

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
    const { app, lastTapId } = startTestKiosk({ dataDir: temp.dir });
    const qr = await app.api.getFallbackQr({});
    expect(qr?.url).toContain('DEMO2026A1B2C3');
    expect(qr?.svg).toMatch(/^<svg/);

    await expect(app.api.getPoster({ session: 'x'.repeat(32) })).rejects.toMatchObject({ code: 'unauthorized' });
    await app.api.presentDemoCard({ demoCardId: 'jan' });
    const { token } = await app.api.supervisorSetPin({ tapId: lastTapId(), pin: '4826' });
    const poster = await app.api.getPoster({ session: token });
    expect(poster.mimeType).toBe('application/pdf');
    expect(Buffer.from(poster.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    await app.stop();
    expect(auditCount(temp.dir, 'poster')).toEqual({ n: 1 });
    temp.cleanup();
  });
});

describe('leaving the kiosk', () => {
  it('only an unlocked supervisor can leave, only where the shell can quit, and it is audited', async () => {
    const temp = makeTempDir();
    let leave: () => void = () => {};
    const left = new Promise<void>((resolve) => (leave = resolve));
    const electron = startTestKiosk({ dataDir: temp.dir, onExitRequested: () => leave() });
    await expect(electron.app.api.exitKiosk({ session: 'y'.repeat(32) })).rejects.toMatchObject({ code: 'unauthorized' });
    await electron.app.api.presentDemoCard({ demoCardId: 'jan' });
    const session = await electron.app.api.supervisorSetPin({ tapId: electron.lastTapId(), pin: '4826' });
    expect(session.canExitKiosk).toBe(true);
    expect(await electron.app.api.exitKiosk({ session: session.token })).toBeNull();
    await left; // the shell's quit was called
    await electron.app.stop();

    // Browser mode: no window to leave.
    const browser = startTestKiosk({ dataDir: temp.dir });
    await browser.app.api.presentDemoCard({ demoCardId: 'jan' });
    const { token, canExitKiosk } = await browser.app.api.supervisorUnlock({ tapId: browser.lastTapId(), pin: '4826' });
    expect(canExitKiosk).toBe(false);
    await expect(browser.app.api.exitKiosk({ session: token })).rejects.toMatchObject({ code: 'not-available' });
    await browser.app.stop();
    expect(auditCount(temp.dir, 'exit-kiosk')).toEqual({ n: 1 });
    temp.cleanup();
  });
});
