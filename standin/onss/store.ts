/**
 * The stand-in's own SQLite file: what "ONSS" holds. A registration is unique per
 * (company, client reference) — that is the idempotency the kiosk relies on; `submissions` counts how
 * often a reference was received, so tests can see a retry arrive and still find one record.
 */
import Database from 'better-sqlite3';
import type { OnssChannel, OnssRemark } from '../../main/core/onss/wire-format.ts';

export interface StoredPresence {
  id: number;
  companyId: string;
  clientRef: string | null;
  inss: string;
  workPlaceId: string;
  type: 'IN' | 'OUT';
  atUtc: string;
  atLocal: string;
  receivedAt: string;
  channel: OnssChannel;
  remarks: OnssRemark[];
  submissions: number;
}

export type NewPresence = Omit<StoredPresence, 'id' | 'submissions'>;

interface Row extends Omit<StoredPresence, 'remarks'> {
  remarks: string;
}

const toPresence = (row: Row): StoredPresence => ({ ...row, remarks: JSON.parse(row.remarks) as OnssRemark[] });

const COLUMNS = `id, company_id AS companyId, client_ref AS clientRef, inss, workplace_id AS workPlaceId, type,
  at_utc AS atUtc, at_local AS atLocal, received_at AS receivedAt, channel, remarks, submissions`;

export function openStandinStore(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS presences (
      id INTEGER PRIMARY KEY,
      company_id TEXT NOT NULL,
      client_ref TEXT,
      inss TEXT NOT NULL,
      workplace_id TEXT NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('IN', 'OUT')),
      at_utc TEXT NOT NULL,
      at_local TEXT NOT NULL,
      received_at TEXT NOT NULL,
      channel TEXT NOT NULL,
      remarks TEXT NOT NULL,
      submissions INTEGER NOT NULL DEFAULT 1,
      UNIQUE (company_id, client_ref)
    );
    CREATE INDEX IF NOT EXISTS presences_worker ON presences (inss, company_id, at_utc);
    CREATE INDEX IF NOT EXISTS presences_workplace ON presences (workplace_id, at_utc);
  `);
  const byRef = db.prepare<[string, string], Row>(`SELECT ${COLUMNS} FROM presences WHERE company_id = ? AND client_ref = ?`);
  const resubmitted = db.prepare<[number], unknown>(`UPDATE presences SET submissions = submissions + 1 WHERE id = ?`);
  const previous = db.prepare<[string, string, string], Row>(
    `SELECT ${COLUMNS} FROM presences WHERE inss = ? AND company_id = ? AND at_utc <= ? ORDER BY at_utc DESC, id DESC LIMIT 1`,
  );
  const insBetween = db.prepare<[string, string, string, string], { n: number }>(
    `SELECT count(*) AS n FROM presences WHERE inss = ? AND company_id = ? AND type = 'IN' AND at_utc >= ? AND at_utc <= ?`,
  );
  // at_utc is always toISOString() output, so its first 16 characters are the UTC minute.
  const sameMinute = db.prepare<[string, string, string, string], { n: number }>(
    `SELECT count(*) AS n FROM presences WHERE inss = ? AND company_id = ? AND workplace_id = ? AND substr(at_utc, 1, 16) = ?`,
  );
  const insert = db.prepare<Omit<Row, 'id' | 'submissions'>, Row>(
    `INSERT INTO presences (company_id, client_ref, inss, workplace_id, type, at_utc, at_local, received_at, channel, remarks)
     VALUES (@companyId, @clientRef, @inss, @workPlaceId, @type, @atUtc, @atLocal, @receivedAt, @channel, @remarks)
     RETURNING ${COLUMNS}`,
  );
  const search = db.prepare<[string, string, string, number], Row>(
    `SELECT ${COLUMNS} FROM presences WHERE workplace_id = ? AND at_utc >= ? AND at_utc < ? ORDER BY at_utc, id LIMIT ?`,
  );
  const all = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM presences ORDER BY id`);

  return {
    /** The record stored under this reference, counting this as one more submission of it. */
    resubmission: (companyId: string, clientRef: string): StoredPresence | null => {
      const row = byRef.get(companyId, clientRef);
      if (!row) return null;
      resubmitted.run(row.id);
      return toPresence({ ...row, submissions: row.submissions + 1 });
    },
    previousOf: (inss: string, companyId: string, atUtc: string) => {
      const row = previous.get(inss, companyId, atUtc);
      return row ? toPresence(row) : null;
    },
    hasInBetween: (inss: string, companyId: string, fromUtc: string, toUtc: string) => (insBetween.get(inss, companyId, fromUtc, toUtc)?.n ?? 0) > 0,
    hasSameMinute: (p: Pick<StoredPresence, 'inss' | 'companyId' | 'workPlaceId' | 'atUtc'>) =>
      (sameMinute.get(p.inss, p.companyId, p.workPlaceId, p.atUtc.slice(0, 16))?.n ?? 0) > 0,
    insert: (p: NewPresence) => toPresence(insert.get({ ...p, remarks: JSON.stringify(p.remarks) }) as Row),
    search: (workPlaceId: string, fromUtc: string, toUtc: string, limit: number) => search.all(workPlaceId, fromUtc, toUtc, limit).map(toPresence),
    all: () => all.all().map(toPresence),
    reset: () => db.exec('DELETE FROM presences'),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    close: () => db.close(),
  };
}

export type StandinStore = ReturnType<typeof openStandinStore>;
