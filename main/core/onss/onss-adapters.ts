/**
 * The ONSS client seen through the core's ports: the outbox's `PresenceSender` and the roster's
 * `RemoteRegistrations`. Maps our rows to the wire and the wire's answers back.
 */
import type { RegistrationChannel } from '../../../preload/api.ts';
import type { RemoteRegistration, RemoteRegistrations } from '../roster/remote-registrations.ts';
import type { RegistrationOutcome, RegistrationRow } from '../store/kiosk-store.node.ts';
import type { PresenceSender } from '../sync/presence-sender.ts';
import type { OnssClient } from './onss-client.ts';
import type { OnssRemark, PresenceSubmission } from './wire-format.ts';

/** The kiosk keeps remark numbers; the renderer has the texts (main/core/roster/remarks.ts). */
const remarkCodes = (remarks: readonly OnssRemark[]): string[] => remarks.map((r) => String(r.code));

export function toSubmission(row: RegistrationRow): PresenceSubmission | null {
  if (row.niss === null) return null;
  return {
    clientPresenceRegistrationReference: row.clientRef,
    inss: row.niss,
    companyId: row.enterpriseNumber,
    workPlaceId: row.workplaceId,
    registrationType: row.direction,
    registrationDateTime: row.atLocal,
  };
}

export function createOnssSender(client: OnssClient): PresenceSender {
  return {
    async send(batch) {
      const outcomes: RegistrationOutcome[] = [];
      const submissions: PresenceSubmission[] = [];
      for (const row of batch) {
        const submission = toSubmission(row);
        // Cannot happen for a queued row (numbers are purged only after acknowledgement); never send a blank.
        if (submission) submissions.push(submission);
        else outcomes.push({ clientRef: row.clientRef, state: 'rejected', serverId: null, remarks: [], error: 'no national number left to send' });
      }
      if (submissions.length === 0) return outcomes;
      // A failed call throws OnssTransportError, which is the outbox's SendFailure: it passes through.
      const results = await client.registerPresences(submissions);
      for (const r of results) {
        const remarks = remarkCodes(r.remarks);
        outcomes.push(
          r.kind === 'rejected'
            ? {
                clientRef: r.reference,
                state: 'rejected',
                serverId: r.presenceRegistrationId,
                remarks,
                error: r.errors.map((e) => `${e.code}: ${e.description}`).join('; ') || 'refused',
              }
            : { clientRef: r.reference, state: 'accepted', serverId: r.presenceRegistrationId, remarks },
        );
      }
      return outcomes;
    },
  };
}

const CHANNELS: Record<string, Exclude<RegistrationChannel, 'this-kiosk'>> = {
  BADGE: 'other-kiosk',
  SMARTPHONE: 'smartphone',
  WEB: 'web',
  OTHER: 'unknown',
};

export function createOnssRemoteRegistrations(client: OnssClient): RemoteRegistrations {
  return {
    async fetchWorkplaceRegistrations(workplaceId, fromUtc, toUtc): Promise<RemoteRegistration[]> {
      const found = await client.searchPresences({ workPlaceId: workplaceId, from: fromUtc, to: toUtc });
      return found.map((p) => ({
        onssId: p.presenceRegistrationId,
        clientReference: p.clientPresenceRegistrationReference,
        niss: p.inss,
        direction: p.registrationType,
        atUtc: new Date(p.registrationDateTime).toISOString(),
        channel: CHANNELS[p.channel] ?? 'unknown',
        state: p.status === 'REGISTERED' ? 'accepted' : 'rejected',
        remarks: remarkCodes(p.remarks),
      }));
    },
  };
}
