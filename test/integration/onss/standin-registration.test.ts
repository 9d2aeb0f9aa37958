/**
 * The ONSS client against the stand-in as its own process, over real HTTP: token flow, registration,
 * idempotent retries, validation, the remarks the kiosk tries to prevent, search across channels.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOnssClient, INVALID_SUBMISSION_CODE, type OnssClient } from '../../../main/core/onss/onss-client.ts';
import type { PresenceSubmission } from '../../../main/core/onss/wire-format.ts';
import { startStandin, type Standin } from '../../support/onss-standin.ts';

const WORKPLACE = 'DEMO000000001';
const COMPANY = '0403019261';
const NISS = '85073003328';
const NISS_2000 = '17073003384';

let standin: Standin;
let client: OnssClient;
let counter = 0;

/** A registration `minutesAgo` minutes before now, with a fresh reference. */
function presence(type: 'IN' | 'OUT', minutesAgo: number, overrides: Partial<PresenceSubmission> = {}): PresenceSubmission {
  counter += 1;
  return {
    clientPresenceRegistrationReference: `ref-${counter}`,
    inss: NISS,
    companyId: COMPANY,
    workPlaceId: WORKPLACE,
    registrationType: type,
    registrationDateTime: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    ...overrides,
  };
}

const codes = (remarks: ReadonlyArray<{ code: number }>) => remarks.map((r) => r.code);

beforeAll(async () => {
  standin = await startStandin({ workplaces: [WORKPLACE, 'DEMO000000002'], maxDelaySeconds: 600, clockSkewToleranceSeconds: 120 });
});
afterAll(async () => {
  await standin?.stop();
});
beforeEach(async () => {
  await standin.admin.reset();
  client = createOnssClient(standin.clientOptions({ timeoutMs: 5_000 }));
});

describe('ONSS stand-in: registration', () => {
  it('prints a ready line with its port and answers on it', () => {
    expect(standin.port).toBeGreaterThan(0);
    expect(standin.baseUrl).toBe(`${standin.url}/REST/presenceRegistration/v1`);
    expect(standin.tokenUrl).toBe(`${standin.url}/REST/oauth/v5/token`);
  });

  it('registers an IN with a token obtained by a signed client assertion, once per token lifetime', async () => {
    const first = presence('IN', 1);
    expect(await client.registerPresences([first])).toEqual([
      { reference: first.clientPresenceRegistrationReference, kind: 'accepted', presenceRegistrationId: expect.any(String), remarks: [] },
    ]);
    await client.registerPresences([presence('OUT', 0)]);
    const stats = await standin.admin.stats();
    expect(stats).toMatchObject({ tokenRequests: 1, presenceCalls: 2, registrationsStored: 2 });
    const stored = await standin.admin.registrations();
    expect(stored.map((r) => [r.clientRef, r.type, r.channel, r.companyId, r.inss])).toEqual([
      [first.clientPresenceRegistrationReference, 'IN', 'BADGE', COMPANY, NISS],
      [`ref-${counter}`, 'OUT', 'BADGE', COMPANY, NISS],
    ]);
  });

  it('refuses a token request whose assertion is signed by another key', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const intruder = createOnssClient(standin.clientOptions({ privateKeyPem: other.privateKey }));
    await expect(intruder.registerPresences([presence('IN', 0)])).rejects.toMatchObject({ name: 'OnssTransportError', kind: 'unauthorized' });
    expect(await standin.admin.registrations()).toEqual([]);
  });

  it('answers a retried reference with the original registration and stores it once', async () => {
    const p = presence('IN', 1);
    const [original] = await client.registerPresences([p]);
    // The same reference again, even with other data: ONSS keeps what it first received.
    const [retried] = await client.registerPresences([{ ...p, registrationType: 'OUT' }]);
    const [third] = await createOnssClient(standin.clientOptions()).registerPresences([p]);
    expect(retried).toEqual(original);
    expect(third).toEqual(original);
    const stored = await standin.admin.registrations();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ clientRef: p.clientPresenceRegistrationReference, type: 'IN', submissions: 3 });
    expect((await standin.admin.stats()).resubmissions).toBe(2);
  });

  it('accepts a NISS of someone born in 2000 or later (the 2-prefix check)', async () => {
    const [outcome] = await client.registerPresences([presence('IN', 0, { inss: NISS_2000 })]);
    expect(outcome?.kind).toBe('accepted');
  });

  it('rejects a bad INSS, company number or unknown workplace per registration, keeping the rest of the batch', async () => {
    const good = presence('IN', 0);
    const outcomes = await client.registerPresences([
      presence('IN', 0, { inss: '85073003329' }),
      presence('IN', 0, { companyId: '0403019262' }),
      presence('IN', 0, { workPlaceId: 'NOPE' }),
      good,
    ]);
    expect(outcomes.map((o) => (o.kind === 'rejected' ? o.errors.map((e) => e.code) : o.kind))).toEqual([
      ['INVALID_INSS'],
      ['INVALID_COMPANY_ID'],
      ['UNKNOWN_WORKPLACE'],
      'accepted',
    ]);
    expect((await standin.admin.registrations()).map((r) => r.clientRef)).toEqual([good.clientPresenceRegistrationReference]);
  });

  it('answers a submission that breaks the wire schema locally and sends the others', async () => {
    const good = presence('IN', 0);
    const outcomes = await client.registerPresences([presence('IN', 0, { clientPresenceRegistrationReference: 'x'.repeat(25) }), good]);
    expect(outcomes[0]).toMatchObject({ kind: 'rejected', errors: [{ code: INVALID_SUBMISSION_CODE }] });
    expect(outcomes[1]).toMatchObject({ reference: good.clientPresenceRegistrationReference, kind: 'accepted' });
  });

  it('refuses a batch of more than 200 (413) and a body that is not JSON (400)', async () => {
    const token = await bearer();
    const tooMany = Array.from({ length: 201 }, () => presence('IN', 0));
    const big = await post(token, JSON.stringify({ presences: tooMany }));
    expect(big.status).toBe(413);
    const broken = await post(token, '{"presences": [');
    expect(broken.status).toBe(400);
    const wrongShape = await post(token, JSON.stringify({ presences: [{ inss: NISS }] }));
    expect(wrongShape.status).toBe(400);
    expect(await standin.admin.registrations()).toEqual([]);
    // The client never sends such a batch.
    await expect(client.registerPresences(tooMany)).rejects.toThrow(RangeError);
  });

  it('answers 401 to an unknown bearer token', async () => {
    const res = await post('not-a-token', JSON.stringify({ presences: [presence('IN', 0)] }));
    expect(res.status).toBe(401);
  });
});

describe('ONSS stand-in: remarks', () => {
  it('21: two INs in a row; 22: two OUTs in a row', async () => {
    const outcomes = await client.registerPresences([presence('IN', 5), presence('IN', 4), presence('OUT', 3), presence('OUT', 2)]);
    expect(outcomes.map((o) => [o.kind, codes(o.remarks)])).toEqual([
      ['accepted', []],
      ['accepted-with-remarks', [21]],
      ['accepted', []],
      ['accepted-with-remarks', [22]],
    ]);
  });

  it('24: an OUT without an IN in the previous 24 hours', async () => {
    const [outcome] = await client.registerPresences([presence('OUT', 1)]);
    expect(outcome).toMatchObject({ kind: 'accepted-with-remarks', remarks: [{ code: 24, description: expect.any(String) }] });
  });

  it('32: received later than the maximum delay, or from a clock ahead beyond the tolerance', async () => {
    const outcomes = await client.registerPresences([presence('IN', 11), presence('OUT', -5, { inss: NISS_2000 })]);
    expect(codes(outcomes[0]?.remarks ?? [])).toEqual([32]);
    expect(codes(outcomes[1]?.remarks ?? [])).toEqual([24, 32]);
    const inTolerance = await client.registerPresences([presence('OUT', 9), presence('IN', -1)]);
    expect(inTolerance.map((o) => o.kind)).toEqual(['accepted', 'accepted']);
  });

  it('14: the same worker, company, workplace and minute under another reference', async () => {
    const at = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
    const outcomes = await client.registerPresences([presence('IN', 0, { registrationDateTime: at }), presence('OUT', 0, { registrationDateTime: at })]);
    expect(codes(outcomes[0]?.remarks ?? [])).toEqual([]);
    expect(codes(outcomes[1]?.remarks ?? [])).toEqual([14]);
    // At another workplace the same minute is no duplicate.
    const elsewhere = await client.registerPresences([presence('OUT', 0, { registrationDateTime: at, workPlaceId: 'DEMO000000002' })]);
    expect(codes(elsewhere[0]?.remarks ?? [])).not.toContain(14);
  });
});

describe('ONSS stand-in: search', () => {
  it('returns a workplace’s registrations in a time range, from every channel', async () => {
    const now = Date.now();
    const [ours] = await client.registerPresences([presence('IN', 3)]);
    await client.registerPresences([presence('IN', 3, { workPlaceId: 'DEMO000000002', inss: NISS_2000 })]);
    const phone = await standin.admin.inject({
      inss: NISS_2000,
      companyId: COMPANY,
      workPlaceId: WORKPLACE,
      registrationType: 'IN',
      registrationDateTime: new Date(now - 2 * 60_000).toISOString(),
      channel: 'SMARTPHONE',
    });
    const found = await client.searchPresences({ workPlaceId: WORKPLACE, from: new Date(now - 60 * 60_000), to: new Date(now + 60_000) });
    expect(found.map((p) => [p.presenceRegistrationId, p.clientPresenceRegistrationReference, p.channel, p.inss])).toEqual([
      [ours?.presenceRegistrationId, ours?.reference, 'BADGE', NISS],
      [String(phone.id), null, 'SMARTPHONE', NISS_2000],
    ]);
    const earlier = await client.searchPresences({ workPlaceId: WORKPLACE, from: new Date(now - 60 * 60_000), to: new Date(now - 30 * 60_000) });
    expect(earlier).toEqual([]);
  });

  it('returns at most 500 registrations', async () => {
    const at = Date.now() - 60_000;
    for (let batch = 0; batch < 3; batch += 1) {
      await client.registerPresences(Array.from({ length: 200 }, () => presence('IN', 0, { registrationDateTime: new Date(at).toISOString() })));
    }
    const found = await client.searchPresences({ workPlaceId: WORKPLACE, from: new Date(at - 1000), to: new Date(at + 1000) });
    expect(found).toHaveLength(500);
  });
});

async function bearer(): Promise<string> {
  // Through the client's own token flow: the first call fetches a token we can reuse by hand.
  const { createTokenProvider } = await import('../../../main/core/onss/token-provider.ts');
  return createTokenProvider({ tokenUrl: standin.tokenUrl, clientId: standin.clientId, privateKeyPem: standin.privateKeyPem, fetch }).token();
}

function post(token: string, body: string): Promise<Response> {
  return fetch(`${standin.baseUrl}/presences`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
}
