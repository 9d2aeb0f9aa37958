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

/** Frames in the WAL not yet copied to the database file that make a checkpoint due (SQLite's default). */
export const CHECKPOINT_AFTER_FRAMES = 1000;

/**
 * Checkpoints the WAL after the current turn of the event loop, once it holds CHECKPOINT_AFTER_FRAMES
 * frames not yet in the database file. SQLite's auto-checkpoint is off (see openDatabase): it runs
 * inside a commit — the copy of ~1,000 pages and an fsync of the database file added to what a worker
 * waits for — and only when a statement runs to its end, which an `INSERT … RETURNING` read with
 * `.get()` does not: a registration's due checkpoint ran at the next such statement (the outbox's
 * transaction, itself inside register() until then), or never (the WAL grew without bound). Deferred,
 * it runs after the confirmation left, at most once per turn.
 */
export function createCheckpointer(db: SqliteDatabase): { soon(): void } {
  let scheduled = false;
  function checkpoint(): void {
    scheduled = false;
    if (!db.open) return;
    try {
      const [wal] = db.pragma('wal_checkpoint(NOOP)') as Array<{ log: number; checkpointed: number }>;
      if (wal && wal.log - wal.checkpointed >= CHECKPOINT_AFTER_FRAMES) db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Nothing is lost: the frames stay in the WAL, and the next commit schedules another try.
    }
  }
  return {
    soon() {
      if (scheduled) return;
      scheduled = true;
      setImmediate(checkpoint).unref();
    },
  };
}

export function openDatabase(file: string, options: OpenOptions = {}): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // Checkpoints run after commits, never inside one: the kiosk store schedules one after each of its
    // writes (createCheckpointer); the supervisor and declaration stores write little and rarely.
    db.pragma('wal_autocheckpoint = 0');
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
