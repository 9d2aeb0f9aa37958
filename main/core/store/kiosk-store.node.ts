/**
 * The typed SQL layer: every statement the kiosk runs against its database lives here.
 * Callers get plain typed rows; nothing outside main/core/store writes SQL for these tables.
 */
import type { Direction, Intent, RegistrationState } from '../../../preload/api.ts';
import { createCheckpointer, type SqliteDatabase } from './database.node.ts';

export interface WorkerRow {
  id: number;
  niss: string;
  surname: string;
  firstNames: string;
  language: string | null;
}

export interface RegistrationRow {
  id: number;
  clientRef: string;
  workerId: number;
  niss: string | null;
  direction: Direction;
  intent: Intent;
  cardKind: 'eid' | 'badge' | 'demo';
  atUtc: string;
  atLocal: string;
  workplaceId: string;
  enterpriseNumber: string;
  kioskId: string;
  state: RegistrationState;
  serverId: string | null;
  remarks: string[];
  attempts: number;
  lastError: string | null;
}

export type NewRegistration = Omit<RegistrationRow, 'id' | 'state' | 'serverId' | 'remarks' | 'attempts' | 'lastError'>;

export interface RosterRow {
  workerId: number;
  surname: string;
  firstNames: string;
  lastIntent: Intent;
  lastAtUtc: string;
  registrationsToday: number;
  unsynced: number;
}

export interface LastRegistrations {
  last: { intent: Intent; atUtc: string } | null;
  lastInUtc: string | null;
}

export type RegistrationOutcome =
  | { clientRef: string; state: 'accepted'; serverId: string | null; remarks: string[] }
  | { clientRef: string; state: 'rejected'; serverId: string | null; remarks: string[]; error: string };

export interface OutboxCounts {
  queued: number;
  oldestQueuedAtUtc: string | null;
}

interface RawRegistration {
  id: number;
  client_ref: string;
  worker_id: number;
  niss: string | null;
  direction: Direction;
  intent: Intent;
  card_kind: 'eid' | 'badge' | 'demo';
  at_utc: string;
  at_local: string;
  workplace_id: string;
  enterprise_number: string;
  kiosk_id: string;
  state: RegistrationState;
  server_id: string | null;
  remarks: string;
  attempts: number;
  last_error: string | null;
}

function toRegistration(raw: RawRegistration): RegistrationRow {
  return {
    id: raw.id,
    clientRef: raw.client_ref,
    workerId: raw.worker_id,
    niss: raw.niss,
    direction: raw.direction,
    intent: raw.intent,
    cardKind: raw.card_kind,
    atUtc: raw.at_utc,
    atLocal: raw.at_local,
    workplaceId: raw.workplace_id,
    enterpriseNumber: raw.enterprise_number,
    kioskId: raw.kiosk_id,
    state: raw.state,
    serverId: raw.server_id,
    remarks: JSON.parse(raw.remarks) as string[],
    attempts: raw.attempts,
    lastError: raw.last_error,
  };
}

const WORKER_COLUMNS = 'id, niss, surname, first_names AS firstNames, language';

export function createKioskStore(db: SqliteDatabase) {
  // Every write below schedules the WAL check (after this turn, so never inside a commit).
  const checkpointer = createCheckpointer(db);
  const s = {
    workerByNiss: db.prepare<[string], WorkerRow>(`SELECT ${WORKER_COLUMNS} FROM workers WHERE niss = ?`),
    workerById: db.prepare<[number], WorkerRow>(`SELECT ${WORKER_COLUMNS} FROM workers WHERE id = ?`),
    workerByBadge: db.prepare<[string], WorkerRow>(
      `SELECT ${WORKER_COLUMNS} FROM workers WHERE id = (SELECT worker_id FROM badges WHERE uid = ?)`,
    ),
    upsertWorker: db.prepare<{ niss: string; surname: string; firstNames: string; now: string }, WorkerRow>(
      `INSERT INTO workers (niss, surname, first_names, created_at, updated_at)
       VALUES (@niss, @surname, @firstNames, @now, @now)
       ON CONFLICT (niss) DO UPDATE SET surname = excluded.surname, first_names = excluded.first_names,
         updated_at = excluded.updated_at
         WHERE surname IS NOT excluded.surname OR first_names IS NOT excluded.first_names
       RETURNING ${WORKER_COLUMNS}`,
    ),
    last: db.prepare<[number], { intent: Intent; atUtc: string }>(
      `SELECT intent, at_utc AS atUtc FROM registrations WHERE worker_id = ? ORDER BY at_utc DESC, id DESC LIMIT 1`,
    ),
    lastIn: db.prepare<[number], { atUtc: string }>(
      `SELECT at_utc AS atUtc FROM registrations WHERE worker_id = ? AND direction = 'IN'
       ORDER BY at_utc DESC, id DESC LIMIT 1`,
    ),
    insertRegistration: db.prepare<NewRegistration, RawRegistration>(
      `INSERT INTO registrations (client_ref, worker_id, niss, direction, intent, card_kind, at_utc, at_local,
         workplace_id, enterprise_number, kiosk_id)
       VALUES (@clientRef, @workerId, @niss, @direction, @intent, @cardKind, @atUtc, @atLocal,
         @workplaceId, @enterpriseNumber, @kioskId)
       RETURNING *`,
    ),
    // Only workers with a registration since @since are visited; their counts use per-worker index ranges.
    roster: db.prepare<{ since: string; dayStart: string }, RosterRow>(
      `SELECT w.id AS workerId, w.surname, w.first_names AS firstNames, r.intent AS lastIntent, r.at_utc AS lastAtUtc,
              (SELECT count(*) FROM registrations t WHERE t.worker_id = w.id AND t.at_utc >= @dayStart) AS registrationsToday,
              (SELECT count(*) FROM registrations p WHERE p.worker_id = w.id AND p.state IN ('queued', 'sent')) AS unsynced
       FROM registrations r
       JOIN workers w ON w.id = r.worker_id
       WHERE r.at_utc >= @since
         AND r.id = (SELECT id FROM registrations x WHERE x.worker_id = r.worker_id ORDER BY x.at_utc DESC, x.id DESC LIMIT 1)
       ORDER BY w.surname COLLATE NOCASE, w.first_names COLLATE NOCASE`,
    ),
    outboxBatch: db.prepare<[number], RawRegistration>(
      // The partial index holds only unsynced rows, in id order: the batch is its first entries.
      `SELECT * FROM registrations INDEXED BY registrations_outbox WHERE state IN ('queued', 'sent') ORDER BY id LIMIT ?`,
    ),
    markAttempt: db.prepare<{ id: number; now: string }>(
      `UPDATE registrations SET state = 'sent', attempts = attempts + 1, last_attempt_at = @now WHERE id = @id`,
    ),
    recordError: db.prepare<{ id: number; error: string }>(`UPDATE registrations SET last_error = @error WHERE id = @id`),
    applyOutcome: db.prepare<{
      clientRef: string;
      state: 'accepted' | 'rejected';
      serverId: string | null;
      remarks: string;
      error: string | null;
      now: string;
    }>(
      `UPDATE registrations SET state = @state, server_id = @serverId, remarks = @remarks, last_error = @error,
         acknowledged_at = @now
       WHERE client_ref = @clientRef AND state IN ('queued', 'sent')`,
    ),
    outboxCounts: db.prepare<[], OutboxCounts>(
      // Rows read in id order, not scattered by worker.
      `SELECT count(*) AS queued, min(at_utc) AS oldestQueuedAtUtc FROM registrations INDEXED BY registrations_outbox
       WHERE state IN ('queued', 'sent')`,
    ),
    audit: db.prepare<{ now: string; actor: string; action: string; details: string }>(
      `INSERT INTO audit_log (at_utc, actor, action, details) VALUES (@now, @actor, @action, @details)`,
    ),
    setLanguage: db.prepare<{ id: number; language: string; now: string }>(
      `UPDATE workers SET language = @language, updated_at = @now WHERE id = @id`,
    ),
    purgeNiss: db.prepare<{ before: string }>(
      `UPDATE registrations SET niss = NULL
       WHERE niss IS NOT NULL AND state IN ('accepted', 'rejected') AND acknowledged_at < @before`,
    ),
    // The national numbers are erased first: a registration that still has one (recent, or not yet
    // acknowledged by ONSS) keeps its worker.
    purgeWorkers: db.prepare<{ before: string; supervisors: string }>(
      `DELETE FROM workers
       WHERE created_at < @before
         AND niss NOT IN (SELECT value FROM json_each(@supervisors))
         AND NOT EXISTS (SELECT 1 FROM badges b WHERE b.worker_id = workers.id)
         AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.worker_id = workers.id AND (r.at_utc >= @before OR r.niss IS NOT NULL))`,
    ),
    getSyncState: db.prepare<[string], { value: string }>(`SELECT value FROM sync_state WHERE key = ?`),
    setSyncState: db.prepare<{ key: string; value: string }>(
      `INSERT INTO sync_state (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ),
  };

  return {
    /** Creates the worker on the first eID tap, refreshes the name on later ones. */
    upsertWorkerFromCard(identity: { nationalNumber: string; surname: string; firstNames: string }, now: Date): WorkerRow {
      const row = s.upsertWorker.get({
        niss: identity.nationalNumber,
        surname: identity.surname,
        firstNames: identity.firstNames,
        now: now.toISOString(),
      });
      checkpointer.soon();
      // RETURNING yields nothing when the WHERE of DO UPDATE skipped an unchanged row.
      return row ?? (s.workerByNiss.get(identity.nationalNumber) as WorkerRow);
    },
    workerByBadge(uid: string): WorkerRow | null {
      return s.workerByBadge.get(uid) ?? null;
    },
    workerById(id: number): WorkerRow | null {
      return s.workerById.get(id) ?? null;
    },
    lastRegistrations(workerId: number): LastRegistrations {
      return { last: s.last.get(workerId) ?? null, lastInUtc: s.lastIn.get(workerId)?.atUtc ?? null };
    },
    /** Returns once the row is committed (synchronous=FULL: on disk); the WAL is checkpointed later. */
    insertRegistration(registration: NewRegistration): RegistrationRow {
      const row = toRegistration(s.insertRegistration.get(registration) as RawRegistration);
      checkpointer.soon();
      return row;
    },
    roster(sinceUtc: string, dayStartUtc: string): RosterRow[] {
      return s.roster.all({ since: sinceUtc, dayStart: dayStartUtc });
    },
    /** Oldest-first batch of registrations without an ONSS answer; marks them attempted. */
    takeOutboxBatch(limit: number, now: Date): RegistrationRow[] {
      const at = now.toISOString();
      const batch = db.transaction(() => {
        const rows = s.outboxBatch.all(limit).map(toRegistration);
        for (const row of rows) s.markAttempt.run({ id: row.id, now: at });
        return rows;
      })();
      checkpointer.soon();
      return batch;
    },
    recordAttemptError(ids: readonly number[], error: string): void {
      db.transaction(() => {
        for (const id of ids) s.recordError.run({ id, error });
      })();
      checkpointer.soon();
    },
    /** Stores ONSS's answers and, in the same transaction (one fsync), when the last success was. */
    applyOutcomes(outcomes: readonly RegistrationOutcome[], now: Date): void {
      const at = now.toISOString();
      db.transaction(() => {
        s.setSyncState.run({ key: 'lastSuccessAt', value: at });
        for (const o of outcomes) {
          s.applyOutcome.run({
            clientRef: o.clientRef,
            state: o.state,
            serverId: o.serverId,
            remarks: JSON.stringify(o.remarks),
            error: o.state === 'rejected' ? o.error : null,
            now: at,
          });
        }
      })();
      checkpointer.soon();
    },
    outboxCounts(): OutboxCounts {
      return s.outboxCounts.get() as OutboxCounts;
    },
    appendAudit(actor: string, action: string, details: Record<string, unknown>, now: Date): void {
      s.audit.run({ now: now.toISOString(), actor, action, details: JSON.stringify(details) });
      checkpointer.soon();
    },
    /** The language the worker picked; their next prompts carry it. */
    setWorkerLanguage(workerId: number, language: string, now: Date): void {
      s.setLanguage.run({ id: workerId, language, now: now.toISOString() });
      checkpointer.soon();
    },
    /** Erases the national number of registrations ONSS acknowledged before `before`; returns how many. */
    purgeAcknowledgedNiss(before: Date): number {
      checkpointer.soon();
      return s.purgeNiss.run({ before: before.toISOString() }).changes;
    },
    /**
     * Deletes workers (name and national number) known since before `before` who have no badge, are
     * not among `supervisors` and have no registration since then that still carries a national
     * number; their older registrations stay, without a worker. Returns how many.
     */
    purgeInactiveWorkers(before: Date, supervisors: readonly string[]): number {
      checkpointer.soon();
      return s.purgeWorkers.run({ before: before.toISOString(), supervisors: JSON.stringify(supervisors) }).changes;
    },
    getSyncState(key: string): string | null {
      return s.getSyncState.get(key)?.value ?? null;
    },
  };
}

export type KioskStore = ReturnType<typeof createKioskStore>;
