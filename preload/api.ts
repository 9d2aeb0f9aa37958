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
  /** Something the supervisor must look at: the oldest queued record nears the ONSS reception-delay limit, or the clock is wrong. */
  alert: boolean;
  /** The kiosk stamps registrations with its own clock: is it trustworthy? */
  clock: {
    /** ONSS's clock minus the kiosk's, in seconds, from ONSS's last answer; null before any answer. */
    offsetSeconds: number | null;
    /** When the kiosk's clock was last set (jumped) while running, if it was. */
    lastJumpAt: string | null;
    ok: boolean;
  };
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
  /** The card belongs to a configured supervisor: the UI offers supervisor mode (PIN) besides the intents. */
  supervisor: boolean;
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

// ---------------------------------------------------------------------------------------------
// Supervisor mode (issue #4). Every supervisor method takes `session` = `SupervisorSession.token`;
// a call with an unknown or idle-expired session fails with `unauthorized`. Each call refreshes the
// idle timer and is written to the audit log. National numbers are masked in every view.
// ---------------------------------------------------------------------------------------------

export interface SupervisorSession {
  token: string;
  /** Idle auto-lock time; moved forward by every supervisor call. */
  expiresAt: string;
  supervisorName: string;
  /** The shell can close the kiosk window (Electron): the screen offers `exitKiosk`. False in browser mode. */
  canExitKiosk: boolean;
}

/** Where a registration was made. `this-kiosk` rows are ours; the others come from the ONSS search. */
export type RegistrationChannel = 'this-kiosk' | 'other-kiosk' | 'smartphone' | 'web' | 'unknown';

export type RosterAnomalyKind = 'missing-out' | 'double-in' | 'double-out' | 'rejected' | 'remark';

export interface RosterAnomaly {
  kind: RosterAnomalyKind;
  /** The registration concerned (`SupervisorRegistration.registrationId`), if any. */
  registrationId: string | null;
  at: string | null;
  /** ONSS remark number (kind `remark`), null when ONSS sent a remark text we cannot number. */
  remark: number | null;
  /** What the anomaly is, e.g. `anomaly.missingOut` or `remark.21.label`. */
  label: MessageRef;
  /** What the supervisor should do, e.g. `remark.21.action` (texts: main/core/roster/remark-hints.en.json). */
  hint: MessageRef;
}

export interface RegistrationRemark {
  /** Remark number from the ONSS remark table, or null if unrecognised. */
  number: number | null;
  /** The remark as ONSS sent it (data, not UI text). */
  raw: string;
  hint: MessageRef | null;
}

export interface SupervisorRegistration {
  /** Our client reference for `this-kiosk` rows; `remote:<ONSS id>` for the others. */
  registrationId: string;
  workerId: string | null;
  displayName: string | null;
  maskedNationalNumber: string;
  /** Unknown (null) for registrations made elsewhere: ONSS only knows the direction. */
  intent: Intent | null;
  direction: Direction;
  at: string;
  /** Europe/Brussels wall-clock time HH:mm. */
  localTime: string;
  channel: RegistrationChannel;
  /** Sync state for `this-kiosk` rows; `accepted`/`rejected` as ONSS reports it for the others. */
  state: RegistrationState;
  remarks: RegistrationRemark[];
}

export interface SupervisorRosterEntry {
  workerId: string | null;
  /** null when the worker is known only from a registration made elsewhere. */
  displayName: string | null;
  maskedNationalNumber: string;
  presence: WorkerPresence;
  /** Sum of today's IN→OUT intervals (Europe/Brussels day); an open interval counts until now. */
  workedMinutesToday: number;
  registrationsToday: number;
  unsynced: number;
  anomalies: RosterAnomaly[];
  channels: RegistrationChannel[];
}

export interface RemoteMergeStatus {
  /** `merged`: registrations made elsewhere are included; `offline`: the ONSS search failed (only this kiosk's
   *  rows, or those of `fetchedAt`); `not-configured`: no ONSS search available. */
  state: 'merged' | 'offline' | 'not-configured';
  fetchedAt: string | null;
  /** Registrations made elsewhere that are merged in; this kiosk's own, which the search returns too, are not counted. */
  count: number;
}

export interface SupervisorOverview {
  generatedAt: string;
  /** Europe/Brussels calendar day shown, YYYY-MM-DD. */
  day: string;
  entries: SupervisorRosterEntry[];
  /** Today's registrations, ours and those made elsewhere, newest first. */
  registrations: SupervisorRegistration[];
  sync: SyncStatus;
  remote: RemoteMergeStatus;
  sessionExpiresAt: string;
}

export interface WorkerSummary {
  workerId: string;
  displayName: string;
  /** e.g. `85.07.30-***.**`: birth date part only. */
  maskedNationalNumber: string;
  numberKind: 'niss' | 'bis';
  /** `eid`: created by an eID tap; `manual`: typed in by a supervisor. */
  source: 'eid' | 'manual';
  badges: Array<{ uid: string; enrolledAt: string }>;
  language: LanguageCode | null;
  supervisor: boolean;
}

export interface WorkerList {
  workers: WorkerSummary[];
  sessionExpiresAt: string;
}

export type EnrolmentStep = 'waiting-worker' | 'waiting-badge' | 'linked' | 'failed' | 'cancelled';

export interface ExportFile {
  fileName: string;
  mimeType: 'text/csv' | 'application/pdf';
  base64: string;
}

/** The smartphone channel, when the kiosk cannot read cards (ONSS: "use another channel"). */
export interface FallbackQr {
  url: string;
  /** The QR code as an SVG document. */
  svg: string;
}

// ---------------------------------------------------------------------------------------------
// Declarations of works (issue #5), edited in supervisor mode. Exactly one is active once any exists:
// its smartphone-channel QR code is on the site poster and on the idle screen when no reader works.
// ---------------------------------------------------------------------------------------------

export type DeclarationRegion = 'flanders' | 'wallonia' | 'brussels' | 'east-cantons';

/** What the supervisor types; the core validates it (main/core/declarations/declaration.ts, kept in sync at compile time). */
export interface DeclarationInput {
  /** Declaration-of-works number, 1–20 letters and digits. */
  dowNumber: string;
  /** WorkPlaceId, 1–13 letters and digits. */
  workplaceId: string;
  employerName: string;
  /** KBO/BCE number in any usual writing (`BE 0403.019.261`); stored as 10 digits. */
  enterpriseNumber: string;
  siteName: string;
  siteAddress: { street: string; postalCode: string; municipality: string };
  /** Decides the poster's languages (Brussels: Dutch and French). */
  region: DeclarationRegion;
  /** Adds an English page to the poster. */
  includeEnglish?: boolean;
  gps?: { lat: number; lon: number } | null;
  /** The exact URL printed on the declaration; null: built from the kiosk's URL template. */
  smartphoneUrl?: string | null;
}

export interface DeclarationView {
  id: string;
  active: boolean;
  /** As stored: trimmed, KBO number as 10 digits, defaults filled in. */
  input: Required<DeclarationInput>;
  /** The URL behind the QR code: `input.smartphoneUrl`, or the template's. */
  smartphoneUrl: string;
  languages: Array<'nl' | 'fr' | 'de' | 'en'>;
  updatedAt: string;
  /** Its workplace and enterprise are those this kiosk registers for (`DeclarationList.kioskRegistersFor`):
   *  otherwise its poster would send workers to a declaration the kiosk's registrations do not go to. */
  matchesKiosk: boolean;
}

export interface DeclarationList {
  declarations: DeclarationView[];
  /** Used when a declaration has no exact URL; `{dowNumber}` is replaced by its number. */
  smartphoneUrlTemplate: string;
  /** Where this kiosk's registrations go: set by IT in the settings (`site`), not by editing a declaration. */
  kioskRegistersFor: { workplaceId: string; enterpriseNumber: string };
  sessionExpiresAt: string;
}

/** One refused field: `field` is the input path (`siteAddress.postalCode`); `message.key` is `declaration.error.*`. */
export interface DeclarationFieldError {
  field: string;
  message: MessageRef;
}

export type SaveDeclarationResult = { ok: true; declaration: DeclarationView } | { ok: false; errors: DeclarationFieldError[] };
export type PreviewPosterResult = { ok: true; file: ExportFile } | { ok: false; errors: DeclarationFieldError[] };

/** The read-only roster a second browser on the site LAN may see: no national numbers, no registrations. */
export interface LanRoster {
  generatedAt: string;
  siteName: string;
  entries: Array<{
    displayName: string | null;
    presence: WorkerPresence;
    workedMinutesToday: number;
    anomalies: RosterAnomalyKind[];
  }>;
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
  | { type: 'roster-changed' }
  /** Another declaration became active (or the active one was edited): fetch the fallback QR again. */
  | { type: 'active-declaration-changed' }
  /** Supervisor enrolment progress; `linked`, `failed` and `cancelled` end the enrolment. */
  | {
      type: 'enrolment';
      step: EnrolmentStep;
      workerName?: string;
      badgeUid?: string;
      message?: MessageRef;
    };

/** Every operation the UI may ask of the core. One input object per method, always. */
export interface KioskApi {
  getSnapshot(input: Record<string, never>): Promise<KioskSnapshot>;
  /** Records the registration for a live tap; there is deliberately no way to name a worker directly. */
  register(input: { tapId: string; intent: Intent }): Promise<RegistrationReceipt>;
  cancelTap(input: { tapId: string }): Promise<null>;
  getRoster(input: Record<string, never>): Promise<Roster>;
  /** Demo mode only: presents one of `KioskSnapshot.demoCards` as if it had been tapped. */
  presentDemoCard(input: { demoCardId: string }): Promise<null>;
  /**
   * A USB keyboard-wedge badge reader typed a badge number; the UI decoded it from physical key codes
   * (so AZERTY layouts read right). Identified exactly like an NFC badge: unknown numbers are shown.
   */
  presentKeyboardBadge(input: { uid: string }): Promise<null>;

  /** Remembers the worker's language for their next taps; the tap must be live. */
  setWorkerLanguage(input: { tapId: string; language: LanguageCode }): Promise<null>;

  /** Unlocks supervisor mode for the supervisor whose card made the live tap. Errors: `pin-not-set`,
   *  `wrong-pin` (params.attemptsLeft), `locked-out` (params.until), `unauthorized` (not a supervisor). */
  supervisorUnlock(input: { tapId: string; pin: string }): Promise<SupervisorSession>;
  /** First PIN (4–8 digits) of a supervisor who has none yet; unlocks too. */
  supervisorSetPin(input: { tapId: string; pin: string }): Promise<SupervisorSession>;
  supervisorLock(input: { session: string }): Promise<null>;
  getSupervisorOverview(input: { session: string }): Promise<SupervisorOverview>;
  listWorkers(input: { session: string; query?: string }): Promise<WorkerList>;
  /** eID-then-badge enrolment (progress as `enrolment` events); with `workerId` only the badge is awaited. */
  startEnrolment(input: { session: string; workerId?: string }): Promise<null>;
  cancelEnrolment(input: { session: string }): Promise<null>;
  /** A worker without a Belgian eID, by a typed NISS or BIS number; then waits for their badge. */
  enrolManualWorker(input: {
    session: string;
    nationalNumber: string;
    surname: string;
    firstNames: string;
  }): Promise<{ workerId: string; existing: boolean }>;
  unlinkBadge(input: { session: string; badgeUid: string }): Promise<null>;
  /** Registrations of Europe/Brussels days `from`..`to` (YYYY-MM-DD, at most 7 days). */
  exportRegistrations(input: { session: string; from: string; to: string; format: 'csv' | 'pdf' }): Promise<ExportFile>;
  /** LAN mode only (`settings.lan.enabled`), with its token. */
  getLanRoster(input: { lanToken: string }): Promise<LanRoster>;

  /** The active declaration's smartphone-channel QR code: the idle screen shows it when no reader works. */
  getFallbackQr(input: Record<string, never>): Promise<FallbackQr | null>;
  /** The site poster (A4 PDF, the site's languages) of the active declaration; supervisor only, audited. */
  getPoster(input: { session: string }): Promise<ExportFile>;
  listDeclarations(input: { session: string }): Promise<DeclarationList>;
  /** Creates (no `id`) or replaces a declaration; invalid input is not saved and comes back as per-field errors.
   *  The first declaration saved on a kiosk without any becomes the active one. */
  saveDeclaration(input: { session: string; id?: string; declaration: DeclarationInput }): Promise<SaveDeclarationResult>;
  activateDeclaration(input: { session: string; id: string }): Promise<DeclarationList>;
  /** Refuses the active declaration (`not-available`, `declaration.error.deleteActive`): activate another first. */
  deleteDeclaration(input: { session: string; id: string }): Promise<DeclarationList>;
  /** The poster of an unsaved draft, validated like `saveDeclaration`. */
  previewPoster(input: { session: string; declaration: DeclarationInput }): Promise<PreviewPosterResult>;
  /** The one way out of the kiosk window a person can take (Electron); `not-available` in browser mode. Audited. */
  exitKiosk(input: { session: string }): Promise<null>;
}

export type KioskApiMethod = keyof KioskApi;
export type KioskApiInput<M extends KioskApiMethod> = Parameters<KioskApi[M]>[0];
export type KioskApiOutput<M extends KioskApiMethod> = Awaited<ReturnType<KioskApi[M]>>;

/** Errors cross the transport in this shape; `code` is stable, `message` is for the UI. */
export interface KioskApiErrorBody {
  code:
    | 'invalid-input'
    | 'unknown-method'
    | 'tap-expired'
    | 'not-available'
    | 'storage-failed'
    | 'internal'
    /** No (or an expired) supervisor session, not a supervisor, or a wrong LAN token. */
    | 'unauthorized'
    /** Too many wrong PINs: `message.params.until`. */
    | 'locked-out'
    /** The supervisor has no PIN yet: call `supervisorSetPin`. */
    | 'pin-not-set'
    | 'wrong-pin';
  message: MessageRef;
}

/** What the renderer gets: the API plus a subscription to core events. */
export interface KioskBridge {
  api: KioskApi;
  onEvent(listener: (event: KioskEvent) => void): () => void;
}
