/**
 * The remarks the stand-in attaches, after the ONSS remark table (shared/seeds/004): 14 a similar
 * registration exists (same worker, company, workplace and minute), 21 two INs in a row, 22 two OUTs
 * in a row, 24 OUT without IN in the previous 24 hours, 32 reception delay exceeded (or a
 * registration from the future beyond the clock tolerance: a wrong clock either way).
 */
import type { OnssRemark } from '../../main/core/onss/wire-format.ts';
import type { NewPresence, StandinStore } from './store.ts';

export interface RemarkRules {
  maxDelayMs: number;
  futureToleranceMs: number;
}

export const REMARK_TEXTS = {
  14: 'A similar registration already exists',
  21: 'Two or more INs in a row',
  22: 'Two or more OUTs in a row',
  24: 'OUT without IN in the previous 24 hours',
  32: 'Reception delay of the registrations exceeded',
} as const;

const remark = (code: keyof typeof REMARK_TEXTS): OnssRemark => ({ code, description: REMARK_TEXTS[code] });

const DAY_MS = 24 * 60 * 60 * 1000;

/** Looks at what is stored before `p` is inserted. */
export function remarksFor(store: StandinStore, p: Omit<NewPresence, 'remarks'>, rules: RemarkRules): OnssRemark[] {
  const remarks: OnssRemark[] = [];
  if (store.hasSameMinute(p)) remarks.push(remark(14));
  const previous = store.previousOf(p.inss, p.companyId, p.atUtc);
  if (previous && previous.type === p.type) remarks.push(remark(p.type === 'IN' ? 21 : 22));
  if (p.type === 'OUT' && !store.hasInBetween(p.inss, p.companyId, new Date(Date.parse(p.atUtc) - DAY_MS).toISOString(), p.atUtc)) {
    remarks.push(remark(24));
  }
  const lateBy = Date.parse(p.receivedAt) - Date.parse(p.atUtc);
  if (lateBy >= rules.maxDelayMs || -lateBy > rules.futureToleranceMs) remarks.push(remark(32));
  return remarks;
}
