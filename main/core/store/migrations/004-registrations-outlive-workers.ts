/**
 * Retention of workers: a worker with no badge, no supervisor role and no registration within the
 * retention period is deleted (name and national number). Their older registrations stay, so
 * `registrations.worker_id` becomes nullable and is set to NULL when its worker goes. SQLite cannot
 * change a column's constraints in place: the table is rebuilt (same columns, rows and ids) and its
 * indexes recreated, as the "other kinds of table schema changes" procedure of ALTER TABLE describes.
 * Nothing references registrations, so the rebuild is safe with foreign keys on.
 */
export const migration004 = {
  version: 4,
  name: 'registrations-outlive-workers',
  sql: `
    CREATE TABLE registrations_new (
      id INTEGER PRIMARY KEY,
      client_ref TEXT NOT NULL UNIQUE CHECK (length(client_ref) BETWEEN 1 AND 24),
      -- NULL once the worker was deleted by the retention purge; the registration and its counts stay.
      worker_id INTEGER REFERENCES workers(id) ON DELETE SET NULL,
      niss TEXT,
      direction TEXT NOT NULL CHECK (direction IN ('IN', 'OUT')),
      intent TEXT NOT NULL CHECK (intent IN ('start-work', 'start-break', 'end-break', 'end-work')),
      card_kind TEXT NOT NULL CHECK (card_kind IN ('eid', 'badge', 'demo')),
      at_utc TEXT NOT NULL,
      at_local TEXT NOT NULL,
      workplace_id TEXT NOT NULL,
      enterprise_number TEXT NOT NULL,
      kiosk_id TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'accepted', 'rejected')),
      server_id TEXT,
      remarks TEXT NOT NULL DEFAULT '[]',
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      last_attempt_at TEXT,
      acknowledged_at TEXT
    ) STRICT;

    INSERT INTO registrations_new
      SELECT id, client_ref, worker_id, niss, direction, intent, card_kind, at_utc, at_local, workplace_id,
             enterprise_number, kiosk_id, state, server_id, remarks, attempts, last_error, last_attempt_at, acknowledged_at
      FROM registrations;
    DROP TABLE registrations;
    ALTER TABLE registrations_new RENAME TO registrations;

    CREATE INDEX registrations_by_worker_time ON registrations (worker_id, at_utc);
    CREATE INDEX registrations_by_time ON registrations (at_utc);
    CREATE INDEX registrations_unsynced ON registrations (worker_id, id) WHERE state IN ('queued', 'sent');
  `,
} as const;
