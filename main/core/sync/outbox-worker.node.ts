/**
 * Sends queued registrations to ONSS, oldest first, in batches of at most 200 (the service limit).
 * A record leaves the outbox only when ONSS answered for its client reference; a lost answer means
 * the same record, with the same reference, is sent again — ONSS (and the stand-in) dedup on it.
 */
import type { MessageRef, SyncStatus } from '../../../preload/api.ts';
import type { KioskStore } from '../store/kiosk-store.node.ts';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import { SendFailure, type PresenceSender } from './presence-sender.ts';
import type { ClockStatus } from './clock-monitor.ts';

export const MAX_BATCH = 200;

export interface OutboxWorkerOptions {
  store: KioskStore;
  sender: PresenceSender;
  clock: () => Date;
  onStatus: (status: SyncStatus) => void;
  batchSize?: number;
  backoff?: BackoffPolicy;
  /** Alert the supervisor once the oldest queued record is this old (ONSS flags late receptions, remark 32). */
  alertAfterSeconds?: number;
  random?: () => number;
  /** The clock check, reported with the sync status (remark 32 is about mis-clocked registrations). */
  clockStatus?: () => ClockStatus;
}

const ERROR_KEYS: Record<SendFailure['kind'], string> = {
  network: 'sync.error.network',
  server: 'sync.error.server',
  'rate-limited': 'sync.error.server',
  malformed: 'sync.error.server',
  unauthorized: 'sync.error.server',
};

export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { store, sender, clock, onStatus } = options;
  const batchSize = Math.min(options.batchSize ?? MAX_BATCH, MAX_BATCH);
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const alertAfterSeconds = options.alertAfterSeconds ?? 300;
  let online = true;
  let lastSuccessAt: string | null = store.getSyncState('lastSuccessAt');
  let lastError: MessageRef | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;
  let idleWaiters: Array<() => void> = [];
  // Set by wake() during a pass, so a record committed just after the pass looked is not left waiting.
  let dirty = false;

  function status(): SyncStatus {
    const counts = store.outboxCounts();
    const age =
      counts.oldestQueuedAtUtc === null
        ? null
        : Math.max(0, Math.round((clock().getTime() - Date.parse(counts.oldestQueuedAtUtc)) / 1000));
    const clockCheck = options.clockStatus?.() ?? { offsetSeconds: null, lastJumpAt: null, ok: true };
    return {
      online,
      queued: counts.queued,
      oldestQueuedAgeSeconds: age,
      lastSuccessAt,
      lastError,
      alert: (age !== null && age >= alertAfterSeconds) || !clockCheck.ok,
      clock: clockCheck,
    };
  }

  /** One pass: drains the outbox until it is empty or a send fails. Returns the delay before the next pass. */
  async function drain(): Promise<number | null> {
    for (;;) {
      const batch = store.takeOutboxBatch(batchSize, clock());
      if (batch.length === 0) return null;
      try {
        const outcomes = await sender.send(batch);
        const answeredAt = clock();
        store.applyOutcomes(outcomes, answeredAt);
        online = true;
        failures = 0;
        lastError = null;
        lastSuccessAt = answeredAt.toISOString();
        onStatus(status());
        // Records that got no answer stay in the outbox; don't spin on them within this pass.
        if (outcomes.length < batch.length) return policy.baseMs;
      } catch (error) {
        const failure =
          error instanceof SendFailure ? error : new SendFailure('network', (error as Error).message ?? String(error));
        failures += 1;
        online = false;
        lastError = { key: ERROR_KEYS[failure.kind] };
        store.recordAttemptError(
          batch.map((r) => r.id),
          `${failure.kind}: ${failure.message}`,
        );
        onStatus(status());
        return Math.max(failure.retryAfterMs ?? 0, backoffDelayMs(failures, policy, options.random));
      }
    }
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      run();
    }, delayMs);
    timer.unref?.();
  }

  function run(): void {
    if (stopped || running) return;
    running = (async () => {
      let next: number | null = null;
      try {
        do {
          dirty = false;
          next = await drain();
        } while (next === null && dirty && !stopped);
      } finally {
        running = null;
      }
      if (next !== null) schedule(next);
      else {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const w of waiters) w();
      }
    })();
  }

  return {
    status,
    start(): void {
      stopped = false;
      onStatus(status());
      run();
    },
    /** A new registration was committed: send now, unless we are backing off after a failure. */
    wake(): void {
      dirty = true;
      onStatus(status());
      // After the current turn: the registration's confirmation must not also wait for this pass's
      // first transaction (a second fsync, and SQLite's auto-checkpoint when it is due).
      if (failures === 0 && !timer) setImmediate(run);
    },
    /** Resolves when the outbox is empty (used by tests and benchmarks). */
    whenIdle(): Promise<void> {
      if (!running && !timer && store.outboxCounts().queued === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
