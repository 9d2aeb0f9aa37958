/**
 * Supervisor mode (issue #4): PIN hashes with their lockout counters, how a worker was enrolled
 * (eID tap or typed in by a supervisor) and by whom.
 */
export const migration002 = {
  version: 2,
  name: 'supervisors',
  sql: `
    CREATE TABLE supervisors (
      niss TEXT PRIMARY KEY CHECK (niss GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
      -- scrypt$N$r$p$salt$hash (base64), see main/core/supervisor/pin-hash.node.ts
      pin_hash TEXT,
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      pin_set_at TEXT,
      last_unlock_at TEXT
    ) STRICT;

    ALTER TABLE workers ADD COLUMN source TEXT NOT NULL DEFAULT 'eid' CHECK (source IN ('eid', 'manual'));
    ALTER TABLE workers ADD COLUMN enrolled_by TEXT;

    CREATE INDEX badges_by_worker ON badges (worker_id);
    CREATE INDEX audit_log_by_time ON audit_log (at_utc);
  `,
} as const;
