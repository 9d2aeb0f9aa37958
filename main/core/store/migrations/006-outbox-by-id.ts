/**
 * Unsynced registrations in id order: the outbox takes its oldest batch as the index's first entries
 * (through registrations_unsynced, ordered by worker first, it read and sorted every queued row for
 * each batch of 200), and the sync status counts the queue reading rows in table order rather than
 * scattered by worker. With 10,000 queued these two reads took ~3 ms of each batch's ~20 ms of work.
 * registrations_unsynced stays: the roster counts per worker with it.
 */
export const migration006 = {
  version: 6,
  name: 'outbox-by-id',
  sql: `
    CREATE INDEX registrations_outbox ON registrations (id, at_utc) WHERE state IN ('queued', 'sent');
  `,
} as const;
