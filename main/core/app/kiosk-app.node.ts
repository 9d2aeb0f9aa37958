/**
 * The composition root shared by both shells (Electron and the browser host): opens the store,
 * starts the card sources and the outbox, and exposes the API, its dispatcher and the event stream.
 */
import { join } from 'node:path';
import type { KioskApi, KioskEvent } from '../../../preload/api.ts';
import { createDispatch, type Dispatch } from '../api/dispatch.ts';
import type { CardSource } from '../card/card-source.ts';
import type { Settings } from '../config/settings.ts';
import { validateDeclaration } from '../declarations/declaration.ts';
import { createKioskService, type DemoCards } from '../kiosk/kiosk-service.node.ts';
import { createRegistrationService } from '../registration/registration-service.node.ts';
import { openDatabase, type OpenOptions } from '../store/database.node.ts';
import { createDeclarationStore } from '../store/declaration-store.node.ts';
import { createKioskStore, type KioskStore } from '../store/kiosk-store.node.ts';
import { createSupervisorStore } from '../store/supervisor-store.node.ts';
import type { RemoteRegistrations } from '../roster/remote-registrations.ts';
import { createOutboxWorker, type OutboxWorker } from '../sync/outbox-worker.node.ts';
import type { PresenceSender } from '../sync/presence-sender.ts';
import type { BackoffPolicy } from '../sync/backoff.ts';
import { createClockMonitor } from '../sync/clock-monitor.ts';

export interface KioskAppOptions {
  settings: Settings;
  dataDir: string;
  cardSources: readonly CardSource[];
  demoCards?: DemoCards;
  sender: PresenceSender;
  clock?: () => Date;
  database?: OpenOptions;
  /** The ONSS search for registrations made elsewhere at this workplace (supervisor overview). */
  remote?: RemoteRegistrations;
  /** The shell's way to leave the kiosk, offered to supervisors (Electron only). */
  onExitRequested?: () => void;
  /** Retry pacing of the outbox; tests and benchmarks shorten it. */
  syncBackoff?: BackoffPolicy;
  log: (message: string) => void;
}

export interface KioskApp {
  api: KioskApi;
  dispatch: Dispatch;
  onEvent(listener: (event: KioskEvent) => void): () => void;
  store: KioskStore;
  outbox: OutboxWorker;
  databaseFile: string;
  /** Feed ONSS's Date headers to the clock check. */
  observeServerDate(serverDate: Date, receivedAtMs: number): void;
  stop(): Promise<void>;
}

export const DATABASE_FILE_NAME = 'kiosk.sqlite';
const DAY_MS = 24 * 60 * 60 * 1000;
const PURGE_INTERVAL_MS = 6 * 60 * 60 * 1000;
const CLOCK_CHECK_INTERVAL_MS = 30_000;

export function startKioskApp(options: KioskAppOptions): KioskApp {
  const clock = options.clock ?? (() => new Date());
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
  const db = openDatabase(databaseFile, options.database);
  const store = createKioskStore(db);
  const registrations = createRegistrationService({ store, settings: options.settings });
  const declarationStore = createDeclarationStore(db, options.settings.smartphoneUrlTemplate);
  // The settings' declarations fill an empty table once; after that supervisors edit them in the database.
  const seeded = declarationStore.seed(
    () =>
      options.settings.declarations.flatMap((raw) => {
        const result = validateDeclaration(raw, options.settings.smartphoneUrlTemplate);
        return result.ok ? [result.input] : [];
      }),
    clock(),
  );
  if (seeded > 0) store.appendAudit('system', 'declarations.seed', { count: seeded }, clock());
  let kiosk: ReturnType<typeof createKioskService> | null = null;
  const clockMonitor = createClockMonitor({
    wallMs: () => clock().getTime(),
    monotonicMs: () => performance.now(),
    onChange: (status) => {
      store.appendAudit('system', 'clock-check', { ...status }, clock());
      kiosk?.syncChanged(outbox.status());
    },
  });
  const outbox = createOutboxWorker({
    clockStatus: clockMonitor.status,
    store,
    sender: options.sender,
    clock,
    onStatus: (status) => kiosk?.syncChanged(status),
    ...(options.syncBackoff ? { backoff: options.syncBackoff } : {}),
  });
  kiosk = createKioskService({
    settings: options.settings,
    store,
    registrations,
    sync: outbox,
    clock,
    supervisorStore: createSupervisorStore(db),
    declarationStore,
    ...(options.demoCards ? { demoCards: options.demoCards } : {}),
    ...(options.remote ? { remote: options.remote } : {}),
    ...(options.onExitRequested ? { onExitRequested: options.onExitRequested } : {}),
  });
  const service = kiosk;
  for (const source of options.cardSources) {
    source.start((event) => service.handleCardEvent(source.name, event));
  }
  if (options.cardSources.length === 0) service.noCardSources();
  outbox.start();

  // Personal data is erased after the retention period: national numbers of acknowledged
  // registrations, then workers with no badge, no supervisor role and no recent registration. Counts stay.
  const purge = () => {
    const before = new Date(clock().getTime() - options.settings.retentionDays * DAY_MS);
    const erased = store.purgeAcknowledgedNiss(before);
    const workersDeleted = store.purgeInactiveWorkers(before, options.settings.supervisors);
    if (erased > 0 || workersDeleted > 0) {
      store.appendAudit('system', 'retention-purge', { erased, workersDeleted, before: before.toISOString() }, clock());
    }
  };
  purge();
  const timers = [setInterval(purge, PURGE_INTERVAL_MS), setInterval(clockMonitor.tick, CLOCK_CHECK_INTERVAL_MS)];
  for (const timer of timers) timer.unref();

  return {
    api: service.api,
    dispatch: createDispatch(service.api, (error) => options.log(`core: ${(error as Error).stack ?? String(error)}`)),
    onEvent: service.onEvent,
    store,
    outbox,
    databaseFile,
    observeServerDate: clockMonitor.observeServerDate,
    async stop() {
      await Promise.allSettled(options.cardSources.map((s) => s.stop()));
      for (const timer of timers) clearInterval(timer);
      await outbox.stop();
      service.dispose();
      db.close();
    },
  };
}
