/**
 * The outbox's reads of the queue (through migration 006's index): a batch is the lowest ids among all
 * workers' unsynced rows, marked attempted; the counts report every unsynced row and the oldest time,
 * even when a later row carries an earlier time (a clock set back between taps).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoSettings } from '../../../main/core/config/settings.ts';
import { createRegistrationService } from '../../../main/core/registration/registration-service.node.ts';
import { openDatabase, type SqliteDatabase } from '../../../main/core/store/database.node.ts';
import { createKioskStore, type KioskStore } from '../../../main/core/store/kiosk-store.node.ts';
import { syntheticNiss } from '../../support/synthetic.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 8, minute));

describe('outbox queue reads', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: SqliteDatabase;
  let store: KioskStore;
  let refs: string[];

  beforeEach(() => {
    temp = makeTempDir();
    db = openDatabase(`${temp.dir}/kiosk.sqlite`);
    store = createKioskStore(db);
    const registrations = createRegistrationService({ store, settings: demoSettings() });
    const workers = [0, 1, 2].map((i) =>
      store.upsertWorkerFromCard({ nationalNumber: syntheticNiss(i), surname: `Worker${i}`, firstNames: 'Test' }, at(0)),
    );
    // Workers interleaved, so id order differs from the (worker, id) order of registrations_unsynced;
    // the last row's clock was set back: it is the newest id with the oldest time.
    const minutes = [10, 11, 12, 13, 14, 15, 16, 17, 5];
    refs = minutes.map((m, i) => registrations.record(workers[i % 3]!, i < 3 || i > 5 ? 'start-work' : 'end-work', 'eid', at(m)).registrationId);
  });

  afterEach(() => {
    db.close();
    temp.cleanup();
  });

  it('takes the lowest ids first, across workers, and marks them attempted', () => {
    const first = store.takeOutboxBatch(4, at(30));
    expect(first.map((r) => r.clientRef)).toEqual(refs.slice(0, 4));
    const marked = db
      .prepare(`SELECT client_ref AS ref, state, attempts, last_attempt_at AS lastAttemptAt FROM registrations WHERE state = 'sent' ORDER BY id`)
      .all();
    expect(marked).toEqual(refs.slice(0, 4).map((ref) => ({ ref, state: 'sent', attempts: 1, lastAttemptAt: at(30).toISOString() })));

    // Sent but unanswered rows stay first in line.
    expect(store.takeOutboxBatch(5, at(31)).map((r) => r.clientRef)).toEqual(refs.slice(0, 5));
  });

  it('counts every unsynced row and reports the oldest time, not the lowest id', () => {
    expect(store.outboxCounts()).toEqual({ queued: 9, oldestQueuedAtUtc: at(5).toISOString() });

    const batch = store.takeOutboxBatch(3, at(30));
    store.applyOutcomes(
      batch.map((r) => ({ clientRef: r.clientRef, state: 'accepted', serverId: `onss-${r.clientRef}`, remarks: [] })),
      at(31),
    );
    expect(store.outboxCounts()).toEqual({ queued: 6, oldestQueuedAtUtc: at(5).toISOString() });
    expect(store.takeOutboxBatch(10, at(32)).map((r) => r.clientRef)).toEqual(refs.slice(3));
  });
});
