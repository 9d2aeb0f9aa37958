/**
 * Pure anomaly detection over one worker's registrations (this kiosk's and those made elsewhere, in
 * time order), plus the worked time of the Brussels day. Anomalies only inform the supervisor: the
 * kiosk never fabricates or corrects a registration (the employer may not register for a worker).
 */
import type { Direction, Intent, RegistrationChannel, RegistrationState, RosterAnomaly } from '../../../preload/api.ts';
import { describeRemark } from './remarks.ts';

/** Longer than any plausible shift: an IN still open after this is a missing OUT (also across midnight). */
export const MAX_OPEN_MS = 14 * 60 * 60 * 1000;

export interface RosterRegistration {
  registrationId: string;
  /** null for a registration of a worker the retention purge deleted. */
  niss: string | null;
  workerId: number | null;
  displayName: string | null;
  /** null for registrations made elsewhere: ONSS only knows the direction. */
  intent: Intent | null;
  direction: Direction;
  atUtc: string;
  channel: RegistrationChannel;
  state: RegistrationState;
  remarks: string[];
}

/** Still "inside" after this registration: at work, or on a break (start-break is an OUT for ONSS). */
function opens(r: RosterRegistration): boolean {
  return r.direction === 'IN' || r.intent === 'start-break';
}

function anomaly(
  kind: RosterAnomaly['kind'],
  r: RosterRegistration,
  label: string,
  hint: string,
  remark: number | null = null,
  at: string = r.atUtc,
): RosterAnomaly {
  return { kind, registrationId: r.registrationId, at, remark, label: { key: label }, hint: { key: hint } };
}

/**
 * `sorted` is one worker's registrations, oldest first, from the start of the previous Brussels day;
 * only anomalies of registrations from `dayStart` on (and a missing OUT of an open interval) are reported.
 */
export function detectAnomalies(sorted: readonly RosterRegistration[], now: Date, dayStart: Date): RosterAnomaly[] {
  const found: RosterAnomaly[] = [];
  const today = (r: RosterRegistration) => Date.parse(r.atUtc) >= dayStart.getTime();
  for (let i = 0; i < sorted.length; i += 1) {
    const r = sorted[i] as RosterRegistration;
    const previous = i > 0 ? sorted[i - 1] : undefined;
    if (previous && previous.direction === r.direction && today(r)) {
      const gap = Date.parse(r.atUtc) - Date.parse(previous.atUtc);
      if (r.direction === 'IN' && gap > MAX_OPEN_MS) {
        // An IN a day later is a forgotten OUT in between, not a worker tapping twice.
        found.push(anomaly('missing-out', previous, 'anomaly.missingOut', 'anomaly.missingOut.action'));
      } else if (r.direction === 'IN') {
        found.push(anomaly('double-in', r, 'anomaly.doubleIn', 'remark.21.action'));
      } else {
        found.push(anomaly('double-out', r, 'anomaly.doubleOut', 'remark.22.action'));
      }
    }
    if (!today(r)) continue;
    if (r.state === 'rejected') found.push(anomaly('rejected', r, 'anomaly.rejected', 'anomaly.rejected.action'));
    for (const raw of r.remarks) {
      const remark = describeRemark(raw);
      const label = remark.number === null ? 'anomaly.remark' : `remark.${remark.number}.label`;
      found.push(anomaly('remark', r, label, remark.hint?.key ?? 'remark.unknown.action', remark.number));
    }
  }
  const last = sorted.at(-1);
  if (last && opens(last) && now.getTime() - Date.parse(last.atUtc) > MAX_OPEN_MS) {
    found.push(anomaly('missing-out', last, 'anomaly.missingOut', 'anomaly.missingOut.action'));
  }
  return found;
}

/**
 * Minutes worked in [dayStart, now]: the sum of IN→OUT intervals clipped to the day, so a night
 * shift counts after midnight on the new day; an interval still open counts until now. A break
 * (start-break is an OUT) pauses the count.
 */
export function workedMinutes(sorted: readonly RosterRegistration[], now: Date, dayStart: Date): number {
  let total = 0;
  let openedAt: number | null = null;
  const close = (end: number) => {
    if (openedAt === null) return;
    total += Math.max(0, Math.min(end, now.getTime()) - Math.max(openedAt, dayStart.getTime()));
    openedAt = null;
  };
  for (const r of sorted) {
    const at = Date.parse(r.atUtc);
    if (at > now.getTime()) break;
    if (r.direction === 'IN') openedAt ??= at;
    else close(at);
  }
  close(now.getTime());
  return Math.floor(total / 60_000);
}
