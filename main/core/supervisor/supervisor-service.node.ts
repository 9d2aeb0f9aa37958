/**
 * Supervisor mode: card + PIN unlock (scrypt, 5 wrong PINs → 15 min lockout), one session at a
 * time with an idle auto-lock, enrolment (eID then badge; typed NISS/BIS then badge), the overview
 * (this kiosk's registrations merged with those made elsewhere), exports and the LAN roster;
 * the declarations (main/core/declarations/declaration-service.node.ts) use its session check.
 * Every supervisor action and every failed unlock is written to audit_log.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { DateTime } from 'luxon';
import type {
  EnrolmentStep,
  ExportFile,
  KioskEvent,
  LanRoster,
  MessageRef,
  RemoteMergeStatus,
  SupervisorOverview,
  SupervisorSession,
  SyncStatus,
  WorkerList,
} from '../../../preload/api.ts';
import { KioskError } from '../api/kiosk-error.ts';
import type { CardReading } from '../card/card-source.ts';
import type { Settings } from '../config/settings.ts';
import { displayName } from '../registration/registration-service.node.ts';
import type { RosterRegistration } from '../roster/anomalies.ts';
import { renderPdf } from '../roster/export-pdf.node.ts';
import { toCsv, toExportRows } from '../roster/export-rows.ts';
import { buildRosterEntries, toLanEntries, toSupervisorRegistration } from '../roster/overview.ts';
import { mergeRegistrations, type RemoteRegistration, type RemoteRegistrations } from '../roster/remote-registrations.ts';
import type { KioskStore, WorkerRow } from '../store/kiosk-store.node.ts';
import type { SupervisorStore } from '../store/supervisor-store.node.ts';
import { SITE_ZONE } from '../time/brussels-time.ts';
import { checkNationalNumber, maskNationalNumber } from '../identity/national-number.ts';
import { hashPin, verifyPin } from './pin-hash.node.ts';

export const MAX_PIN_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** How long a fetched set of registrations made elsewhere is reused; the search is slow and rate-limited. */
const REMOTE_CACHE_MS = 60_000;
const REMOTE_TIMEOUT_MS = 3_000;
const LAN_VIEW_AUDIT_MS = 60 * 60_000;
const MAX_EXPORT_DAYS = 7;

export interface SupervisorServiceDeps {
  settings: Settings;
  store: KioskStore;
  supervisors: SupervisorStore;
  clock: () => Date;
  emit: (event: KioskEvent) => void;
  sync: { status(): SyncStatus };
  remote?: RemoteRegistrations;
  /** The shell's way to leave the kiosk (Electron quits); absent in browser mode. */
  onExitRequested?: () => void;
}

interface Session {
  token: string;
  worker: WorkerRow;
  expiresAtMs: number;
  timer: ReturnType<typeof setTimeout> | null;
}

type Enrolment = { step: 'waiting-worker' } | { step: 'waiting-badge'; worker: WorkerRow };

const unauthorized = (key = 'supervisor.error.unauthorized') => new KioskError('unauthorized', { key });

export function createSupervisorService(deps: SupervisorServiceDeps) {
  const { settings, store, supervisors, clock, emit } = deps;
  const supervisorNumbers = new Set(settings.supervisors);
  let session: Session | null = null;
  let enrolment: Enrolment | null = null;
  let remoteCache: { key: string; fetchedAt: Date; rows: RemoteRegistration[] } | null = null;
  let lastLanViewAudit: Date | null = null;

  const actor = (worker: WorkerRow) => `supervisor:${worker.id}`;
  const audit = (who: string, action: string, details: Record<string, unknown> = {}) =>
    store.appendAudit(who, action, details, clock());

  function enrolmentEvent(step: EnrolmentStep, extra: { workerName?: string; badgeUid?: string; message?: MessageRef } = {}) {
    emit({ type: 'enrolment', step, ...extra });
  }

  function endSession(reason: 'lock' | 'idle' | 'replaced'): void {
    if (!session) return;
    if (session.timer) clearTimeout(session.timer);
    audit(actor(session.worker), reason === 'lock' ? 'supervisor.lock' : `supervisor.lock.${reason}`);
    session = null;
    if (enrolment) {
      enrolment = null;
      enrolmentEvent('cancelled', { message: { key: 'enrolment.cancelled.locked' } });
    }
  }

  /** The idle lock also fires without a call, so an unattended kiosk leaves supervisor mode by itself. */
  function armIdleTimer(s: Session): void {
    if (s.timer) clearTimeout(s.timer);
    s.timer = setTimeout(() => {
      if (session !== s) return;
      if (clock().getTime() >= s.expiresAtMs) endSession('idle');
      else armIdleTimer(s);
    }, Math.max(1000, s.expiresAtMs - clock().getTime()));
    s.timer.unref?.();
  }

  function openSession(worker: WorkerRow): SupervisorSession {
    if (session) endSession('replaced');
    const s: Session = {
      token: randomBytes(32).toString('base64url'),
      worker,
      expiresAtMs: clock().getTime() + settings.supervisorIdleSeconds * 1000,
      timer: null,
    };
    session = s;
    armIdleTimer(s);
    return { token: s.token, expiresAt: new Date(s.expiresAtMs).toISOString(), supervisorName: displayName(worker), canExitKiosk: deps.onExitRequested !== undefined };
  }

  /** Checks the token (constant time) and the idle limit, then moves the idle limit forward. */
  function authorize(token: string): Session {
    const s = session;
    if (!s) throw unauthorized();
    const a = Buffer.from(token);
    const b = Buffer.from(s.token);
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw unauthorized();
    const now = clock().getTime();
    if (now >= s.expiresAtMs) {
      endSession('idle');
      throw unauthorized('supervisor.error.sessionExpired');
    }
    s.expiresAtMs = now + settings.supervisorIdleSeconds * 1000;
    armIdleTimer(s);
    return s;
  }

  function requireSupervisor(worker: WorkerRow) {
    if (!supervisorNumbers.has(worker.niss)) {
      audit(`worker:${worker.id}`, 'supervisor.unlock.refused', { reason: 'not-a-supervisor' });
      throw unauthorized('supervisor.error.notSupervisor');
    }
    const row = supervisors.supervisor(worker.niss);
    if (row.lockedUntil !== null) {
      if (Date.parse(row.lockedUntil) > clock().getTime()) {
        audit(actor(worker), 'supervisor.unlock.locked-out', { until: row.lockedUntil });
        throw new KioskError('locked-out', { key: 'supervisor.error.lockedOut', params: { until: row.lockedUntil } });
      }
      supervisors.clearLock(worker.niss);
      return supervisors.supervisor(worker.niss);
    }
    return row;
  }

  function checkPinFormat(pin: string): void {
    if (!/^\d{4,8}$/.test(pin)) throw new KioskError('invalid-input', { key: 'supervisor.error.pinFormat', params: { min: 4, max: 8 } });
  }

  // --- overview data -------------------------------------------------------------------------

  function localRegistrations(from: Date, to: Date): RosterRegistration[] {
    return supervisors.registrationsBetween(from, to).map((r) => ({
      registrationId: r.clientRef,
      niss: r.niss,
      workerId: r.workerId,
      displayName: r.surname !== null && r.firstNames !== null ? displayName({ surname: r.surname, firstNames: r.firstNames }) : null,
      intent: r.intent,
      direction: r.direction,
      atUtc: r.atUtc,
      channel: 'this-kiosk',
      state: r.state,
      remarks: r.remarks,
    }));
  }

  async function remoteRegistrations(from: Date, to: Date): Promise<{ rows: RemoteRegistration[]; status: Omit<RemoteMergeStatus, 'count'> }> {
    const port = deps.remote;
    if (!port) return { rows: [], status: { state: 'not-configured', fetchedAt: null } };
    // Keyed by the window's start only: its end is "now", and a key with it would never hit.
    const key = from.toISOString();
    const now = clock();
    if (remoteCache && remoteCache.key === key && now.getTime() - remoteCache.fetchedAt.getTime() < REMOTE_CACHE_MS) {
      return { rows: remoteCache.rows, status: { state: 'merged', fetchedAt: remoteCache.fetchedAt.toISOString() } };
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const rows = await Promise.race([
        port.fetchWorkplaceRegistrations(settings.site.workplaceId, from, to),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), REMOTE_TIMEOUT_MS);
        }),
      ]);
      remoteCache = { key, fetchedAt: now, rows };
      return { rows, status: { state: 'merged', fetchedAt: now.toISOString() } };
    } catch {
      // Offline: show what we have, and say how old it is.
      const stale = remoteCache?.key === key ? remoteCache : null;
      return {
        rows: stale?.rows ?? [],
        status: { state: 'offline', fetchedAt: stale?.fetchedAt.toISOString() ?? null },
      };
    } finally {
      clearTimeout(timer);
    }
  }

  function knownWorkers(): Map<string, { workerId: number; displayName: string }> {
    return new Map(supervisors.workersWithBadges().map((w) => [w.niss, { workerId: w.id, displayName: displayName(w) }]));
  }

  async function merged(from: Date, to: Date) {
    const remote = await remoteRegistrations(from, to);
    const { rows, elsewhere } = mergeRegistrations(localRegistrations(from, to), remote.rows, knownWorkers());
    // Only the registrations made elsewhere count: the search also returns ours.
    return { rows, remote: { ...remote.status, count: elsewhere } };
  }

  /** Today (Brussels) plus the previous day, so night shifts and open presences are seen whole. */
  async function today() {
    const now = clock();
    const local = DateTime.fromJSDate(now, { zone: SITE_ZONE });
    const dayStart = local.startOf('day').toJSDate();
    const from = local.minus({ days: 1 }).startOf('day').toJSDate();
    const { rows, remote } = await merged(from, new Date(now.getTime() + 1));
    return { now, dayStart, day: local.toFormat('yyyy-MM-dd'), rows, remote };
  }

  // --- enrolment -----------------------------------------------------------------------------

  function linkBadge(worker: WorkerRow, uid: string, by: WorkerRow): void {
    const result = supervisors.linkBadge(uid, worker.id, clock());
    enrolment = null;
    if (result.ok) {
      audit(actor(by), 'enrol.link', { workerId: worker.id, badgeUid: uid });
      enrolmentEvent('linked', { workerName: displayName(worker), badgeUid: uid });
      emit({ type: 'roster-changed' });
    } else {
      audit(actor(by), 'enrol.link.refused', { workerId: worker.id, badgeUid: uid, ownerId: result.ownerId });
      const owner = store.workerById(result.ownerId);
      enrolmentEvent('failed', {
        workerName: displayName(worker),
        badgeUid: uid,
        message: { key: 'enrolment.error.badgeInUse', params: { name: owner ? displayName(owner) : '' } },
      });
    }
  }

  return {
    isSupervisor(worker: WorkerRow): boolean {
      return supervisorNumbers.has(worker.niss);
    },

    async unlock(worker: WorkerRow, pin: string): Promise<SupervisorSession> {
      const row = requireSupervisor(worker);
      if (row.pinHash === null) throw new KioskError('pin-not-set', { key: 'supervisor.error.pinNotSet' });
      if (await verifyPin(pin, row.pinHash)) {
        supervisors.recordUnlock(worker.niss, clock());
        audit(actor(worker), 'supervisor.unlock');
        return openSession(worker);
      }
      const now = clock();
      const after = supervisors.recordFailure(worker.niss, MAX_PIN_FAILURES, new Date(now.getTime() + LOCKOUT_MS));
      audit(actor(worker), 'supervisor.unlock.failed', { failedAttempts: after.failedAttempts });
      if (after.lockedUntil !== null) {
        throw new KioskError('locked-out', { key: 'supervisor.error.lockedOut', params: { until: after.lockedUntil } });
      }
      throw new KioskError('wrong-pin', {
        key: 'supervisor.error.wrongPin',
        params: { attemptsLeft: MAX_PIN_FAILURES - after.failedAttempts },
      });
    },

    async setPin(worker: WorkerRow, pin: string): Promise<SupervisorSession> {
      const row = requireSupervisor(worker);
      checkPinFormat(pin);
      if (row.pinHash !== null || !supervisors.setPin(worker.niss, await hashPin(pin), clock())) {
        throw new KioskError('not-available', { key: 'supervisor.error.pinAlreadySet' });
      }
      audit(actor(worker), 'supervisor.pin.set');
      audit(actor(worker), 'supervisor.unlock');
      return openSession(worker);
    },

    /** The session check of every supervisor call, for the services beside this one (declarations). */
    authorize(token: string): { actor: string; sessionExpiresAt: string } {
      const s = authorize(token);
      return { actor: actor(s.worker), sessionExpiresAt: new Date(s.expiresAtMs).toISOString() };
    },

    lock(token: string): void {
      try {
        authorize(token);
      } catch {
        return; // locking an unknown or expired session is already done
      }
      endSession('lock');
    },

    async overview(token: string): Promise<SupervisorOverview> {
      const s = authorize(token);
      const { now, dayStart, day, rows, remote } = await today();
      audit(actor(s.worker), 'view.overview', { day });
      return {
        generatedAt: now.toISOString(),
        day,
        entries: buildRosterEntries(rows, now, dayStart),
        registrations: rows
          .filter((r) => Date.parse(r.atUtc) >= dayStart.getTime())
          .map(toSupervisorRegistration)
          .reverse(),
        sync: deps.sync.status(),
        remote,
        sessionExpiresAt: new Date(s.expiresAtMs).toISOString(),
      };
    },

    listWorkers(token: string, query: string | undefined): WorkerList {
      const s = authorize(token);
      audit(actor(s.worker), 'view.workers', query ? { query } : {});
      const q = query?.trim().toLocaleLowerCase('nl-BE') ?? '';
      const workers = supervisors
        .workersWithBadges()
        .map((w) => {
          const number = checkNationalNumber(w.niss);
          return {
          workerId: String(w.id),
          displayName: displayName(w),
          maskedNationalNumber: maskNationalNumber(w.niss),
          numberKind: number.ok && number.kind === 'bis' ? ('bis' as const) : ('niss' as const),
          source: w.source,
          badges: w.badges,
          language: (w.language as WorkerList['workers'][number]['language']) ?? null,
          supervisor: supervisorNumbers.has(w.niss),
          };
        })
        .filter(
          (w) =>
            q === '' ||
            w.displayName.toLocaleLowerCase('nl-BE').includes(q) ||
            w.maskedNationalNumber.startsWith(q) ||
            w.badges.some((b) => b.uid.toLowerCase().includes(q)),
        );
      return { workers, sessionExpiresAt: new Date(s.expiresAtMs).toISOString() };
    },

    startEnrolment(token: string, workerId: string | undefined): void {
      const s = authorize(token);
      if (workerId !== undefined) {
        const worker = store.workerById(Number(workerId));
        if (!worker) throw new KioskError('not-available', { key: 'supervisor.error.unknownWorker' });
        enrolment = { step: 'waiting-badge', worker };
        audit(actor(s.worker), 'enrol.start', { workerId: worker.id });
        enrolmentEvent('waiting-badge', { workerName: displayName(worker) });
        return;
      }
      enrolment = { step: 'waiting-worker' };
      audit(actor(s.worker), 'enrol.start');
      enrolmentEvent('waiting-worker');
    },

    cancelEnrolment(token: string): void {
      const s = authorize(token);
      if (!enrolment) return;
      enrolment = null;
      audit(actor(s.worker), 'enrol.cancel');
      enrolmentEvent('cancelled');
    },

    enrolManual(token: string, input: { nationalNumber: string; surname: string; firstNames: string }) {
      const s = authorize(token);
      const check = checkNationalNumber(input.nationalNumber);
      if (!check.ok) {
        audit(actor(s.worker), 'enrol.manual.refused', { reason: check.reason });
        throw new KioskError('invalid-input', { key: `supervisor.error.nationalNumber.${check.reason}` });
      }
      // An existing worker keeps the names from their card; the supervisor is just linking a badge.
      const existing = supervisors.workerByNiss(check.number);
      const worker = existing ?? supervisors.insertManualWorker({ niss: check.number, surname: input.surname, firstNames: input.firstNames }, actor(s.worker), clock());
      audit(actor(s.worker), 'enrol.manual', { workerId: worker.id, kind: check.kind, existing: existing !== null });
      enrolment = { step: 'waiting-badge', worker };
      enrolmentEvent('waiting-badge', { workerName: displayName(worker) });
      return { workerId: String(worker.id), existing: existing !== null };
    },

    unlinkBadge(token: string, uid: string): void {
      const s = authorize(token);
      const workerId = supervisors.unlinkBadge(uid);
      if (workerId === null) throw new KioskError('not-available', { key: 'supervisor.error.unknownBadge' });
      audit(actor(s.worker), 'enrol.unlink', { workerId, badgeUid: uid });
      emit({ type: 'roster-changed' });
    },

    async exportRegistrations(token: string, input: { from: string; to: string; format: 'csv' | 'pdf' }): Promise<ExportFile> {
      const s = authorize(token);
      const from = DateTime.fromISO(input.from, { zone: SITE_ZONE }).startOf('day');
      const toDay = DateTime.fromISO(input.to, { zone: SITE_ZONE }).startOf('day');
      const days = Math.round(toDay.diff(from, 'days').days) + 1;
      if (days < 1 || days > MAX_EXPORT_DAYS) {
        throw new KioskError('invalid-input', { key: 'supervisor.error.exportRange', params: { maxDays: MAX_EXPORT_DAYS } });
      }
      const { rows } = await merged(from.toJSDate(), toDay.plus({ days: 1 }).toJSDate());
      audit(actor(s.worker), 'export', { from: input.from, to: input.to, format: input.format, rows: rows.length });
      const exportRows = toExportRows(rows);
      const base = `registrations-${settings.site.workplaceId}-${input.from}${input.to === input.from ? '' : `_${input.to}`}`;
      if (input.format === 'csv') {
        return { fileName: `${base}.csv`, mimeType: 'text/csv', base64: Buffer.from(toCsv(exportRows), 'utf8').toString('base64') };
      }
      const pdf = await renderPdf({
        title: `${settings.site.siteName} — ${input.from}${input.to === input.from ? '' : ` → ${input.to}`}`,
        subtitle: `${settings.site.employerName} · ${settings.site.enterpriseNumber} · ${settings.site.workplaceId} · Europe/Brussels`,
        rows: exportRows,
      });
      return { fileName: `${base}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') };
    },

    /** Leaves the kiosk through `leave` (the shell's quit), if this shell has one. */
    exitKiosk(token: string): null {
      const s = authorize(token);
      const leave = deps.onExitRequested;
      if (!leave) throw new KioskError('not-available', { key: 'api.error.notAvailable' });
      audit(actor(s.worker), 'exit-kiosk');
      // After this call has answered: leaving stops the core that answers it.
      setTimeout(leave, 0);
      return null;
    },

    async lanRoster(lanToken: string): Promise<LanRoster> {
      const expected = settings.lan.enabled ? settings.lan.token : undefined;
      if (expected === undefined) throw new KioskError('not-available', { key: 'supervisor.error.lanDisabled' });
      const a = Buffer.from(lanToken);
      const b = Buffer.from(expected);
      if (a.length !== b.length || !timingSafeEqual(a, b)) {
        audit('lan', 'view.lan-roster.refused');
        throw unauthorized('supervisor.error.lanToken');
      }
      const { now, dayStart, rows } = await today();
      // A LAN page refreshes every few seconds: audit the first view of each hour, not every refresh.
      if (!lastLanViewAudit || now.getTime() - lastLanViewAudit.getTime() >= LAN_VIEW_AUDIT_MS) {
        lastLanViewAudit = now;
        audit('lan', 'view.lan-roster');
      }
      return { generatedAt: now.toISOString(), siteName: settings.site.siteName, entries: toLanEntries(buildRosterEntries(rows, now, dayStart)) };
    },

    /**
     * Enrolment routing: while an enrolment runs, card readings go here instead of opening a tap.
     * Returns false when the reading is not for the enrolment (the kiosk handles it as a tap).
     */
    handleReading(reading: CardReading): boolean {
      if (!enrolment || !session) return false;
      const by = session.worker;
      if (reading.kind === 'badge') {
        if (enrolment.step === 'waiting-badge') linkBadge(enrolment.worker, reading.uid, by);
        else enrolmentEvent('waiting-worker', { badgeUid: reading.uid, message: { key: 'enrolment.error.eidFirst' } });
        return true;
      }
      const worker = store.upsertWorkerFromCard(reading.identity, clock());
      enrolment = { step: 'waiting-badge', worker };
      audit(actor(by), 'enrol.identify', { workerId: worker.id });
      enrolmentEvent('waiting-badge', { workerName: displayName(worker) });
      return true;
    },

    dispose(): void {
      if (session?.timer) clearTimeout(session.timer);
      session = null;
      enrolment = null;
    },
  };
}

export type SupervisorService = ReturnType<typeof createSupervisorService>;
