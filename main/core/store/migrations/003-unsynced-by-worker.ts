/**
 * Unsynced registrations indexed by worker: the roster counts them per worker without scanning the
 * history, and the outbox reads them (a small set) from the same index. Replaces the outbox index.
 */
export const migration003 = {
  version: 3,
  name: 'unsynced-by-worker',
  sql: `
    DROP INDEX registrations_outbox;
    CREATE INDEX registrations_unsynced ON registrations (worker_id, id) WHERE state IN ('queued', 'sent');
  `,
} as const;
