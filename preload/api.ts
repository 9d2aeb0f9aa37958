/**
 * THE contract between the UI and the kiosk core. Types only: no runtime code may live here.
 *
 * The renderer reaches it through `window.ciao` (Electron preload) or the HTTP client
 * (browser mode); both implement `KioskBridge`. The core implements `KioskApi`, and every
 * input is validated against `main/core/api/input-schemas.ts` before it reaches the core.
 *
 * Times are ISO-8601 strings in UTC; the renderer formats them in Europe/Brussels.
 * User-visible text never crosses this contract: the core sends i18n keys (`MessageRef`).
 */

export type LanguageCode = 'nl' | 'fr' | 'de' | 'en' | 'pl' | 'ro' | 'pt' | 'es' | 'bg' | 'tr' | 'ar';

/** What the worker means; ONSS only knows the direction (IN/OUT) derived from it. */
export type Intent = 'start-work' | 'start-break' | 'end-break' | 'end-work';
export type Direction = 'IN' | 'OUT';

/** An i18n key plus its interpolation values; the renderer owns the wording. */
export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}

export type ReaderState = 'starting' | 'no-reader' | 'ready' | 'reading' | 'unavailable';

export interface ReaderStatus {
  state: ReaderState;
  readers: string[];
  message: MessageRef | null;
}

export interface SyncStatus {
  /** false once the last attempt failed for a network/server reason; true after a success. */
  online: boolean;
  queued: number;
  oldestQueuedAgeSeconds: number | null;
  lastSuccessAt: string | null;
  lastError: MessageRef | null;
  /** The oldest queued record approaches the ONSS reception-delay limit. */
  alert: boolean;
}

export type OnssTarget = 'demo-standin' | 'simulation' | 'production' | 'custom';

export interface SiteInfo {
  kioskId: string;
  siteName: string;
  /** Declaration-of-works workplace id (≤13 chars), sent as WorkPlaceId. */
  workplaceId: string;
  employerName: string;
  /** KBO/BCE number, 10 digits. */
  enterpriseNumber: string;
  demo: boolean;
  onssTarget: OnssTarget;
}

export type PresenceStatus = 'on-site' | 'on-break' | 'left' | 'absent';

export interface WorkerPresence {
  status: PresenceStatus;
  /** When the current status began (last registration), or null if none. */
  since: string | null;
  lastIntent: Intent | null;
}

export type TapWarningKind = 'double-in' | 'double-out' | 'out-without-in';

/** Shown as a question before the worker confirms one of `appliesTo` (prevents ONSS remarks 21, 22, 24). */
export interface TapWarning {
  kind: TapWarningKind;
  appliesTo: Intent[];
  /** Time of the registration that causes the warning (the last IN or OUT), if any. */
  since: string | null;
}

export type CardKind = 'eid' | 'badge' | 'demo';

/** A worker identified by a card tap, waiting for the worker to choose an intent. */
export interface TapPrompt {
  tapId: string;
  cardKind: CardKind;
  worker: {
    displayName: string;
    language: LanguageCode | null;
  };
  presence: WorkerPresence;
  suggested: Intent;
  allowed: Intent[];
  warnings: TapWarning[];
  expiresAt: string;
}

export type TapErrorCode =
  | 'unknown-badge'
  | 'unknown-card'
  | 'unreadable-card'
  | 'card-removed'
  | 'invalid-number'
  | 'reader-error'
  | 'storage-failed';

export interface TapError {
  code: TapErrorCode;
  message: MessageRef;
  /** Badge number shown so the supervisor can enrol it (unknown-badge only). */
  badgeUid?: string;
}

export type RegistrationState = 'queued' | 'sent' | 'accepted' | 'rejected';

export interface RegistrationReceipt {
  registrationId: string;
  workerName: string;
  intent: Intent;
  direction: Direction;
  at: string;
  /** Wall-clock time in Europe/Brussels, HH:mm, as stored with the record. */
  localTime: string;
  state: RegistrationState;
}

export interface RosterEntry {
  workerId: string;
  displayName: string;
  presence: WorkerPresence;
  registrationsToday: number;
  /** Registrations of this worker not yet acknowledged by ONSS. */
  unsynced: number;
}

export interface Roster {
  generatedAt: string;
  entries: RosterEntry[];
}

export interface KioskSnapshot {
  site: SiteInfo;
  reader: ReaderStatus;
  sync: SyncStatus;
  pendingTap: TapPrompt | null;
  /** Demo cards the demo card source can present (empty outside demo mode). */
  demoCards: Array<{ id: string; label: string }>;
  now: string;
}

export type KioskEvent =
  | { type: 'tap'; prompt: TapPrompt }
  | { type: 'tap-error'; error: TapError }
  | { type: 'tap-closed'; tapId: string; reason: 'registered' | 'cancelled' | 'expired' | 'replaced' }
  | { type: 'reader'; status: ReaderStatus }
  | { type: 'sync'; status: SyncStatus }
  | { type: 'registration'; receipt: RegistrationReceipt }
  | { type: 'roster-changed' };

/** Every operation the UI may ask of the core. One input object per method, always. */
export interface KioskApi {
  getSnapshot(input: Record<string, never>): Promise<KioskSnapshot>;
  /** Records the registration for a live tap; there is deliberately no way to name a worker directly. */
  register(input: { tapId: string; intent: Intent }): Promise<RegistrationReceipt>;
  cancelTap(input: { tapId: string }): Promise<null>;
  getRoster(input: Record<string, never>): Promise<Roster>;
  /** Demo mode only: presents one of `KioskSnapshot.demoCards` as if it had been tapped. */
  presentDemoCard(input: { demoCardId: string }): Promise<null>;
}

export type KioskApiMethod = keyof KioskApi;
export type KioskApiInput<M extends KioskApiMethod> = Parameters<KioskApi[M]>[0];
export type KioskApiOutput<M extends KioskApiMethod> = Awaited<ReturnType<KioskApi[M]>>;

/** Errors cross the transport in this shape; `code` is stable, `message` is for the UI. */
export interface KioskApiErrorBody {
  code: 'invalid-input' | 'unknown-method' | 'tap-expired' | 'not-available' | 'storage-failed' | 'internal';
  message: MessageRef;
}

/** What the renderer gets: the API plus a subscription to core events. */
export interface KioskBridge {
  api: KioskApi;
  onEvent(listener: (event: KioskEvent) => void): () => void;
}
