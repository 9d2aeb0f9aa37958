/** Personal data of acknowledged registrations is erased after the retention period; the rows stay. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../preload/api.ts';
import { startKioskApp } from '../../../main/core/app/kiosk-app.node.ts';
import { demoSettings } from '../../../main/core/config/settings.ts';
import { createDemoCardSource } from '../../../main/core/demo/demo-card-source.ts';
import { createSupervisorStore } from '../../../main/core/store/supervisor-store.node.ts';
import type { PresenceSender } from '../../../main/core/sync/presence-sender.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

/**
 * A kiosk on a temp folder whose clock and ONSS reachability the test sets; ONSS (a sender standing for
 * it) accepts everything while online. Demo settings: jan (91010145773) is the supervisor.
 */
function retentionKiosk() {
  const temp = makeTempDir();
  const state = { now: new Date('2026-01-01T08:00:00Z'), online: true };
  const sender: PresenceSender = {
    send: async (batch) => {
      if (!state.online) throw new Error('offline');
      return batch.map((r) => ({ clientRef: r.clientRef, state: 'accepted' as const, serverId: String(r.id), remarks: [] }));
    },
  };
  /** Starts the kiosk (the purge runs at start-up); `tapIn` registers a demo person's start of work. */
  const start = () => {
    const demo = createDemoCardSource();
    const app = startKioskApp({ settings: { ...demoSettings(), retentionDays: 45 }, dataDir: temp.dir, cardSources: [demo], demoCards: demo, sender, clock: () => state.now, log: () => {} });
    let tapId = '';
    app.onEvent((e: KioskEvent) => {
      if (e.type === 'tap') tapId = e.prompt.tapId;
    });
    const tapIn = async (demoCardId: string) => {
      await app.api.presentDemoCard({ demoCardId });
      await app.api.register({ tapId, intent: 'start-work' });
    };
    return { app, tapIn };
  };
  return { temp, state, start, file: `${temp.dir}/kiosk.sqlite` };
}

describe('retention', () => {
  it('erases the national number of registrations acknowledged more than retentionDays ago, keeps queued ones', async () => {
    const { temp, state, start, file } = retentionKiosk();
    const { app, tapIn } = start();
    await tapIn('ana');
    await app.outbox.whenIdle();
    state.online = false;
    await tapIn('jan');
    await app.stop();

    state.now = new Date('2026-02-20T08:00:00Z'); // 50 days later: the purge runs at start-up
    await start().app.stop();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT niss, state FROM registrations ORDER BY id').all()).toEqual([
      { niss: null, state: 'accepted' },
      { niss: '91010145773', state: 'sent' },
    ]);
    expect(db.prepare("SELECT action, details FROM audit_log WHERE action = 'retention-purge'").all()).toHaveLength(1);
    db.close();
    temp.cleanup();
  });

  it('deletes workers with no badge, no supervisor role and no registration still holding a national number; their registrations stay', async () => {
    const { temp, state, start, file } = retentionKiosk();
    const { app, tapIn } = start();
    for (const person of ['ana', 'jan', 'fatima']) await tapIn(person);
    await app.outbox.whenIdle();
    state.online = false;
    await tapIn('krzysztof'); // never reaches ONSS: its national number must stay, and so must its worker
    await app.stop();

    const seed = new Database(file);
    const fatima = seed.prepare("SELECT id FROM workers WHERE niss = '02061523807'").get() as { id: number };
    seed.prepare("INSERT INTO badges (uid, worker_id, enrolled_at) VALUES ('04A1B2C3D4', ?, '2026-01-01T08:00:00.000Z')").run(fatima.id);
    // Typed in by a supervisor long ago, never registered.
    seed
      .prepare("INSERT INTO workers (niss, surname, first_names, created_at, updated_at, source) VALUES ('85073003328', 'Janssens', 'Els', '2026-01-01T08:00:00.000Z', '2026-01-01T08:00:00.000Z', 'manual')")
      .run();
    seed.close();

    state.now = new Date('2026-02-20T08:00:00Z'); // 50 days later: the purge runs at start-up
    await start().app.stop();

    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT niss FROM workers ORDER BY niss').all()).toEqual([
      { niss: '02061523807' }, // badge
      { niss: '75092331155' }, // unsynced registration
      { niss: '91010145773' }, // supervisor
    ]);
    // Every registration is still there; ana's has lost both its national number and its worker.
    expect(db.prepare('SELECT worker_id IS NULL AS orphan, niss, state FROM registrations ORDER BY id').all()).toEqual([
      { orphan: 1, niss: null, state: 'accepted' },
      { orphan: 0, niss: null, state: 'accepted' },
      { orphan: 0, niss: null, state: 'accepted' },
      { orphan: 0, niss: '75092331155', state: 'sent' },
    ]);
    const audit = db.prepare("SELECT details FROM audit_log WHERE action = 'retention-purge'").all() as Array<{ details: string }>;
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ erased: 3, workersDeleted: 2, before: '2026-01-06T08:00:00.000Z' }]);
    // The supervisor's view of that day still counts four registrations, one without a name.
    const day = createSupervisorStore(db).registrationsBetween(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-02T00:00:00Z'));
    expect(day.map((r) => [r.surname, r.niss])).toEqual([
      [null, null],
      ['Peeters', '91010145773'],
      ['El Amrani', '02061523807'],
      ['Wiśniewski', '75092331155'],
    ]);
    db.close();
    temp.cleanup();
  });
});
