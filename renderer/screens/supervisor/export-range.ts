/** The Europe/Brussels days one export covers. */
import type { DateTime } from 'luxon';
import { ZONE } from '../../time/format.ts';

export type RangeKind = 'day' | 'week';

/** The days exported for `kind` around `anchor` (a Brussels date), never past `today`. */
export function exportRange(kind: RangeKind, anchor: DateTime, today: DateTime): { from: string; to: string } {
  const day = anchor.setZone(ZONE).startOf('day');
  const last = today.setZone(ZONE).startOf('day');
  const from = kind === 'day' ? day : day.startOf('week');
  const end = kind === 'day' ? day : day.endOf('week').startOf('day');
  const to = end > last ? last : end;
  return { from: from.toISODate() ?? '', to: to.toISODate() ?? '' };
}
