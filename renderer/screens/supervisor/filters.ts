/** Pure filters of the supervisor lists: typed letters (accent- and case-blind) and status chips. */
import type { SupervisorRosterEntry } from '../../../preload/api.ts';

export type RosterFilter = 'all' | 'on-site' | 'on-break' | 'left' | 'anomalies';
export const ROSTER_FILTERS: readonly RosterFilter[] = ['all', 'on-site', 'on-break', 'left', 'anomalies'];

/** "Wiśniewski" matches "WISN": letters compared without accents and case; Ł/Ø/İ have no decomposition. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ı/g, 'i')
    .toLowerCase();
}

/** Every word typed must start a word of the name ("ana pop" finds "Ana Maria Popescu"). */
export function nameMatches(name: string, query: string): boolean {
  const words = foldName(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const nameWords = foldName(name).split(/[\s'-]+/);
  return words.every((w) => nameWords.some((n) => n.startsWith(w)));
}

export function statusMatches(entry: SupervisorRosterEntry, filter: RosterFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'anomalies') return entry.anomalies.length > 0;
  return entry.presence.status === filter;
}

export function filterRoster(entries: readonly SupervisorRosterEntry[], filter: RosterFilter, query: string): SupervisorRosterEntry[] {
  return entries.filter((e) => statusMatches(e, filter) && nameMatches(e.displayName ?? e.maskedNationalNumber, query));
}

/** Counts per chip, so the supervisor sees at a glance how many are on site, on break, ... */
export function filterCounts(entries: readonly SupervisorRosterEntry[]): Record<RosterFilter, number> {
  const counts = { all: 0, 'on-site': 0, 'on-break': 0, left: 0, anomalies: 0 } satisfies Record<RosterFilter, number>;
  for (const e of entries) for (const f of ROSTER_FILTERS) if (statusMatches(e, f)) counts[f] += 1;
  return counts;
}
