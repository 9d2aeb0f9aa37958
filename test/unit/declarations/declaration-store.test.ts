/** The declarations table (migration 005) through its typed store, on a real SQLite file. */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SMARTPHONE_URL_TEMPLATE, validateDeclaration, type NormalisedDeclarationInput } from '../../../main/core/declarations/declaration.ts';
import { openDatabase, type SqliteDatabase } from '../../../main/core/store/database.node.ts';
import { createDeclarationStore } from '../../../main/core/store/declaration-store.node.ts';
import { MIGRATIONS } from '../../../main/core/store/migrations/index.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const NOW = new Date('2026-03-02T08:00:00Z');

function input(dowNumber: string): NormalisedDeclarationInput {
  const result = validateDeclaration({
    dowNumber,
    workplaceId: 'DEMO000000001',
    employerName: 'Demo Cleaning NV',
    enterpriseNumber: 'BE 0403.019.261',
    siteName: 'Tour & Taxis',
    siteAddress: { street: 'Havenlaan 86C', postalCode: '1000', municipality: 'Brussel' },
    region: 'brussels',
  });
  if (!result.ok) throw new Error('test input is invalid');
  return result.input;
}

const temp = makeTempDir();
let db: SqliteDatabase | null = null;
afterEach(() => {
  db?.close();
  db = null;
});
afterAll(() => temp.cleanup());

function open(file = `${temp.dir}/${Math.random().toString(36).slice(2)}.sqlite`) {
  db = openDatabase(file);
  return { db, store: createDeclarationStore(db, DEFAULT_SMARTPHONE_URL_TEMPLATE), file };
}

describe('declaration store', () => {
  it('migrates (version 5 and later) with the table and its one-active index', () => {
    const { db } = open();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    const index = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'declarations_one_active'`).get() as { sql: string };
    expect(index.sql).toMatch(/UNIQUE INDEX .* WHERE active = 1/);
  });

  it('seeds an empty table once, the first active, and stores the normalised input', () => {
    const { store, file } = open();
    expect(store.seed(() => [input('A1'), input('B2')], NOW)).toBe(2);
    const rows = store.list();
    expect(rows.map((r) => [r.input.dowNumber, r.active, r.createdBy])).toEqual([
      ['A1', true, 'settings'],
      ['B2', false, 'settings'],
    ]);
    expect(rows[0]?.input.enterpriseNumber).toBe('0403019261');
    expect(rows[0]?.declaration.smartphoneUrl).toBe(DEFAULT_SMARTPHONE_URL_TEMPLATE.replace('{dowNumber}', 'A1'));

    db?.close();
    const again = open(file).store;
    expect(again.seed(() => [input('C3')], NOW)).toBe(0);
    expect(again.list().map((r) => r.input.dowNumber)).toEqual(['A1', 'B2']);
  });

  it('keeps exactly one active declaration, also against a direct write', () => {
    const { db, store } = open();
    const first = store.insert(input('A1'), 'supervisor:1', NOW);
    const second = store.insert(input('B2'), 'supervisor:1', NOW);
    expect([first.active, second.active]).toEqual([true, false]);
    expect(store.activate(second.id, 'supervisor:1', NOW)).toBe(true);
    expect(store.list().map((r) => r.active)).toEqual([false, true]);
    expect(store.active()?.id).toBe(second.id);
    expect(store.activate(999, 'supervisor:1', NOW)).toBe(false);
    expect(store.active()?.id).toBe(second.id);
    expect(() => db.prepare('UPDATE declarations SET active = 1 WHERE id = ?').run(first.id)).toThrow(/UNIQUE/);
  });

  it('refuses to delete the active declaration and deletes an inactive one', () => {
    const { store } = open();
    const first = store.insert(input('A1'), 'supervisor:1', NOW);
    const second = store.insert(input('B2'), 'supervisor:1', NOW);
    expect(store.remove(first.id)).toBe('active');
    expect(store.remove(second.id)).toBe('deleted');
    expect(store.remove(second.id)).toBe('unknown');
    expect(store.list().map((r) => r.input.dowNumber)).toEqual(['A1']);
  });

  it('updates a declaration and records who and when', () => {
    const { store } = open();
    const row = store.insert(input('A1'), 'supervisor:1', NOW);
    const later = new Date(NOW.getTime() + 60_000);
    const updated = store.update(row.id, { ...input('A1'), siteName: 'Gare Maritime' }, 'supervisor:2', later);
    expect(updated).toMatchObject({ createdBy: 'supervisor:1', updatedBy: 'supervisor:2', updatedAt: later.toISOString(), active: true });
    expect(updated?.input.siteName).toBe('Gare Maritime');
    expect(store.update(999, input('X'), 'supervisor:2', later)).toBeNull();
  });
});
