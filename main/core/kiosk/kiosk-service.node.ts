/**
 * Where a tap becomes a registration. Card sources report readings; this service identifies the
 * worker, opens a tap prompt (one at a time, with an expiry), and records the registration when
 * the worker picks an intent for that live tap. It implements `KioskApi` for both transports.
 */
import type {
  CardKind,
  FallbackQr,
  KioskApi,
  KioskEvent,
  KioskSnapshot,
  ReaderStatus,
  RegistrationReceipt,
  Roster,
  SyncStatus,
  TapErrorCode,
  TapPrompt,
} from '../../../preload/api.ts';
import { KioskError } from '../api/kiosk-error.ts';
import type { CardIdentity, CardReading, CardSourceEvent } from '../card/card-source.ts';
import type { Settings } from '../config/settings.ts';
import { createDeclarationService } from '../declarations/declaration-service.node.ts';
import { fallbackQr } from '../poster/fallback-qr.node.ts';
import {
  ALL_INTENTS,
  OUT_WITHOUT_IN_WINDOW_MS,
  presenceAfter,
  suggestIntent,
  tapWarnings,
} from '../registration/presence-rules.ts';
import { displayName, type RegistrationService } from '../registration/registration-service.node.ts';
import type { DeclarationStore } from '../store/declaration-store.node.ts';
import type { KioskStore, WorkerRow } from '../store/kiosk-store.node.ts';
import type { SupervisorStore } from '../store/supervisor-store.node.ts';
import type { RemoteRegistrations } from '../roster/remote-registrations.ts';
import { createSupervisorService } from '../supervisor/supervisor-service.node.ts';
import { brusselsDayStart } from '../time/brussels-time.ts';
import { newClientReference } from '../registration/client-reference.ts';
import { aggregateReaderStatus, type SourceReaderState } from './reader-status.ts';

const FAILURE_KEYS: Record<TapErrorCode, string> = {
  'unknown-badge': 'tap.error.unknownBadge',
  'unknown-card': 'tap.error.unknownCard',
  'unreadable-card': 'tap.error.unreadableCard',
  'card-removed': 'tap.error.cardRemoved',
  'invalid-number': 'tap.error.invalidNumber',
  'reader-error': 'tap.error.readerError',
  'storage-failed': 'api.error.storageFailed',
};

/** USB badge readers that type the badge number like a keyboard; the UI decodes them (renderer/input/). */
const KEYBOARD_WEDGE_READER = 'Keyboard badge reader';

export interface DemoCards {
  list(): Array<{ id: string; label: string }>;
  present(id: string): boolean;
}

export interface KioskServiceDeps {
  settings: Settings;
  store: KioskStore;
  registrations: RegistrationService;
  sync: { status(): SyncStatus; wake(): void };
  clock: () => Date;
  demoCards?: DemoCards;
  supervisorStore: SupervisorStore;
  declarationStore: DeclarationStore;
  /** Registrations of the same workplace made elsewhere (the ONSS search); absent → the overview says so. */
  remote?: RemoteRegistrations;
  /** The shell's way to leave the kiosk (Electron quits); absent in browser mode. */
  onExitRequested?: () => void;
}

interface PendingTap {
  prompt: TapPrompt;
  worker: WorkerRow;
  timer: ReturnType<typeof setTimeout>;
}

export function createKioskService(deps: KioskServiceDeps) {
  const { settings, store, registrations, sync, clock } = deps;
  const listeners = new Set<(event: KioskEvent) => void>();
  const sources = new Map<string, SourceReaderState>();
  let reader: ReaderStatus = { state: 'starting', readers: [], message: null };
  let pending: PendingTap | null = null;

  function emit(event: KioskEvent): void {
    for (const listener of listeners) listener(event);
  }

  const supervisor = createSupervisorService({
    settings,
    store,
    supervisors: deps.supervisorStore,
    clock,
    emit,
    sync,
    ...(deps.remote ? { remote: deps.remote } : {}),
    ...(deps.onExitRequested ? { onExitRequested: deps.onExitRequested } : {}),
  });
  const declarations = createDeclarationService({
    declarations: deps.declarationStore,
    urlTemplate: settings.smartphoneUrlTemplate,
    kioskRegistersFor: { workplaceId: settings.site.workplaceId, enterpriseNumber: settings.site.enterpriseNumber },
    authorize: supervisor.authorize,
    audit: (actor, action, details = {}) => store.appendAudit(actor, action, details, clock()),
    clock,
    emit,
  });

  /** The open tap with this id, or `tap-expired`: methods acting for a worker need their live tap. */
  function liveTap(tapId: string): PendingTap {
    if (!pending || pending.prompt.tapId !== tapId || Date.parse(pending.prompt.expiresAt) <= clock().getTime()) {
      throw new KioskError('tap-expired', { key: 'api.error.tapExpired' });
    }
    return pending;
  }

  function closeTap(reason: 'registered' | 'cancelled' | 'expired' | 'replaced'): void {
    if (!pending) return;
    clearTimeout(pending.timer);
    const tapId = pending.prompt.tapId;
    pending = null;
    emit({ type: 'tap-closed', tapId, reason });
  }

  function tapError(code: TapErrorCode, badgeUid?: string): void {
    emit({
      type: 'tap-error',
      error: { code, message: { key: FAILURE_KEYS[code], ...(badgeUid ? { params: { badge: badgeUid } } : {}) }, ...(badgeUid ? { badgeUid } : {}) },
    });
  }

  function openTap(worker: WorkerRow, cardKind: CardKind): void {
    // A second tap of the same card while its prompt is open is the same tap (no double registration).
    if (pending && pending.worker.id === worker.id && Date.parse(pending.prompt.expiresAt) > clock().getTime()) {
      emit({ type: 'tap', prompt: pending.prompt });
      return;
    }
    closeTap('replaced');
    const now = clock();
    const { last, lastInUtc } = store.lastRegistrations(worker.id);
    const presence = presenceAfter(last);
    const expiresAt = new Date(now.getTime() + settings.tapTimeoutSeconds * 1000);
    const prompt: TapPrompt = {
      tapId: newClientReference(),
      cardKind,
      worker: { displayName: displayName(worker), language: (worker.language as TapPrompt['worker']['language']) ?? null },
      presence,
      suggested: suggestIntent(presence),
      allowed: [...ALL_INTENTS],
      warnings: tapWarnings(last, lastInUtc, now),
      expiresAt: expiresAt.toISOString(),
      supervisor: supervisor.isSupervisor(worker),
    };
    const timer = setTimeout(() => {
      if (pending?.prompt.tapId === prompt.tapId) closeTap('expired');
    }, expiresAt.getTime() - now.getTime());
    timer.unref?.();
    pending = { prompt, worker, timer };
    emit({ type: 'tap', prompt });
  }

  function identified(identity: CardIdentity, cardKind: CardKind): void {
    let worker: WorkerRow;
    try {
      worker = store.upsertWorkerFromCard(identity, clock());
    } catch {
      tapError('storage-failed');
      return;
    }
    openTap(worker, cardKind);
  }

  function setReaderStatus(next: ReaderStatus): void {
    reader = next;
    emit({ type: 'reader', status: next });
  }

  /** Every reader's reading ends here: enrolment first, then a tap for a known worker. */
  function cardRead(reading: CardReading): void {
    try {
      if (supervisor.handleReading(reading)) return;
    } catch {
      tapError('storage-failed');
      return;
    }
    if (reading.kind === 'badge') {
      const worker = store.workerByBadge(reading.uid);
      if (worker) openTap(worker, 'badge');
      else tapError('unknown-badge', reading.uid);
    } else {
      identified(reading.identity, reading.kind);
    }
  }

  // The QR of the active declaration's URL, drawn once per URL (the idle screen asks after every change).
  let qrOfActive: { url: string; qr: Promise<FallbackQr> } | null = null;

  const api: KioskApi = {
    async getSnapshot(): Promise<KioskSnapshot> {
      return {
        site: {
          kioskId: settings.kioskId,
          siteName: settings.site.siteName,
          workplaceId: settings.site.workplaceId,
          employerName: settings.site.employerName,
          enterpriseNumber: settings.site.enterpriseNumber,
          demo: settings.demo,
          onssTarget: settings.onss.target,
        },
        reader,
        sync: sync.status(),
        pendingTap: pending?.prompt ?? null,
        demoCards: deps.demoCards?.list() ?? [],
        now: clock().toISOString(),
      };
    },

    async register({ tapId, intent }): Promise<RegistrationReceipt> {
      const now = clock();
      const tap = liveTap(tapId);
      // Recorded first; the tap closes only once the row is committed, so a storage error lets the worker retry.
      const receipt = registrations.record(tap.worker, intent, tap.prompt.cardKind, now);
      closeTap('registered');
      emit({ type: 'registration', receipt });
      emit({ type: 'roster-changed' });
      sync.wake();
      return receipt;
    },

    async cancelTap({ tapId }) {
      if (pending?.prompt.tapId === tapId) closeTap('cancelled');
      return null;
    },

    async getRoster(): Promise<Roster> {
      const now = clock();
      const dayStart = brusselsDayStart(now);
      // Today's workers, plus night-shift workers whose last registration was within 24 h.
      const since = new Date(Math.min(dayStart.getTime(), now.getTime() - OUT_WITHOUT_IN_WINDOW_MS));
      const rows = store.roster(since.toISOString(), dayStart.toISOString());
      return {
        generatedAt: now.toISOString(),
        entries: rows.map((row) => ({
          workerId: String(row.workerId),
          displayName: displayName(row),
          presence: presenceAfter({ intent: row.lastIntent, atUtc: row.lastAtUtc }),
          registrationsToday: row.registrationsToday,
          unsynced: row.unsynced,
        })),
      };
    },

    async presentKeyboardBadge({ uid }) {
      cardRead({ kind: 'badge', reader: KEYBOARD_WEDGE_READER, uid });
      return null;
    },

    async presentDemoCard({ demoCardId }) {
      if (!deps.demoCards || !deps.demoCards.present(demoCardId)) {
        throw new KioskError('not-available', { key: 'api.error.notAvailable' });
      }
      return null;
    },

    async setWorkerLanguage({ tapId, language }) {
      const tap = liveTap(tapId);
      store.setWorkerLanguage(tap.worker.id, language, clock());
      tap.worker = { ...tap.worker, language };
      tap.prompt = { ...tap.prompt, worker: { ...tap.prompt.worker, language } };
      return null;
    },

    async supervisorUnlock({ tapId, pin }) {
      const tap = liveTap(tapId);
      const session = await supervisor.unlock(tap.worker, pin);
      if (pending === tap) closeTap('cancelled');
      return session;
    },

    async supervisorSetPin({ tapId, pin }) {
      const tap = liveTap(tapId);
      const session = await supervisor.setPin(tap.worker, pin);
      if (pending === tap) closeTap('cancelled');
      return session;
    },

    async supervisorLock({ session }) {
      supervisor.lock(session);
      return null;
    },

    getSupervisorOverview: ({ session }) => supervisor.overview(session),

    async listWorkers({ session, query }) {
      return supervisor.listWorkers(session, query);
    },

    async startEnrolment({ session, workerId }) {
      supervisor.startEnrolment(session, workerId);
      return null;
    },

    async cancelEnrolment({ session }) {
      supervisor.cancelEnrolment(session);
      return null;
    },

    async enrolManualWorker({ session, ...worker }) {
      return supervisor.enrolManual(session, worker);
    },

    async unlinkBadge({ session, badgeUid }) {
      supervisor.unlinkBadge(session, badgeUid);
      return null;
    },

    exportRegistrations: ({ session, ...range }) => supervisor.exportRegistrations(session, range),

    getLanRoster: ({ lanToken }) => supervisor.lanRoster(lanToken),

    async getFallbackQr() {
      const active = declarations.active();
      if (!active) return null;
      if (qrOfActive?.url !== active.smartphoneUrl) qrOfActive = { url: active.smartphoneUrl, qr: fallbackQr(active) };
      return qrOfActive.qr;
    },

    getPoster: ({ session }) => declarations.poster(session),
    listDeclarations: async ({ session }) => declarations.list(session),
    saveDeclaration: async ({ session, id, declaration }) => declarations.save(session, id, declaration),
    activateDeclaration: async ({ session, id }) => declarations.activate(session, id),
    deleteDeclaration: async ({ session, id }) => declarations.remove(session, id),
    previewPoster: ({ session, declaration }) => declarations.preview(session, declaration),

    async exitKiosk({ session }) {
      return supervisor.exitKiosk(session);
    },
  };

  return {
    api,
    onEvent(listener: (event: KioskEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /**
     * No card source in the core (PC/SC turned off, no demo): the only readers are keyboard wedges,
     * which the core cannot see, so there is nothing to wait for.
     */
    noCardSources(): void {
      setReaderStatus({ state: 'ready', readers: [], message: { key: 'reader.ready' } });
    },
    /** Publishes a sync status change to the UI. */
    syncChanged(status: SyncStatus): void {
      emit({ type: 'sync', status });
    },
    handleCardEvent(sourceName: string, event: CardSourceEvent): void {
      switch (event.type) {
        case 'readers':
          sources.set(sourceName, { readers: event.readers, unavailable: null });
          setReaderStatus(aggregateReaderStatus(sources));
          return;
        case 'unavailable':
          sources.set(sourceName, { readers: [], unavailable: event.detail });
          setReaderStatus(aggregateReaderStatus(sources));
          return;
        case 'reading':
          setReaderStatus({ ...reader, state: 'reading' });
          return;
        case 'card-read':
          setReaderStatus(aggregateReaderStatus(sources));
          cardRead(event.reading);
          return;
        case 'card-failed':
          setReaderStatus(aggregateReaderStatus(sources));
          tapError(event.code);
          return;
        case 'card-removed':
          if (reader.state === 'reading') setReaderStatus(aggregateReaderStatus(sources));
          return;
      }
    },
    dispose(): void {
      supervisor.dispose();
      if (pending) clearTimeout(pending.timer);
      pending = null;
      listeners.clear();
    },
  };
}

export type KioskService = ReturnType<typeof createKioskService>;
