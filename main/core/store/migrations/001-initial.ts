/** Workers, their badges, registrations (the outbox too), the supervisor audit log, sync state. */
export const migration001 = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE workers (
      id INTEGER PRIMARY KEY,
      niss TEXT NOT NULL UNIQUE CHECK (niss GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
      surname TEXT NOT NULL,
      first_names TEXT NOT NULL,
      language TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE badges (
      uid TEXT PRIMARY KEY,
      worker_id INTEGER NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
      enrolled_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE registrations (
      id INTEGER PRIMARY KEY,
      -- ONSS ClientPresenceRegistrationReference: made at commit time, reused on every retry.
      client_ref TEXT NOT NULL UNIQUE CHECK (length(client_ref) BETWEEN 1 AND 24),
      worker_id INTEGER NOT NULL REFERENCES workers(id),
      -- Kept until the retention purge; the row (and its counts) outlives it.
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

    CREATE INDEX registrations_by_worker_time ON registrations (worker_id, at_utc);
    CREATE INDEX registrations_by_time ON registrations (at_utc);
    CREATE INDEX registrations_outbox ON registrations (id) WHERE state IN ('queued', 'sent');

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at_utc TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      details TEXT NOT NULL DEFAULT '{}'
    ) STRICT;

    CREATE TABLE sync_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `,
} as const;
