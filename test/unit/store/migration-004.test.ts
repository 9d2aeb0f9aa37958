/** Migration 4 rebuilds `registrations` so that a registration can outlive its worker; nothing else changes. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../main/core/store/database.node.ts';
import { MIGRATIONS } from '../../../main/core/store/migrations/index.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('migration 004 (registrations outlive workers)', () => {
  it('keeps every row, id and index of a version-3 database; deleting a worker then keeps their registrations', () => {
    const temp = makeTempDir();
    const file = `${temp.dir}/kiosk.sqlite`;
    const v3 = new Database(file);
    v3.pragma('foreign_keys = ON');
    migrate(v3, MIGRATIONS.filter((m) => m.version <= 3));
    v3.exec(`
      INSERT INTO workers (id, niss, surname, first_names, created_at, updated_at) VALUES
        (7, '88041212335', 'Popescu', 'Ana Maria', '2026-01-01T08:00:00.000Z', '2026-01-01T08:00:00.000Z');
      INSERT INTO registrations (id, client_ref, worker_id, niss, direction, intent, card_kind, at_utc, at_local,
          workplace_id, enterprise_number, kiosk_id, state, acknowledged_at) VALUES
        (41, 'ref-a', 7, NULL, 'IN', 'start-work', 'eid', '2026-01-01T08:00:00.000Z', '2026-01-01T09:00:00', 'W1', '0403019261', 'k1', 'accepted', '2026-01-01T08:00:01.000Z'),
        (42, 'ref-b', 7, '88041212335', 'OUT', 'end-work', 'eid', '2026-01-01T16:00:00.000Z', '2026-01-01T17:00:00', 'W1', '0403019261', 'k1', 'queued', NULL);
    `);
    const before = v3.prepare('SELECT * FROM registrations ORDER BY id').all();
    v3.close();

    const db = openDatabase(file);
    // Opened with every migration, later ones included.
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    expect(db.prepare('SELECT * FROM registrations ORDER BY id').all()).toEqual(before);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'registrations' AND sql IS NOT NULL ORDER BY name").all();
    expect(indexes).toEqual([
      { name: 'registrations_by_time' },
      { name: 'registrations_by_worker_time' },
      { name: 'registrations_outbox' },
      { name: 'registrations_unsynced' },
    ]);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'registrations_new'").all()).toEqual([]);

    db.prepare('DELETE FROM workers WHERE id = 7').run();
    expect(db.prepare('SELECT id, worker_id AS workerId FROM registrations ORDER BY id').all()).toEqual([
      { id: 41, workerId: null },
      { id: 42, workerId: null },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
    temp.cleanup();
  });
});
