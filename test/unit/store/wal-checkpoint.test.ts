/**
 * A registration's commit never checkpoints the WAL (the worker's confirmation waits for that commit);
 * the store checkpoints after the current turn of the event loop, once SQLite's threshold is reached,
 * so registrations alone keep the WAL bounded.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoSettings } from '../../../main/core/config/settings.ts';
import { createRegistrationService } from '../../../main/core/registration/registration-service.node.ts';
import { CHECKPOINT_AFTER_FRAMES, openDatabase, type SqliteDatabase } from '../../../main/core/store/database.node.ts';
import { createKioskStore, type KioskStore, type WorkerRow } from '../../../main/core/store/kiosk-store.node.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

/** Frames in the WAL not yet copied into the database file (NOOP: looks without checkpointing). */
function pendingFrames(db: SqliteDatabase): number {
  const [wal] = db.pragma('wal_checkpoint(NOOP)') as Array<{ log: number; checkpointed: number }>;
  return wal!.log - wal!.checkpointed;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('WAL checkpoints after registrations', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: SqliteDatabase;
  let store: KioskStore;
  let record: (i: number) => void;

  beforeEach(() => {
    temp = makeTempDir();
    db = openDatabase(`${temp.dir}/kiosk.sqlite`);
    store = createKioskStore(db);
    const registrations = createRegistrationService({ store, settings: demoSettings() });
    const worker: WorkerRow = store.upsertWorkerFromCard({ nationalNumber: '88041212335', surname: 'Popescu', firstNames: 'Ana' }, new Date());
    record = (i) => registrations.record(worker, i % 2 === 0 ? 'start-work' : 'end-work', 'eid', new Date());
  });

  afterEach(() => {
    db.close();
    temp.cleanup();
  });

  it('does not checkpoint inside the commits, but right after them', async () => {
    // Several registrations per frame threshold, all within one turn of the event loop.
    for (let i = 0; i < 400; i += 1) record(i);
    expect(pendingFrames(db)).toBeGreaterThanOrEqual(CHECKPOINT_AFTER_FRAMES);

    await nextTurn();
    expect(pendingFrames(db)).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM registrations').get()).toEqual({ n: 400 });
  });

  it('keeps the WAL under the threshold plus one registration when taps come one per turn', async () => {
    let most = 0;
    for (let i = 0; i < 1000; i += 1) {
      record(i);
      most = Math.max(most, pendingFrames(db));
      await nextTurn();
    }
    // Without the deferred checkpoint, these 1,000 commits left about 5,000 frames in the WAL.
    expect(most).toBeGreaterThanOrEqual(CHECKPOINT_AFTER_FRAMES);
    expect(most).toBeLessThan(CHECKPOINT_AFTER_FRAMES + 10);
  });

  it('leaves a small WAL alone: no checkpoint (and no fsync of the database file) per registration', async () => {
    record(0);
    const before = pendingFrames(db);
    await nextTurn();
    expect(before).toBeGreaterThan(0);
    expect(pendingFrames(db)).toBe(before);
  });
});
