import { migration001 } from './001-initial.ts';
import { migration002 } from './002-supervisors.ts';
import { migration003 } from './003-unsynced-by-worker.ts';
import { migration004 } from './004-registrations-outlive-workers.ts';
import { migration005 } from './005-declarations.ts';
import { migration006 } from './006-outbox-by-id.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** In order; a migration is never edited once released: add the next numbered file instead. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006];
