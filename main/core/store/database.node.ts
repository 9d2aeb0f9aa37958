/**
 * Opens the kiosk's SQLite file: WAL with synchronous=FULL, so a registration confirmed to a
 * worker (after COMMIT returned) survives a crash or power loss; integrity checked at start-up.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

export type SqliteDatabase = Database.Database;

export class DatabaseOpenError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

export interface OpenOptions {
  /** Limits the file size (pages); used by tests to simulate a full disk. */
  maxPageCount?: number;
}

export function openDatabase(file: string, options: OpenOptions = {}): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (options.maxPageCount !== undefined) db.pragma(`max_page_count = ${Math.trunc(options.maxPageCount)}`);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseOpenError(`SQLite integrity check failed for ${file}: ${String(check)}`);
    migrate(db, MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError(`Cannot open the kiosk database ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** Applies the migrations newer than `PRAGMA user_version`, each in its own transaction. */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
