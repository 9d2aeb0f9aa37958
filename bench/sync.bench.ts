/**
 * sync_flush_10k_s: 10,000 queued registrations sent to the ONSS stand-in (its own process, real
 * HTTP, no faults) by the kiosk's outbox, until the outbox is empty. sync_flush_vs_bare_http_ratio:
 * against a bare client posting the very same batches (same JSON, same token) on a reset stand-in.
 * sync_flush_rss_mb: the peak resident memory (the kernel's VmHWM) of the kiosk as it runs — the built
 * host, `out/host/cli.mjs` under plain Node — started on 10,000 queued registrations and flushing them
 * to the stand-in. Not this process's: it also holds the TypeScript loader (tsx, ~38 MiB) and the
 * bare client's 10,000 rows and batches, which is what the earlier 163 MiB mostly measured.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { demoSettings } from '../main/core/config/settings.ts';
import { createOnssClient } from '../main/core/onss/onss-client.ts';
import { createOnssSender, toSubmission } from '../main/core/onss/onss-adapters.ts';
import { ONSS_PATHS, type PresenceSubmission } from '../main/core/onss/wire-format.ts';
import { createTokenProvider } from '../main/core/onss/token-provider.ts';
import { openDatabase, type SqliteDatabase } from '../main/core/store/database.node.ts';
import { createKioskStore } from '../main/core/store/kiosk-store.node.ts';
import { createOutboxWorker, MAX_BATCH } from '../main/core/sync/outbox-worker.node.ts';
import { createRegistrationService } from '../main/core/registration/registration-service.node.ts';
import { startKioskHost } from '../test/support/kiosk-host.ts';
import { startStandin, type Standin } from '../test/support/onss-standin.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { syntheticNiss } from '../test/support/synthetic.ts';
import { round, type Metrics } from './metrics.ts';

const COUNT = 10_000;
const snapshotQueueSchema = z.object({ ok: z.literal(true), value: z.object({ sync: z.object({ queued: z.number() }) }) });

/** A kiosk database with COUNT queued registrations of 500 workers, made through the registration service as taps would. */
function seedQueue(file: string): SqliteDatabase {
  const db = openDatabase(file);
  const store = createKioskStore(db);
  const registrations = createRegistrationService({ store, settings: demoSettings() });
  const workers = Array.from({ length: 500 }, (_, i) =>
    store.upsertWorkerFromCard({ nationalNumber: syntheticNiss(i), surname: `Worker${i}`, firstNames: 'Test' }, new Date()),
  );
  // In one transaction to save time here.
  db.transaction(() => {
    for (let i = 0; i < COUNT; i += 1) {
      const round = Math.floor(i / workers.length);
      registrations.record(workers[i % workers.length]!, round % 2 === 0 ? 'start-work' : 'end-work', 'eid', new Date());
    }
  })();
  return db;
}

/** Starts the built host on a seeded queue, waits until its outbox is empty, returns the host's peak RSS. */
async function hostFlushPeakRssMb(standin: Standin): Promise<number> {
  const host = await startKioskHost(
    (s) => ({
      ...s,
      demo: false,
      onss: { target: 'custom', baseUrl: standin.baseUrl, tokenUrl: standin.tokenUrl, clientId: standin.clientId, privateKeyPath: standin.privateKeyPath },
    }),
    (dir) => seedQueue(join(dir, 'kiosk.sqlite')).close(),
  );
  try {
    const deadline = Date.now() + 120_000;
    const queued = async () => {
      const res = await fetch(new URL('api/invoke/getSnapshot', host.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return snapshotQueueSchema.parse(await res.json()).value.sync.queued;
    };
    while ((await queued()) > 0) {
      if (Date.now() > deadline) throw new Error('the host did not flush its queue within 2 minutes');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if ((await standin.admin.stats()).registrationsStored !== COUNT) throw new Error('the host did not deliver every registration exactly once');
    const status = readFileSync(`/proc/${host.process.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]) / 1024;
  } finally {
    await host.stop();
  }
}

export async function run(): Promise<Metrics> {
  const temp = makeTempDir('ciao-bench-sync-');
  const standin = await startStandin();
  try {
    const db = seedQueue(join(temp.dir, 'kiosk.sqlite'));
    const store = createKioskStore(db);

    // The bare client: the same batches, serialised and posted back to back.
    const rows = store.takeOutboxBatch(COUNT, new Date());
    db.prepare(`UPDATE registrations SET state = 'queued', attempts = 0`).run();
    const batches: PresenceSubmission[][] = [];
    for (let i = 0; i < rows.length; i += MAX_BATCH) batches.push(rows.slice(i, i + MAX_BATCH).map((r) => toSubmission(r)!));
    const tokens = createTokenProvider({ tokenUrl: standin.tokenUrl, clientId: standin.clientId, privateKeyPem: standin.privateKeyPem, fetch });
    const url = new URL(ONSS_PATHS.presences, `${standin.baseUrl}/`);
    const token = await tokens.token();
    const bareStart = performance.now();
    for (const presences of batches) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ presences }),
      });
      if (!res.ok) throw new Error(`bare post failed: HTTP ${res.status}`);
      await res.json();
    }
    const bareSeconds = (performance.now() - bareStart) / 1000;
    if ((await standin.admin.registrations()).length !== COUNT) throw new Error('the bare run did not store every registration');
    await fetch(`${new URL(standin.baseUrl).origin}/__admin/reset`, { method: 'POST' });

    const client = createOnssClient({ baseUrl: standin.baseUrl, tokenUrl: standin.tokenUrl, clientId: standin.clientId, privateKeyPem: standin.privateKeyPem });
    const outbox = createOutboxWorker({ store, sender: createOnssSender(client), clock: () => new Date(), onStatus: () => {} });
    const start = performance.now();
    outbox.start();
    await outbox.whenIdle();
    const seconds = (performance.now() - start) / 1000;
    await outbox.stop();
    if ((await standin.admin.registrations()).length !== COUNT || store.outboxCounts().queued !== 0) {
      throw new Error('the outbox did not deliver every registration exactly once');
    }
    db.close();

    await fetch(`${new URL(standin.baseUrl).origin}/__admin/reset`, { method: 'POST' });
    const peakMb = await hostFlushPeakRssMb(standin);
    return {
      sync_flush_10k_s: { value: round(seconds, 2), unit: 's' },
      sync_flush_vs_bare_http_ratio: { value: round(seconds / bareSeconds, 2), unit: 'ratio' },
      sync_flush_rss_mb: { value: round(peakMb, 1), unit: 'MiB' },
    };
  } finally {
    await standin.stop();
    temp.cleanup();
  }
}
