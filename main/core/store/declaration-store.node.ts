/**
 * Typed SQL for the declarations of works (migration 005). Rows hold the normalised input; reading
 * validates it again with the kiosk's URL template, so callers get complete declarations. At most one
 * row is active (a partial unique index); the active one cannot be deleted.
 */
import { validateDeclaration, type Declaration, type NormalisedDeclarationInput } from '../declarations/declaration.ts';
import type { SqliteDatabase } from './database.node.ts';

export interface DeclarationRow {
  id: number;
  active: boolean;
  input: NormalisedDeclarationInput;
  declaration: Declaration;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

interface RawRow {
  id: number;
  active: number;
  input: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export type DeleteDeclarationResult = 'deleted' | 'active' | 'unknown';

const COLUMNS = 'id, active, input, created_at AS createdAt, created_by AS createdBy, updated_at AS updatedAt, updated_by AS updatedBy';

export function createDeclarationStore(db: SqliteDatabase, urlTemplate: string) {
  const s = {
    all: db.prepare<[], RawRow>(`SELECT ${COLUMNS} FROM declarations ORDER BY id`),
    byId: db.prepare<[number], RawRow>(`SELECT ${COLUMNS} FROM declarations WHERE id = ?`),
    active: db.prepare<[], RawRow>(`SELECT ${COLUMNS} FROM declarations WHERE active = 1`),
    count: db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM declarations`),
    insert: db.prepare<{ input: string; active: number; now: string; by: string }, RawRow>(
      `INSERT INTO declarations (input, active, created_at, created_by, updated_at, updated_by)
       VALUES (@input, @active, @now, @by, @now, @by) RETURNING ${COLUMNS}`,
    ),
    update: db.prepare<{ id: number; input: string; now: string; by: string }, RawRow>(
      `UPDATE declarations SET input = @input, updated_at = @now, updated_by = @by WHERE id = @id RETURNING ${COLUMNS}`,
    ),
    deactivateAll: db.prepare(`UPDATE declarations SET active = 0 WHERE active = 1`),
    activate: db.prepare<{ id: number; now: string; by: string }>(
      `UPDATE declarations SET active = 1, updated_at = @now, updated_by = @by WHERE id = @id`,
    ),
    delete: db.prepare<[number]>(`DELETE FROM declarations WHERE id = ? AND active = 0`),
  };

  function toRow(raw: RawRow): DeclarationRow {
    const result = validateDeclaration(JSON.parse(raw.input), urlTemplate);
    // Only validated input is ever written; a failure here means the file was edited by hand.
    if (!result.ok) throw new Error(`declaration ${raw.id} in the database is invalid: ${result.errors.map((e) => e.field).join(', ')}`);
    return {
      id: raw.id,
      active: raw.active === 1,
      input: result.input,
      declaration: result.declaration,
      createdAt: raw.createdAt,
      createdBy: raw.createdBy,
      updatedAt: raw.updatedAt,
      updatedBy: raw.updatedBy,
    };
  }

  function insert(input: NormalisedDeclarationInput, by: string, now: Date): DeclarationRow {
    const active = s.active.get() === undefined ? 1 : 0;
    return toRow(s.insert.get({ input: JSON.stringify(input), active, now: now.toISOString(), by }) as RawRow);
  }

  return {
    list(): DeclarationRow[] {
      return s.all.all().map(toRow);
    },
    byId(id: number): DeclarationRow | null {
      const raw = s.byId.get(id);
      return raw ? toRow(raw) : null;
    },
    active(): DeclarationRow | null {
      const raw = s.active.get();
      return raw ? toRow(raw) : null;
    },
    /** A new declaration; the first one on a kiosk without an active declaration becomes active. */
    insert(input: NormalisedDeclarationInput, by: string, now: Date): DeclarationRow {
      return db.transaction(() => insert(input, by, now))();
    },
    update(id: number, input: NormalisedDeclarationInput, by: string, now: Date): DeclarationRow | null {
      const raw = s.update.get({ id, input: JSON.stringify(input), now: now.toISOString(), by });
      return raw ? toRow(raw) : null;
    },
    /** False when there is no such declaration (nothing changes then). */
    activate(id: number, by: string, now: Date): boolean {
      return db.transaction(() => {
        if (s.byId.get(id) === undefined) return false;
        s.deactivateAll.run();
        s.activate.run({ id, now: now.toISOString(), by });
        return true;
      })();
    },
    remove(id: number): DeleteDeclarationResult {
      return db.transaction((): DeleteDeclarationResult => {
        const raw = s.byId.get(id);
        if (!raw) return 'unknown';
        if (raw.active === 1) return 'active';
        s.delete.run(id);
        return 'deleted';
      })();
    },
    /**
     * Copies the settings' declarations into an empty table (the first becomes active) and returns how
     * many; once the table has rows `inputs` is not even called, so later starts skip that work.
     */
    seed(inputs: () => readonly NormalisedDeclarationInput[], now: Date): number {
      return db.transaction(() => {
        if ((s.count.get() as { n: number }).n > 0) return 0;
        const seeds = inputs();
        for (const input of seeds) insert(input, 'settings', now);
        return seeds.length;
      })();
    },
  };
}

export type DeclarationStore = ReturnType<typeof createDeclarationStore>;
