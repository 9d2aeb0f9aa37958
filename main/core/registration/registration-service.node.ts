/**
 * Records one registration: the only writer of registrations. Called by the kiosk service for a
 * live tap, never with a worker chosen by anyone else (the employer may not register for a worker).
 */
import type { CardKind, Intent, RegistrationReceipt } from '../../../preload/api.ts';
import { KioskError } from '../api/kiosk-error.ts';
import type { Settings } from '../config/settings.ts';
import type { KioskStore, WorkerRow } from '../store/kiosk-store.node.ts';
import { brusselsHourMinute, brusselsIso } from '../time/brussels-time.ts';
import { newClientReference } from './client-reference.ts';
import { directionOf } from './presence-rules.ts';

export function displayName(worker: Pick<WorkerRow, 'firstNames' | 'surname'>): string {
  return [worker.firstNames, worker.surname].filter((part) => part.length > 0).join(' ');
}

export function createRegistrationService(deps: { store: KioskStore; settings: Settings }) {
  const { store, settings } = deps;
  return {
    /** Returns only after COMMIT: the receipt shown to the worker is a promise kept on disk. */
    record(worker: WorkerRow, intent: Intent, cardKind: CardKind, now: Date): RegistrationReceipt {
      let row;
      try {
        row = store.insertRegistration({
          clientRef: newClientReference(),
          workerId: worker.id,
          niss: worker.niss,
          direction: directionOf(intent),
          intent,
          cardKind,
          atUtc: now.toISOString(),
          atLocal: brusselsIso(now),
          workplaceId: settings.site.workplaceId,
          enterpriseNumber: settings.site.enterpriseNumber,
          kioskId: settings.kioskId,
        });
      } catch (error) {
        throw new KioskError('storage-failed', { key: 'api.error.storageFailed' }, (error as Error).message);
      }
      return {
        registrationId: row.clientRef,
        workerName: displayName(worker),
        intent: row.intent,
        direction: row.direction,
        at: row.atUtc,
        localTime: brusselsHourMinute(now),
        state: row.state,
      };
    },
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
