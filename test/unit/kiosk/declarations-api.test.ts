/**
 * Declarations in supervisor mode, through the dispatcher both transports use: refused input is not
 * stored and is audited with field names only; the active declaration drives the poster and the
 * fallback QR; the settings seed the database once.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeclarationInput, DeclarationList, PreviewPosterResult, SaveDeclarationResult } from '../../../preload/api.ts';
import { demoSettings } from '../../../main/core/config/settings.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startTestKiosk, type TestKiosk } from '../../support/test-kiosk.ts';

const DRAFT: DeclarationInput = {
  dowNumber: 'GM2026X9',
  workplaceId: 'GM00000000002',
  employerName: 'Clean NV',
  enterpriseNumber: '0428.759.497',
  siteName: 'Gare Maritime',
  siteAddress: { street: 'Picardstraat 11', postalCode: '1000', municipality: 'Brussel' },
  region: 'flanders',
  includeEnglish: true,
};

function audit(dataDir: string): Array<{ actor: string; action: string; details: Record<string, unknown> }> {
  const db = new Database(`${dataDir}/kiosk.sqlite`, { readonly: true });
  try {
    return (db.prepare('SELECT actor, action, details FROM audit_log ORDER BY id').all() as Array<{ actor: string; action: string; details: string }>).map(
      (r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }),
    );
  } finally {
    db.close();
  }
}

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

async function unlocked(): Promise<{ kiosk: TestKiosk; dataDir: string; call: <T>(method: string, input: Record<string, unknown>) => Promise<T> }> {
  const temp = makeTempDir();
  temps.push(temp.cleanup);
  const kiosk = startTestKiosk({ dataDir: temp.dir });
  await kiosk.app.api.presentDemoCard({ demoCardId: 'jan' });
  const { token } = await kiosk.app.api.supervisorSetPin({ tapId: kiosk.lastTapId(), pin: '4826' });
  const call = async <T>(method: string, input: Record<string, unknown>): Promise<T> => {
    const result = await kiosk.app.dispatch(method, { session: token, ...input });
    if (!result.ok) throw Object.assign(new Error(result.error.message.key), result.error);
    return result.value as T;
  };
  return { kiosk, dataDir: temp.dir, call };
}

describe('declarations through the API', () => {
  it('lists the declaration seeded from the settings, active', async () => {
    const { kiosk, call } = await unlocked();
    const list = await call<DeclarationList>('listDeclarations', {});
    expect(list.declarations).toHaveLength(1);
    expect(list.declarations[0]).toMatchObject({ active: true, input: { dowNumber: 'DEMO2026A1B2C3', includeEnglish: false, gps: null, smartphoneUrl: null } });
    expect(list.smartphoneUrlTemplate).toContain('{dowNumber}');
    expect(list.kioskRegistersFor).toEqual({ workplaceId: 'DEMO000000001', enterpriseNumber: '0403019261' });
    expect(list.declarations[0]?.matchesKiosk).toBe(true);
    await kiosk.app.stop();
  });

  it('refuses an invalid enterprise number per field, stores nothing and audits the field names only', async () => {
    const { kiosk, dataDir, call } = await unlocked();
    const result = await call<SaveDeclarationResult>('saveDeclaration', { declaration: { ...DRAFT, enterpriseNumber: '0428759498', siteAddress: { ...DRAFT.siteAddress, postalCode: '999' } } });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'siteAddress.postalCode', message: { key: 'declaration.error.postalCode' } },
        { field: 'enterpriseNumber', message: { key: 'declaration.error.enterpriseNumber.checksum' } },
      ],
    });
    expect((await call<DeclarationList>('listDeclarations', {})).declarations).toHaveLength(1);
    await kiosk.app.stop();
    const refused = audit(dataDir).filter((r) => r.action === 'declaration.save.refused');
    expect(refused).toEqual([{ actor: expect.stringMatching(/^supervisor:/), action: 'declaration.save.refused', details: { fields: ['siteAddress.postalCode', 'enterpriseNumber'] } }]);
    expect(JSON.stringify(refused)).not.toContain('0428759498');
  });

  it('saves, edits, activates and deletes; the active one is not deletable; everything is audited', async () => {
    const { kiosk, dataDir, call } = await unlocked();
    const saved = await call<SaveDeclarationResult>('saveDeclaration', { declaration: DRAFT });
    if (!saved.ok) throw new Error('not saved');
    // Another employer's workplace: its poster would not match where this kiosk registers.
    expect(saved.declaration).toMatchObject({ active: false, languages: ['nl', 'en'], input: { enterpriseNumber: '0428759497' }, matchesKiosk: false });
    const id = saved.declaration.id;

    const edited = await call<SaveDeclarationResult>('saveDeclaration', { id, declaration: { ...DRAFT, smartphoneUrl: 'https://example.be/dow/GM2026X9' } });
    expect(edited.ok && edited.declaration.smartphoneUrl).toBe('https://example.be/dow/GM2026X9');

    const before = await kiosk.app.api.getFallbackQr({});
    expect(before?.url).toContain('DEMO2026A1B2C3');
    const activated = await call<DeclarationList>('activateDeclaration', { id });
    expect(activated.declarations.filter((d) => d.active).map((d) => d.id)).toEqual([id]);
    expect(kiosk.events).toContainEqual({ type: 'active-declaration-changed' });
    expect((await kiosk.app.api.getFallbackQr({}))?.url).toBe('https://example.be/dow/GM2026X9');

    await expect(call('deleteDeclaration', { id })).rejects.toMatchObject({ code: 'not-available', message: { key: 'declaration.error.deleteActive' } });
    const seededId = activated.declarations.find((d) => !d.active)?.id;
    const afterDelete = await call<DeclarationList>('deleteDeclaration', { id: seededId });
    expect(afterDelete.declarations.map((d) => d.id)).toEqual([id]);
    await expect(call('activateDeclaration', { id: seededId })).rejects.toMatchObject({ code: 'not-available', message: { key: 'declaration.error.unknown' } });
    await kiosk.app.stop();

    expect(audit(dataDir).filter((r) => r.action.startsWith('declaration')).map((r) => r.action)).toEqual([
      'declarations.seed',
      'declaration.save',
      'declaration.save',
      'declaration.activate',
      'declaration.delete.refused',
      'declaration.delete',
      'declaration.activate.refused',
    ]);
  });

  it('previews the poster of a draft without storing it, and refuses an invalid draft like save', async () => {
    const { kiosk, call } = await unlocked();
    const preview = await call<PreviewPosterResult>('previewPoster', { declaration: DRAFT });
    expect(preview.ok && preview.file.fileName).toBe('poster-GM2026X9.pdf');
    expect(preview.ok && Buffer.from(preview.file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const refused = await call<PreviewPosterResult>('previewPoster', { declaration: { ...DRAFT, enterpriseNumber: '2147812701' } });
    expect(refused).toEqual({ ok: false, errors: [{ field: 'enterpriseNumber', message: { key: 'declaration.error.enterpriseNumber.establishment-unit' } }] });
    expect((await call<DeclarationList>('listDeclarations', {})).declarations).toHaveLength(1);
    await kiosk.app.stop();
  });

  it('needs an unlocked supervisor and well-formed input', async () => {
    const { kiosk, call } = await unlocked();
    const noSession = await kiosk.app.dispatch('listDeclarations', { session: 'x'.repeat(32) });
    expect(noSession).toMatchObject({ ok: false, status: 401 });
    await expect(call('saveDeclaration', { declaration: { ...DRAFT, region: 'mars' } })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(call('activateDeclaration', { id: '../1' })).rejects.toMatchObject({ code: 'invalid-input' });
    await kiosk.app.stop();
  });
});

describe('the settings seed the database once', () => {
  it('later starts keep the database edits and ignore changed settings', async () => {
    const temp = makeTempDir();
    temps.push(temp.cleanup);
    const first = startTestKiosk({ dataDir: temp.dir });
    expect((await first.app.api.getFallbackQr({}))?.url).toContain('DEMO2026A1B2C3');
    await first.app.stop();

    const settings = demoSettings();
    const changed = { ...settings, declarations: [{ ...(settings.declarations[0] as object), dowNumber: 'OTHER1' }] };
    const second = startTestKiosk({ dataDir: temp.dir, settings: changed });
    expect((await second.app.api.getFallbackQr({}))?.url).toContain('DEMO2026A1B2C3');
    await second.app.stop();
    expect(audit(temp.dir).filter((r) => r.action === 'declarations.seed')).toEqual([{ actor: 'system', action: 'declarations.seed', details: { count: 1 } }]);
  });

  it('a kiosk without declarations has no fallback QR; the first saved becomes active', async () => {
    const temp = makeTempDir();
    temps.push(temp.cleanup);
    const kiosk = startTestKiosk({ dataDir: temp.dir, settings: { ...demoSettings(), declarations: [] } });
    expect(await kiosk.app.api.getFallbackQr({})).toBeNull();
    await kiosk.app.api.presentDemoCard({ demoCardId: 'jan' });
    const { token } = await kiosk.app.api.supervisorSetPin({ tapId: kiosk.lastTapId(), pin: '4826' });
    await expect(kiosk.app.api.getPoster({ session: token })).rejects.toMatchObject({ code: 'not-available' });
    const saved = await kiosk.app.api.saveDeclaration({ session: token, declaration: DRAFT });
    expect(saved.ok && saved.declaration.active).toBe(true);
    expect((await kiosk.app.api.getFallbackQr({}))?.url).toContain('GM2026X9');
    await kiosk.app.stop();
  });
});
