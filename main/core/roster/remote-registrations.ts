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

/**
 * Adds the registrations made elsewhere to ours, dropping the ones that are ours (same client
 * reference); names come from our workers where the number is known here.
 */
export function mergeRegistrations(
  local: readonly RosterRegistration[],
  remote: readonly RemoteRegistration[],
  knownWorkers: ReadonlyMap<string, { workerId: number; displayName: string }>,
): RosterRegistration[] {
  const ours = new Set(local.map((r) => r.registrationId));
  const merged: RosterRegistration[] = [...local];
  for (const r of remote) {
    if (r.clientReference !== null && ours.has(r.clientReference)) continue;
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
  return merged.sort((a, b) => Date.parse(a.atUtc) - Date.parse(b.atUtc));
}
