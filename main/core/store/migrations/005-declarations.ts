/**
 * Declarations of works, edited in supervisor mode (issue #5). The row keeps the validated input
 * (what the supervisor typed, normalised) rather than the derived declaration, so a changed URL
 * template in the settings applies to every declaration without touching the rows. At most one is
 * active: its QR code is on the poster and on the idle screen when no reader works.
 */
export const migration005 = {
  version: 5,
  name: 'declarations',
  sql: `
    CREATE TABLE declarations (
      id INTEGER PRIMARY KEY,
      input TEXT NOT NULL CHECK (json_valid(input)),
      active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT;

    CREATE UNIQUE INDEX declarations_one_active ON declarations (active) WHERE active = 1;
  `,
} as const;
