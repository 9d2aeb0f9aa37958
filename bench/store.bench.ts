/**
 * commit_ms_p99: one registration committed through the kiosk's store (WAL, synchronous=FULL), p99 of
 * 2,000; between two commits the event loop turns once, untimed, as it does between two taps (the
 * store checkpoints the WAL there, after the confirmation). commit_vs_fdatasync_ratio: that p99 against the p99 of a bare append + fdatasync loop on the
 * same disk in the same run — what durability costs at the least. roster_query_ms: the roster query
 * (median of 20) with 2,000 workers and 1,000,000 historic registrations.
 */
import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { demoSettings } from '../main/core/config/settings.ts';
import { createRegistrationService } from '../main/core/registration/registration-service.node.ts';
import { openDatabase } from '../main/core/store/database.node.ts';
import { createKioskStore } from '../main/core/store/kiosk-store.node.ts';
import { brusselsDayStart } from '../main/core/time/brussels-time.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { syntheticNiss } from '../test/support/synthetic.ts';
import { percentile, round, type Metrics } from './metrics.ts';

const COMMITS = 2000;

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function run(): Promise<Metrics> {
  const temp = makeTempDir('ciao-bench-store-');
  try {
    const db = openDatabase(join(temp.dir, 'kiosk.sqlite'));
    const store = createKioskStore(db);
    const settings = demoSettings();
    const registrations = createRegistrationService({ store, settings });
    const worker = store.upsertWorkerFromCard({ nationalNumber: syntheticNiss(1), surname: 'Bench', firstNames: 'Mark' }, new Date());

    // Bare durability floor (append ~ a registration row, then fdatasync), interleaved with the real
    // commits so that both see the same disk conditions: this disk's latency drifts between runs.
    const fd = openSync(join(temp.dir, 'fdatasync.bin'), 'a');
    const record = Buffer.alloc(300, 0x61);
    const bare: number[] = [];
    const commits: number[] = [];
    for (let i = 0; i < COMMITS; i += 1) {
      bare.push(
        time(() => {
          writeSync(fd, record);
          fdatasyncSync(fd);
        }),
      );
      commits.push(time(() => registrations.record(worker, i % 2 === 0 ? 'start-work' : 'end-work', 'eid', new Date())));
      await new Promise(setImmediate);
    }
    closeSync(fd);

    // 2,000 workers, 1,000,000 registrations over the past year, then today's shifts.
    const now = new Date();
    const workers = Array.from({ length: 2000 }, (_, i) =>
      store.upsertWorkerFromCard({ nationalNumber: syntheticNiss(i + 10), surname: `Worker${i}`, firstNames: 'Test' }, now),
    );
    const insert = db.prepare(
      `INSERT INTO registrations (client_ref, worker_id, niss, direction, intent, card_kind, at_utc, at_local, workplace_id,
         enterprise_number, kiosk_id, state) VALUES (?, ?, ?, ?, ?, 'eid', ?, ?, 'DEMO000000001', '0403019261', 'bench', 'accepted')`,
    );
    const yearAgo = now.getTime() - 365 * 24 * 3600 * 1000;
    db.transaction(() => {
      for (let i = 0; i < 1_000_000; i += 1) {
        const w = workers[i % workers.length]!;
        const at = new Date(yearAgo + Math.floor((i / 1_000_000) * 364 * 24 * 3600 * 1000)).toISOString();
        const out = Math.floor(i / workers.length) % 2 === 1;
        insert.run(`h${i}`, w.id, w.niss, out ? 'OUT' : 'IN', out ? 'end-work' : 'start-work', at, at);
      }
    })();
    const dayStart = brusselsDayStart(now).toISOString();
    const since = new Date(Math.min(Date.parse(dayStart), now.getTime() - 24 * 3600 * 1000)).toISOString();
    let rows = 0;
    const queries = Array.from({ length: 20 }, () => time(() => (rows = store.roster(since, dayStart).length)));
    db.close();
    if (rows === 0) throw new Error('the roster query returned nothing: the benchmark measured an empty result');

    const commitP99 = percentile(commits, 99);
    return {
      commit_ms_p99: { value: round(commitP99, 3), unit: 'ms' },
      commit_vs_fdatasync_ratio: { value: round(commitP99 / percentile(bare, 99), 2), unit: 'ratio' },
      roster_query_ms: { value: round(percentile(queries, 50), 2), unit: 'ms' },
    };
  } finally {
    temp.cleanup();
  }
}
