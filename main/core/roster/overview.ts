/**
 * Pure: builds the supervisor's roster from merged registrations (previous Brussels day → now).
 * National numbers leave only masked; a worker known only from elsewhere has no name here.
 */
import type {
  Intent,
  LanRoster,
  RegistrationChannel,
  SupervisorRegistration,
  SupervisorRosterEntry,
} from '../../../preload/api.ts';
import { presenceAfter } from '../registration/presence-rules.ts';
import { maskNationalNumber } from '../identity/national-number.ts';
import { brusselsHourMinute } from '../time/brussels-time.ts';
import { detectAnomalies, workedMinutes, type RosterRegistration } from './anomalies.ts';
import { describeRemark } from './remarks.ts';

/** For presence only: a registration made elsewhere says IN or OUT, not why. */
function presenceIntent(r: RosterRegistration): Intent {
  return r.intent ?? (r.direction === 'IN' ? 'start-work' : 'end-work');
}

export function toSupervisorRegistration(r: RosterRegistration): SupervisorRegistration {
  return {
    registrationId: r.registrationId,
    workerId: r.workerId === null ? null : String(r.workerId),
    displayName: r.displayName,
    maskedNationalNumber: maskNationalNumber(r.niss),
    intent: r.intent,
    direction: r.direction,
    at: r.atUtc,
    localTime: brusselsHourMinute(new Date(r.atUtc)),
    channel: r.channel,
    state: r.state,
    remarks: r.remarks.map(describeRemark),
  };
}

/**
 * One entry per worker who registered today or is still inside (on site / on break) from before,
 * sorted by name (unnamed last).
 */
export function buildRosterEntries(merged: readonly RosterRegistration[], now: Date, dayStart: Date): SupervisorRosterEntry[] {
  const byWorker = new Map<string, RosterRegistration[]>();
  for (const r of merged) {
    // A registration whose worker was purged belongs to no one we know: it stands alone.
    const key = r.niss ?? r.registrationId;
    const list = byWorker.get(key) ?? [];
    list.push(r);
    byWorker.set(key, list);
  }
  const entries: SupervisorRosterEntry[] = [];
  for (const list of byWorker.values()) {
    const last = list.at(-1) as RosterRegistration;
    const presence = presenceAfter({ intent: presenceIntent(last), atUtc: last.atUtc });
    const todays = list.filter((r) => Date.parse(r.atUtc) >= dayStart.getTime());
    const inside = presence.status === 'on-site' || presence.status === 'on-break';
    if (todays.length === 0 && !inside) continue;
    const named = list.find((r) => r.displayName !== null);
    entries.push({
      workerId: named?.workerId === undefined || named.workerId === null ? null : String(named.workerId),
      displayName: named?.displayName ?? null,
      maskedNationalNumber: maskNationalNumber(last.niss),
      presence,
      workedMinutesToday: workedMinutes(list, now, dayStart),
      registrationsToday: todays.length,
      unsynced: list.filter((r) => r.channel === 'this-kiosk' && (r.state === 'queued' || r.state === 'sent')).length,
      anomalies: detectAnomalies(list, now, dayStart),
      channels: [...new Set<RegistrationChannel>(list.map((r) => r.channel))],
    });
  }
  return entries.sort((a, b) => {
    if (a.displayName === null || b.displayName === null) return a.displayName === null ? 1 : -1;
    return a.displayName.localeCompare(b.displayName, 'nl-BE');
  });
}

/** What a second browser on the LAN may see: names, presence, worked time, anomaly kinds. */
export function toLanEntries(entries: readonly SupervisorRosterEntry[]): LanRoster['entries'] {
  return entries.map((e) => ({
    displayName: e.displayName,
    presence: e.presence,
    workedMinutesToday: e.workedMinutesToday,
    anomalies: [...new Set(e.anomalies.map((a) => a.kind))],
  }));
}
