import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskEvent, TapPrompt } from '../../../preload/api.ts';
import type { KioskApp } from '../../../main/core/app/kiosk-app.node.ts';
import type { CardSource, CardSourceEvent } from '../../../main/core/card/card-source.ts';
import { demoSettings, type Settings } from '../../../main/core/config/settings.ts';
import type { RemoteRegistration, RemoteRegistrations } from '../../../main/core/roster/remote-registrations.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startTestKiosk } from '../../support/test-kiosk.ts';

const LAN_TOKEN = 'lan-token-0123456789abcdef';

function scriptedSource(): CardSource & { emit(event: CardSourceEvent): void } {
  let listener: ((e: CardSourceEvent) => void) | null = null;
  return { name: 'scripted', start: (l) => { listener = l; }, stop: async () => {}, emit: (e) => listener?.(e) };
}

describe('kiosk app: supervisor mode', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let app: KioskApp;
  let events: KioskEvent[];
  let clockNow: Date;
  let remote: RemoteRegistrations | undefined;
  const badges = scriptedSource();

  function start(settings: Partial<Settings> = {}) {
    ({ app, events } = startTestKiosk({
      settings: { ...demoSettings(), lan: { enabled: true, token: LAN_TOKEN }, ...settings },
      dataDir: temp.dir,
      cardSources: [badges],
      clock: () => clockNow,
      ...(remote ? { remote } : {}),
    }));
  }

  beforeEach(() => {
    temp = makeTempDir();
    clockNow = new Date('2026-11-22T06:02:00Z');
    remote = undefined;
  });

  afterEach(async () => {
    await app.stop();
    temp.cleanup();
  });

  function lastPrompt(): TapPrompt {
    const tap = events.filter((e) => e.type === 'tap').at(-1);
    if (!tap || tap.type !== 'tap') throw new Error('no tap event');
    return tap.prompt;
  }
  const lastEnrolment = () => events.filter((e) => e.type === 'enrolment').at(-1);
  const badge = (uid: string) => badges.emit({ type: 'card-read', reading: { kind: 'badge', reader: 'NFC', uid } });
  function auditActions(): string[] {
    const db = new Database(app.databaseFile, { readonly: true });
    const rows = db.prepare('SELECT action FROM audit_log ORDER BY id').all() as Array<{ action: string }>;
    db.close();
    return rows.map((r) => r.action);
  }
  async function unlockJan(pin = '4821') {
    await app.api.presentDemoCard({ demoCardId: 'jan' });
    return app.api.supervisorUnlock({ tapId: lastPrompt().tapId, pin });
  }
  async function setUpJan() {
    await app.api.presentDemoCard({ demoCardId: 'jan' });
    expect(lastPrompt().supervisor).toBe(true);
    await expect(app.api.supervisorUnlock({ tapId: lastPrompt().tapId, pin: '4821' })).rejects.toMatchObject({ code: 'pin-not-set' });
    const session = await app.api.supervisorSetPin({ tapId: lastPrompt().tapId, pin: '4821' });
    expect(session.supervisorName).toBe('Jan Peeters');
    return session;
  }

  it('flags supervisor cards, sets the PIN once, unlocks, locks, and audits it all', async () => {
    start();
    await app.api.presentDemoCard({ demoCardId: 'ana' });
    expect(lastPrompt().supervisor).toBe(false);
    await expect(app.api.supervisorUnlock({ tapId: lastPrompt().tapId, pin: '1234' })).rejects.toMatchObject({ code: 'unauthorized' });

    const first = await setUpJan();
    await app.api.presentDemoCard({ demoCardId: 'jan' });
    await expect(app.api.supervisorSetPin({ tapId: lastPrompt().tapId, pin: '9999' })).rejects.toMatchObject({ code: 'not-available' });
    await expect(app.api.supervisorUnlock({ tapId: lastPrompt().tapId, pin: '0000' })).rejects.toMatchObject({
      code: 'wrong-pin',
      messageRef: { params: { attemptsLeft: 4 } },
    });
    const session = await app.api.supervisorUnlock({ tapId: lastPrompt().tapId, pin: '4821' });
    expect(session.token).not.toBe(first.token);
    // A new unlock replaces the previous session.
    await expect(app.api.listWorkers({ session: first.token })).rejects.toMatchObject({ code: 'unauthorized' });
    await app.api.supervisorLock({ session: session.token });
    await expect(app.api.getSupervisorOverview({ session: session.token })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(auditActions()).toEqual([
      // The first start copies the settings' declaration into the database.
      'declarations.seed',
      'supervisor.unlock.refused',
      'supervisor.pin.set',
      'supervisor.unlock',
      'supervisor.unlock.failed',
      'supervisor.unlock',
      'supervisor.lock.replaced',
      'supervisor.lock',
    ]);
    // PINs are stored as scrypt hashes only.
    const db = new Database(app.databaseFile, { readonly: true });
    expect(db.prepare('SELECT pin_hash FROM supervisors').get()).toMatchObject({ pin_hash: expect.stringMatching(/^scrypt\$/) });
    db.close();
  });

  it('locks out after 5 wrong PINs for 15 minutes', async () => {
    start();
    await setUpJan();
    for (let i = 1; i <= 4; i += 1) {
      await expect(unlockJan('1111')).rejects.toMatchObject({ code: 'wrong-pin' });
    }
    await expect(unlockJan('1111')).rejects.toMatchObject({ code: 'locked-out' });
    await expect(unlockJan('4821')).rejects.toMatchObject({ code: 'locked-out' });
    expect(await app.dispatch('supervisorUnlock', { tapId: lastPrompt().tapId, pin: '4821' })).toMatchObject({ ok: false, status: 423 });
    clockNow = new Date(clockNow.getTime() + 15 * 60_000 + 1000);
    await expect(unlockJan('4821')).resolves.toMatchObject({ supervisorName: 'Jan Peeters' });
  });

  it('locks itself when idle; every call moves the idle limit', async () => {
    start();
    const { token } = await setUpJan();
    clockNow = new Date(clockNow.getTime() + 100_000);
    await app.api.listWorkers({ session: token });
    clockNow = new Date(clockNow.getTime() + 100_000);
    await app.api.listWorkers({ session: token });
    clockNow = new Date(clockNow.getTime() + 121_000);
    await expect(app.api.getSupervisorOverview({ session: token })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await app.dispatch('listWorkers', { session: token })).toMatchObject({ ok: false, status: 401, error: { code: 'unauthorized' } });
    expect(auditActions()).toContain('supervisor.lock.idle');
  });

  it('enrols eID then badge; the badge alone then opens that worker; unlink makes it unknown again', async () => {
    start();
    const { token } = await setUpJan();
    await app.api.startEnrolment({ session: token });
    expect(lastEnrolment()).toMatchObject({ step: 'waiting-worker' });
    const tapsBefore = events.filter((e) => e.type === 'tap').length;
    await app.api.presentDemoCard({ demoCardId: 'fatima' });
    expect(events.filter((e) => e.type === 'tap')).toHaveLength(tapsBefore); // no registration prompt
    expect(lastEnrolment()).toMatchObject({ step: 'waiting-badge', workerName: 'Fatima El Amrani' });
    badge('04A1B2C3D4');
    expect(lastEnrolment()).toMatchObject({ step: 'linked', workerName: 'Fatima El Amrani', badgeUid: '04A1B2C3D4' });

    badge('04A1B2C3D4');
    expect(lastPrompt()).toMatchObject({ cardKind: 'badge', worker: { displayName: 'Fatima El Amrani' }, supervisor: false });

    const list = await app.api.listWorkers({ session: token, query: 'fatima' });
    expect(list.workers).toEqual([
      expect.objectContaining({ displayName: 'Fatima El Amrani', maskedNationalNumber: '02.06.15-***.**', source: 'eid', badges: [expect.objectContaining({ uid: '04A1B2C3D4' })] }),
    ]);
    expect(JSON.stringify(list)).not.toContain('02061523807');

    await app.api.unlinkBadge({ session: token, badgeUid: '04A1B2C3D4' });
    badge('04A1B2C3D4');
    expect(events.at(-1)).toMatchObject({ type: 'tap-error', error: { code: 'unknown-badge' } });
    expect(auditActions()).toEqual(expect.arrayContaining(['enrol.start', 'enrol.identify', 'enrol.link', 'view.workers', 'enrol.unlink']));
  });

  it('enrols a worker without eID by a valid BIS number and a badge; refuses an invalid NISS and saves nothing', async () => {
    start();
    const { token } = await setUpJan();
    const before = (await app.api.listWorkers({ session: token })).workers.length;
    await expect(
      app.api.enrolManualWorker({ session: token, nationalNumber: '85.07.30-033.62', surname: 'Kowalski', firstNames: 'Jan' }),
    ).rejects.toMatchObject({ code: 'invalid-input', messageRef: { key: 'supervisor.error.nationalNumber.checksum' } });
    expect((await app.api.listWorkers({ session: token })).workers).toHaveLength(before);

    const result = await app.api.enrolManualWorker({ session: token, nationalNumber: '98472899765', surname: 'Silva', firstNames: 'João' });
    expect(result.existing).toBe(false);
    expect(lastEnrolment()).toMatchObject({ step: 'waiting-badge', workerName: 'João Silva' });
    badge('BADGE-77');
    expect(lastEnrolment()).toMatchObject({ step: 'linked' });
    const silva = (await app.api.listWorkers({ session: token, query: 'silva' })).workers[0];
    expect(silva).toMatchObject({ numberKind: 'bis', source: 'manual', maskedNationalNumber: '98.47.28-***.**' });
    badge('BADGE-77');
    expect(lastPrompt().worker.displayName).toBe('João Silva');
  });

  it('a badge of someone else is not re-linked', async () => {
    start();
    const { token } = await setUpJan();
    await app.api.startEnrolment({ session: token });
    await app.api.presentDemoCard({ demoCardId: 'ana' });
    badge('AAAA');
    await app.api.startEnrolment({ session: token });
    await app.api.presentDemoCard({ demoCardId: 'krzysztof' });
    badge('AAAA');
    expect(lastEnrolment()).toMatchObject({ step: 'failed', message: { key: 'enrolment.error.badgeInUse', params: { name: 'Ana Maria Popescu' } } });
  });

  it('remembers the language a worker picked', async () => {
    start();
    await app.api.presentDemoCard({ demoCardId: 'ana' });
    expect(lastPrompt().worker.language).toBeNull();
    await app.api.setWorkerLanguage({ tapId: lastPrompt().tapId, language: 'ro' });
    await app.api.register({ tapId: lastPrompt().tapId, intent: 'start-work' });
    await app.api.presentDemoCard({ demoCardId: 'ana' });
    expect(lastPrompt().worker.language).toBe('ro');
  });

  it('the overview shows presence, worked time, anomalies, sync state, and merges registrations made elsewhere', async () => {
    remote = {
      fetchWorkplaceRegistrations: async () => [
        { onssId: '9001', clientReference: null, niss: '75092331155', direction: 'IN', atUtc: '2026-11-22T05:00:00.000Z', channel: 'smartphone', state: 'accepted', remarks: ['1'] },
      ],
    };
    start();
    await app.api.presentDemoCard({ demoCardId: 'ana' });
    await app.api.register({ tapId: lastPrompt().tapId, intent: 'start-work' });
    clockNow = new Date('2026-11-22T06:10:00Z');
    await app.api.presentDemoCard({ demoCardId: 'ana' });
    await app.api.register({ tapId: lastPrompt().tapId, intent: 'start-work' });
    clockNow = new Date('2026-11-22T08:02:00Z');
    const { token } = await setUpJan();
    const overview = await app.api.getSupervisorOverview({ session: token });
    expect(overview.day).toBe('2026-11-22');
    expect(overview.remote).toMatchObject({ state: 'merged', count: 1 });
    const ana = overview.entries.find((e) => e.displayName === 'Ana Maria Popescu');
    expect(ana).toMatchObject({ presence: { status: 'on-site' }, workedMinutesToday: 120, registrationsToday: 2, unsynced: 2, channels: ['this-kiosk'] });
    expect(ana?.anomalies.map((a) => a.kind)).toEqual(['double-in']);
    // Krzysztof registered by smartphone only and never tapped here: no name, masked number.
    const elsewhere = overview.entries.find((e) => e.maskedNationalNumber === '75.09.23-***.**');
    expect(elsewhere).toMatchObject({ displayName: null, channels: ['smartphone'], workedMinutesToday: 182 });
    expect(elsewhere?.anomalies).toMatchObject([{ kind: 'remark', remark: 1, hint: { key: 'remark.1.action' } }]);
    // Ours are unsynced (queued, or sent and unanswered: the site is offline); the other one ONSS holds.
    const unsynced = expect.stringMatching(/^(queued|sent)$/);
    expect(overview.registrations.map((r) => [r.channel, r.localTime, r.state])).toEqual([
      ['this-kiosk', '07:10', unsynced],
      ['this-kiosk', '07:02', unsynced],
      ['smartphone', '06:00', 'accepted'],
    ]);
    expect(JSON.stringify(overview)).not.toMatch(/88041212335|75092331155/);
    expect(auditActions()).toContain('view.overview');
  });

  it('our own registrations echoed by the search (with our reference, or without one) are neither shown twice nor counted', async () => {
    const ours = () => {
      const db = new Database(app.databaseFile, { readonly: true });
      const rows = db.prepare('SELECT client_ref AS ref, at_utc AS at, direction FROM registrations ORDER BY id').all() as Array<{ ref: string; at: string; direction: 'IN' | 'OUT' }>;
      db.close();
      return rows;
    };
    remote = {
      fetchWorkplaceRegistrations: async (): Promise<RemoteRegistration[]> => {
        const [first, second] = ours();
        if (!first || !second) throw new Error('two registrations expected');
        const echo = { niss: '88041212335', channel: 'other-kiosk', state: 'accepted', remarks: [] } satisfies Partial<RemoteRegistration>;
        return [
          { ...echo, onssId: '7001', clientReference: first.ref, direction: first.direction, atUtc: first.at },
          // ONSS without our reference, its time cut to the minute.
          { ...echo, onssId: '7002', clientReference: null, direction: second.direction, atUtc: `${second.at.slice(0, 16)}:00.000Z` },
          { onssId: '9001', clientReference: null, niss: '75092331155', direction: 'IN', atUtc: '2026-11-22T05:00:00.000Z', channel: 'smartphone', state: 'accepted', remarks: [] },
        ];
      },
    };
    start();
    await app.api.presentDemoCard({ demoCardId: 'ana' });
    await app.api.register({ tapId: lastPrompt().tapId, intent: 'start-work' });
    clockNow = new Date('2026-11-22T09:30:27Z');
    await app.api.presentDemoCard({ demoCardId: 'ana' });
    await app.api.register({ tapId: lastPrompt().tapId, intent: 'start-break' });
    clockNow = new Date('2026-11-22T09:45:00Z');
    const { token } = await setUpJan();
    const overview = await app.api.getSupervisorOverview({ session: token });
    expect(overview.remote).toMatchObject({ state: 'merged', count: 1 });
    const ana = overview.entries.find((e) => e.displayName === 'Ana Maria Popescu');
    expect(ana).toMatchObject({ presence: { status: 'on-break' }, registrationsToday: 2, channels: ['this-kiosk'], anomalies: [] });
    expect(overview.registrations.map((r) => r.channel)).toEqual(['this-kiosk', 'this-kiosk', 'smartphone']);
  });

  it('without the remote port, or when it fails, the overview says so', async () => {
    start();
    const { token } = await setUpJan();
    expect((await app.api.getSupervisorOverview({ session: token })).remote.state).toBe('not-configured');
    await app.stop();
    remote = { fetchWorkplaceRegistrations: () => Promise.reject(new Error('offline')) };
    start();
    const again = await unlockJan();
    expect((await app.api.getSupervisorOverview({ session: again.token })).remote).toEqual({ state: 'offline', fetchedAt: null, count: 0 });
  });

  it('asks ONSS at most once a minute, and shows the last answer, with its age, while ONSS cannot be reached', async () => {
    let calls = 0;
    let reachable = true;
    remote = {
      fetchWorkplaceRegistrations: async (): Promise<RemoteRegistration[]> => {
        calls += 1;
        if (!reachable) throw new Error('offline');
        return [{ onssId: '9001', clientReference: null, niss: '75092331155', direction: 'IN', atUtc: '2026-11-22T05:00:00.000Z', channel: 'smartphone', state: 'accepted', remarks: [] }];
      },
    };
    start();
    const { token } = await setUpJan();
    const first = await app.api.getSupervisorOverview({ session: token });
    expect(first.remote).toEqual({ state: 'merged', fetchedAt: clockNow.toISOString(), count: 1 });
    const fetchedAt = clockNow.toISOString();
    clockNow = new Date(clockNow.getTime() + 30_000);
    expect((await app.api.getSupervisorOverview({ session: token })).remote).toEqual({ state: 'merged', fetchedAt, count: 1 });
    expect(calls).toBe(1);
    reachable = false;
    clockNow = new Date(clockNow.getTime() + 31_000);
    const stale = await app.api.getSupervisorOverview({ session: token });
    expect(calls).toBe(2);
    expect(stale.remote).toEqual({ state: 'offline', fetchedAt, count: 1 });
    expect(stale.registrations.map((r) => r.channel)).toEqual(['smartphone']);
  });

  it('audits the LAN roster page once an hour, not at every refresh, and every refused token', async () => {
    start();
    const lanAudits = () => auditActions().filter((a) => a.startsWith('view.lan-roster'));
    for (let i = 0; i < 3; i += 1) {
      await app.api.getLanRoster({ lanToken: LAN_TOKEN });
      clockNow = new Date(clockNow.getTime() + 5_000);
    }
    await expect(app.api.getLanRoster({ lanToken: 'wrong-token-0123456789abc' })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(lanAudits()).toEqual(['view.lan-roster', 'view.lan-roster.refused']);
    clockNow = new Date(clockNow.getTime() + 60 * 60_000);
    await app.api.getLanRoster({ lanToken: LAN_TOKEN });
    expect(lanAudits()).toEqual(['view.lan-roster', 'view.lan-roster.refused', 'view.lan-roster']);
  });

  it('exports a day as CSV in Brussels time with escaping, and as a PDF with the names', async () => {
    start();
    clockNow = new Date('2026-07-01T22:30:00Z'); // 00:30 on 2 July in Brussels (CEST)
    await app.api.presentDemoCard({ demoCardId: 'krzysztof' });
    await app.api.register({ tapId: lastPrompt().tapId, intent: 'start-work' });
    await app.stop();
    // A name with the separator and quotes, as an eID could carry it.
    const db = new Database(join(temp.dir, 'kiosk.sqlite'));
    db.prepare(`UPDATE workers SET surname = 'Wiśniewski; "Kris"' WHERE niss = '75092331155'`).run();
    db.close();
    start();
    clockNow = new Date('2026-07-02T10:00:00Z');
    const { token } = await setUpJan();
    const csvFile = await app.api.exportRegistrations({ session: token, from: '2026-07-02', to: '2026-07-02', format: 'csv' });
    expect(csvFile).toMatchObject({ fileName: 'registrations-DEMO000000001-2026-07-02.csv', mimeType: 'text/csv' });
    const csv = Buffer.from(csvFile.base64, 'base64').toString('utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Date;Time;Worker;National number;Direction;Intent;Channel;Status;Remarks');
    expect(lines[1]).toMatch(/^2026-07-02;00:30:00;"Krzysztof Wiśniewski; ""Kris""";75\.09\.23-\*\*\*\.\*\*;IN;start-work;this-kiosk;(queued|sent);$/);
    expect(lines).toHaveLength(3); // header, one row, final CRLF

    const pdfFile = await app.api.exportRegistrations({ session: token, from: '2026-06-29', to: '2026-07-05', format: 'pdf' });
    const pdf = Buffer.from(pdfFile.base64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(temp.dir, 'export.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Wiśniewski');
    expect(text).toContain('Krzysztof');
    expect(text).toContain('00:30:00');

    await expect(app.api.exportRegistrations({ session: token, from: '2026-07-01', to: '2026-07-09', format: 'csv' })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(auditActions().filter((a) => a === 'export')).toHaveLength(2);
  });

  it('the LAN roster needs the right token and shows no national numbers', async () => {
    start();
    await app.api.presentDemoCard({ demoCardId: 'ana' });
    await app.api.register({ tapId: lastPrompt().tapId, intent: 'start-work' });
    await expect(app.api.getLanRoster({ lanToken: 'wrong-token-0123456789abc' })).rejects.toMatchObject({ code: 'unauthorized' });
    const roster = await app.api.getLanRoster({ lanToken: LAN_TOKEN });
    expect(roster.entries).toEqual([{ displayName: 'Ana Maria Popescu', presence: expect.objectContaining({ status: 'on-site' }), workedMinutesToday: 0, anomalies: [] }]);
    expect(JSON.stringify(roster)).not.toContain('88041212335');
    await app.stop();
    start({ lan: { enabled: false } });
    await expect(app.api.getLanRoster({ lanToken: LAN_TOKEN })).rejects.toMatchObject({ code: 'not-available' });
  });
});
