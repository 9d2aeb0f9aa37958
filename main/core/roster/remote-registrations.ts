/**
 * The port through which the overview learns about registrations of the same workplace made
 * elsewhere (other kiosks, smartphones, the ONSS web form). The ONSS client (main/core/onss/)
 * implements it with the service's search; the roster only merges what it returns.
 */
import type { Direction, RegistrationChannel } from '../../../preload/api.ts';
import type { RosterRegistration } from './anomalies.ts';

export interface RemoteRegistration {
  /** ONSS PresenceRegistrationId. */
  onssId: string;
  /** ClientPresenceRegistrationReference, if the sender set one: ours for this kiosk's own rows. */
  clientReference: string | null;
  /** INSS/NISS or BIS, 11 digits. */
  niss: string;
  direction: Direction;
  atUtc: string;
  /** The client maps the ONSS `Channel` value onto these; never `this-kiosk`. */
  channel: Exclude<RegistrationChannel, 'this-kiosk'>;
  /** `rejected` when ONSS refused it; registrations it holds are otherwise `accepted`. */
  state: 'accepted' | 'rejected';
  remarks: string[];
}

export interface RemoteRegistrations {
  /** Registrations at `workplaceId` in [fromUtc, toUtc); rejects when ONSS cannot be reached. */
  fetchWorkplaceRegistrations(workplaceId: string, fromUtc: Date, toUtc: Date): Promise<RemoteRegistration[]>;
}

/** ONSS may keep a registration's time to the minute only, so an echo can be up to a minute off ours. */
export const ECHO_TOLERANCE_MS = 60_000;

export interface MergedRegistrations {
  /** Ours and those made elsewhere, oldest first. */
  rows: RosterRegistration[];
  /** How many of `rows` were made elsewhere (our own echoed by the search are not counted). */
  elsewhere: number;
}

/**
 * The search returns this kiosk's own registrations too. They are recognised by our client reference
 * when ONSS returns it; a registration without one is ours when it has the worker and direction of one
 * of ours not yet recognised and a time within ECHO_TOLERANCE_MS of it, nearest pairs first. Each of ours
 * has at most one echo, so another kiosk's registration in the same minute is still shown.
 */
function findEchoes(local: readonly RosterRegistration[], remote: readonly RemoteRegistration[]): Set<RemoteRegistration> {
  const echoes = new Set<RemoteRegistration>();
  const unclaimed = new Map(local.map((r) => [r.registrationId, r]));
  for (const r of remote) {
    if (r.clientReference !== null && unclaimed.delete(r.clientReference)) echoes.add(r);
  }
  const byWorkerAndDirection = new Map<string, RosterRegistration[]>();
  for (const l of unclaimed.values()) {
    // A purged worker's registration has no number left to match.
    if (l.niss === null) continue;
    const key = `${l.niss}/${l.direction}`;
    byWorkerAndDirection.set(key, [...(byWorkerAndDirection.get(key) ?? []), l]);
  }
  const pairs: Array<{ remote: RemoteRegistration; local: RosterRegistration; gap: number }> = [];
  for (const r of remote) {
    if (r.clientReference !== null) continue;
    for (const l of byWorkerAndDirection.get(`${r.niss}/${r.direction}`) ?? []) {
      const gap = Math.abs(Date.parse(l.atUtc) - Date.parse(r.atUtc));
      if (gap <= ECHO_TOLERANCE_MS) pairs.push({ remote: r, local: l, gap });
    }
  }
  const claimed = new Set<RosterRegistration>();
  for (const p of pairs.sort((a, b) => a.gap - b.gap)) {
    if (echoes.has(p.remote) || claimed.has(p.local)) continue;
    echoes.add(p.remote);
    claimed.add(p.local);
  }
  return echoes;
}

/** Adds the registrations made elsewhere to ours, without our own echoes; names come from our workers where the number is known here. */
export function mergeRegistrations(
  local: readonly RosterRegistration[],
  remote: readonly RemoteRegistration[],
  knownWorkers: ReadonlyMap<string, { workerId: number; displayName: string }>,
): MergedRegistrations {
  const echoes = findEchoes(local, remote);
  const merged: RosterRegistration[] = [...local];
  for (const r of remote) {
    if (echoes.has(r)) continue;
    const known = knownWorkers.get(r.niss);
    merged.push({
      registrationId: `remote:${r.onssId}`,
      niss: r.niss,
      workerId: known?.workerId ?? null,
      displayName: known?.displayName ?? null,
      intent: null,
      direction: r.direction,
      atUtc: r.atUtc,
      channel: r.channel,
      state: r.state,
      remarks: r.remarks,
    });
  }
  return { rows: merged.sort((a, b) => Date.parse(a.atUtc) - Date.parse(b.atUtc)), elsewhere: merged.length - local.length };
}
