import { describe, expect, it } from 'vitest';
import { createOnssRemoteRegistrations, createOnssSender } from '../../../main/core/onss/onss-adapters.ts';
import type { OnssClient, PresenceOutcome } from '../../../main/core/onss/onss-client.ts';
import { OnssTransportError } from '../../../main/core/onss/transport-error.ts';
import type { SearchedPresence } from '../../../main/core/onss/wire-format.ts';
import type { RegistrationRow } from '../../../main/core/store/kiosk-store.node.ts';

function row(clientRef: string, niss: string | null = '85073003328'): RegistrationRow {
  return { clientRef, niss, enterpriseNumber: '0403019261', workplaceId: 'DEMO000000001', direction: 'IN', atLocal: '2026-11-22T07:30:00+01:00' } as RegistrationRow;
}

function fakeClient(register: OnssClient['registerPresences'], search: OnssClient['searchPresences'] = async () => []): OnssClient {
  return { registerPresences: register, searchPresences: search };
}

describe('ONSS adapters', () => {
  it('turns outcomes into the outbox’s accepted/rejected with remark numbers', async () => {
    const outcomes: PresenceOutcome[] = [
      { reference: 'a', kind: 'accepted', presenceRegistrationId: '1', remarks: [] },
      { reference: 'b', kind: 'accepted-with-remarks', presenceRegistrationId: '2', remarks: [{ code: 21, description: 'Two INs' }] },
      { reference: 'c', kind: 'rejected', presenceRegistrationId: null, remarks: [], errors: [{ code: 'INVALID_INSS', description: 'checksum' }] },
    ];
    const sender = createOnssSender(fakeClient(async () => outcomes));
    expect(await sender.send([row('a'), row('b'), row('c'), row('d', null)])).toEqual([
      { clientRef: 'd', state: 'rejected', serverId: null, remarks: [], error: 'no national number left to send' },
      { clientRef: 'a', state: 'accepted', serverId: '1', remarks: [] },
      { clientRef: 'b', state: 'accepted', serverId: '2', remarks: ['21'] },
      { clientRef: 'c', state: 'rejected', serverId: null, remarks: [], error: 'INVALID_INSS: checksum' },
    ]);
  });

  it('lets a transport error through as the outbox’s SendFailure', async () => {
    const failure = new OnssTransportError('rate-limited', 'HTTP 429', 1000);
    const sender = createOnssSender(fakeClient(async () => Promise.reject(failure)));
    await expect(sender.send([row('a')])).rejects.toBe(failure);
  });

  it('maps searched registrations to the roster’s remote registrations', async () => {
    const found: SearchedPresence = {
      presenceRegistrationId: '9',
      clientPresenceRegistrationReference: null,
      inss: '85073003328',
      companyId: '0403019261',
      workPlaceId: 'DEMO000000001',
      registrationType: 'OUT',
      registrationDateTime: '2026-11-22T17:00:00+01:00',
      channel: 'SMARTPHONE',
      status: 'REGISTERED',
      remarks: [{ code: 24, description: 'OUT without IN' }],
    };
    let query: unknown = null;
    const remote = createOnssRemoteRegistrations(
      fakeClient(
        async () => [],
        async (q) => {
          query = q;
          return [found];
        },
      ),
    );
    const from = new Date('2026-11-22T00:00:00Z');
    const to = new Date('2026-11-23T00:00:00Z');
    expect(await remote.fetchWorkplaceRegistrations('DEMO000000001', from, to)).toEqual([
      { onssId: '9', clientReference: null, niss: '85073003328', direction: 'OUT', atUtc: '2026-11-22T16:00:00.000Z', channel: 'smartphone', state: 'accepted', remarks: ['24'] },
    ]);
    expect(query).toEqual({ workPlaceId: 'DEMO000000001', from, to });
  });
});
