/**
 * The remarks the stand-in attaches, after the ONSS remark table (shared/seeds/004): 14 a similar
 * registration exists, 21 two INs in a row, 22 two OUTs in a row, 24 OUT without IN in the previous
 * 24 hours, 32 reception delay exceeded (or a registration from the future: a wrong clock).
 */
import type { StandinStore, StoredPresence } from './store.ts';

export interface RemarkRules {
  maxDelayMs: number;
  futureToleranceMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function remarksFor(store: StandinStore, p: Omit<StoredPresence, 'id' | 'remarks'>, rules: RemarkRules): string[] {
  const remarks: string[] = [];
  if (store.hasSameMinute(p)) remarks.push('14');
  const previous = store.previousOf(p.inss, p.companyId, p.atUtc);
  if (previous && previous.type === p.type) remarks.push(p.type === 'IN' ? '21' : '22');
  if (p.type === 'OUT' && !store.hasInBetween(p.inss, p.companyId, new Date(Date.parse(p.atUtc) - DAY_MS).toISOString(), p.atUtc)) {
    remarks.push('24');
  }
  const lateBy = Date.parse(p.receivedAt) - Date.parse(p.atUtc);
  if (lateBy >= rules.maxDelayMs || -lateBy > rules.futureToleranceMs) remarks.push('32');
  return remarks;
}
