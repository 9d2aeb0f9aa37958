/**
 * Typed SQL for supervisor mode: PIN records and lockout counters, enrolment (workers typed in by a
 * supervisor, badge links), per-worker language, and the registration reads behind the overview
 * and the exports. Same rules as kiosk-store.node.ts: callers get plain typed rows.
 */
import type { Direction, Intent, RegistrationState } from '../../../preload/api.ts';
import type { SqliteDatabase } from './database.node.ts';
import type { WorkerRow } from './kiosk-store.node.ts';

export interface SupervisorRow {
  niss: string;
  pinHash: string | null;
  failedAttempts: number;
  lockedUntil: string | null;
}

export interface WorkerWithBadges extends WorkerRow {
  source: 'eid' | 'manual';
  badges: Array<{ uid: string; enrolledAt: string }>;
}

/** A registration of this kiosk with its worker, as the overview and the exports read it. */
export interface RegistrationView {
  clientRef: string;
  /** null (with the names and national number) once the retention purge deleted the worker. */
  workerId: number | null;
  niss: string | null;
  surname: string | null;
  firstNames: string | null;
  direction: Direction;
  intent: Intent;
  atUtc: string;
  state: RegistrationState;
  remarks: string[];
  lastError: string | null;
  kioskId: string;
}

export type LinkBadgeResult = { ok: true } | { ok: false; ownerId: number };

const WORKER_COLUMNS = 'w.id, w.niss, w.surname, w.first_names AS firstNames, w.language, w.source';

export function createSupervisorStore(db: SqliteDatabase) {
  const s = {
    supervisor: db.prepare<[string], SupervisorRow>(
      `SELECT niss, pin_hash AS pinHash, failed_attempts AS failedAttempts, locked_until AS lockedUntil
       FROM supervisors WHERE niss = ?`,
    ),
    ensureSupervisor: db.prepare<[string]>(`INSERT INTO supervisors (niss) VALUES (?) ON CONFLICT (niss) DO NOTHING`),
    setPin: db.prepare<{ niss: string; pinHash: string; now: string }>(
      `UPDATE supervisors SET pin_hash = @pinHash, pin_set_at = @now, failed_attempts = 0, locked_until = NULL
       WHERE niss = @niss AND pin_hash IS NULL`,
    ),
    failure: db.prepare<{ niss: string; max: number; lockUntil: string }, { failedAttempts: number; lockedUntil: string | null }>(
      `UPDATE supervisors SET failed_attempts = failed_attempts + 1,
         locked_until = CASE WHEN failed_attempts + 1 >= @max THEN @lockUntil ELSE locked_until END
       WHERE niss = @niss RETURNING failed_attempts AS failedAttempts, locked_until AS lockedUntil`,
    ),
    unlocked: db.prepare<{ niss: string; now: string }>(
      `UPDATE supervisors SET failed_attempts = 0, locked_until = NULL, last_unlock_at = @now WHERE niss = @niss`,
    ),
    clearExpiredLock: db.prepare<{ niss: string }>(
      `UPDATE supervisors SET failed_attempts = 0, locked_until = NULL WHERE niss = @niss`,
    ),
    workers: db.prepare<[], Omit<WorkerWithBadges, 'badges'>>(
      `SELECT ${WORKER_COLUMNS} FROM workers w ORDER BY w.surname COLLATE NOCASE, w.first_names COLLATE NOCASE`,
    ),
    badges: db.prepare<[], { workerId: number; uid: string; enrolledAt: string }>(
      `SELECT worker_id AS workerId, uid, enrolled_at AS enrolledAt FROM badges ORDER BY enrolled_at`,
    ),
    workerByNiss: db.prepare<[string], WorkerRow>(`SELECT ${WORKER_COLUMNS} FROM workers w WHERE w.niss = ?`),
    insertManualWorker: db.prepare<
      { niss: string; surname: string; firstNames: string; now: string; by: string },
      WorkerRow
    >(
      `INSERT INTO workers (niss, surname, first_names, created_at, updated_at, source, enrolled_by)
       VALUES (@niss, @surname, @firstNames, @now, @now, 'manual', @by)
       RETURNING id, niss, surname, first_names AS firstNames, language`,
    ),
    badgeOwner: db.prepare<[string], { workerId: number }>(`SELECT worker_id AS workerId FROM badges WHERE uid = ?`),
    insertBadge: db.prepare<{ uid: string; workerId: number; now: string }>(
      `INSERT INTO badges (uid, worker_id, enrolled_at) VALUES (@uid, @workerId, @now)`,
    ),
    deleteBadge: db.prepare<[string], { workerId: number }>(`DELETE FROM badges WHERE uid = ? RETURNING worker_id AS workerId`),
    registrations: db.prepare<{ from: string; to: string }, Omit<RegistrationView, 'remarks'> & { remarks: string }>(
      `SELECT r.client_ref AS clientRef, r.worker_id AS workerId, w.niss, w.surname, w.first_names AS firstNames,
              r.direction, r.intent, r.at_utc AS atUtc, r.state, r.remarks, r.last_error AS lastError, r.kiosk_id AS kioskId
       FROM registrations r LEFT JOIN workers w ON w.id = r.worker_id
       WHERE r.at_utc >= @from AND r.at_utc < @to
       ORDER BY r.at_utc, r.id`,
    ),
  };

  return {
    /** The supervisor's PIN record, created (without a PIN) on first use. */
    supervisor(niss: string): SupervisorRow {
      s.ensureSupervisor.run(niss);
      return s.supervisor.get(niss) as SupervisorRow;
    },
    /** False when a PIN already exists (a PIN is set once; changing it is not this call's job). */
    setPin(niss: string, pinHash: string, now: Date): boolean {
      return s.setPin.run({ niss, pinHash, now: now.toISOString() }).changes === 1;
    },
    /** Counts a wrong PIN; locks until `lockUntil` at the `max`-th failure in a row. */
    recordFailure(niss: string, max: number, lockUntil: Date): { failedAttempts: number; lockedUntil: string | null } {
      return s.failure.get({ niss, max, lockUntil: lockUntil.toISOString() }) as { failedAttempts: number; lockedUntil: string | null };
    },
    recordUnlock(niss: string, now: Date): void {
      s.unlocked.run({ niss, now: now.toISOString() });
    },
    /** A lockout that has run out starts a fresh count of attempts. */
    clearLock(niss: string): void {
      s.clearExpiredLock.run({ niss });
    },
    workersWithBadges(): WorkerWithBadges[] {
      const badges = new Map<number, Array<{ uid: string; enrolledAt: string }>>();
      for (const b of s.badges.all()) {
        const list = badges.get(b.workerId) ?? [];
        list.push({ uid: b.uid, enrolledAt: b.enrolledAt });
        badges.set(b.workerId, list);
      }
      return s.workers.all().map((w) => ({ ...w, badges: badges.get(w.id) ?? [] }));
    },
    workerByNiss(niss: string): WorkerRow | null {
      return s.workerByNiss.get(niss) ?? null;
    },
    insertManualWorker(worker: { niss: string; surname: string; firstNames: string }, by: string, now: Date): WorkerRow {
      return s.insertManualWorker.get({ ...worker, by, now: now.toISOString() }) as WorkerRow;
    },
    /** Links a badge to a worker; refuses a badge that belongs to someone else (re-linking the same is a no-op). */
    linkBadge(uid: string, workerId: number, now: Date): LinkBadgeResult {
      return db.transaction((): LinkBadgeResult => {
        const owner = s.badgeOwner.get(uid);
        if (owner) return owner.workerId === workerId ? { ok: true } : { ok: false, ownerId: owner.workerId };
        s.insertBadge.run({ uid, workerId, now: now.toISOString() });
        return { ok: true };
      })();
    },
    /** Returns the worker the badge belonged to, or null if it was not linked. */
    unlinkBadge(uid: string): number | null {
      return s.deleteBadge.get(uid)?.workerId ?? null;
    },
    registrationsBetween(fromUtc: Date, toUtc: Date): RegistrationView[] {
      return s.registrations
        .all({ from: fromUtc.toISOString(), to: toUtc.toISOString() })
        .map((r) => ({ ...r, remarks: JSON.parse(r.remarks) as string[] }));
    },
  };
}

export type SupervisorStore = ReturnType<typeof createSupervisorStore>;
