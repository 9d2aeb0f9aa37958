import { exportPKCS8, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOnssClient, INVALID_SUBMISSION_CODE } from '../../../main/core/onss/onss-client.ts';
import { OnssTransportError } from '../../../main/core/onss/transport-error.ts';
import type { PresenceResult, PresenceSubmission } from '../../../main/core/onss/wire-format.ts';
import { SendFailure } from '../../../main/core/sync/presence-sender.ts';
import { fakeOnss, json, type Scripted } from './fake-onss.ts';

const BASE = 'https://services-sim.socialsecurity.be/REST/presenceRegistration/v1';
let privateKeyPem: string;

beforeAll(async () => {
  privateKeyPem = await exportPKCS8((await generateKeyPair('RS256', { extractable: true })).privateKey);
});

function client(onss: ReturnType<typeof fakeOnss>, extra: { onServerDate?: (d: Date, at: number) => void; timeoutMs?: number } = {}) {
  return createOnssClient({ baseUrl: BASE, tokenUrl: 'https://services-sim.socialsecurity.be/REST/oauth/v5/token', clientId: 'kiosk', privateKeyPem, fetch: onss.fetch, ...extra });
}

const sub = (ref: string, change: Partial<PresenceSubmission> = {}): PresenceSubmission => ({
  clientPresenceRegistrationReference: ref,
  inss: '85073003328',
  companyId: '0403019261',
  workPlaceId: 'DEMO000000001',
  registrationType: 'IN',
  registrationDateTime: '2026-11-22T07:30:00+01:00',
  ...change,
});

const result = (ref: string, change: Partial<PresenceResult> = {}): PresenceResult => ({
  clientPresenceRegistrationReference: ref,
  status: 'REGISTERED',
  presenceRegistrationId: `id-${ref}`,
  remarks: [],
  errors: [],
  ...change,
});

describe('ONSS client: registerPresences', () => {
  it('posts the batch with the bearer token and gives one outcome per submission, in order', async () => {
    const onss = fakeOnss();
    onss.answerApi(
      json({
        results: [
          result('c', { status: 'REFUSED', presenceRegistrationId: null, errors: [{ code: 'UNKNOWN_WORKPLACE', description: 'no DoW' }] }),
          result('b', { remarks: [{ code: 21, description: 'Two INs in a row' }] }),
          result('a'),
        ],
      }),
    );
    const outcomes = await client(onss).registerPresences([sub('a'), sub('b'), sub('c')]);
    expect(outcomes).toEqual([
      { reference: 'a', kind: 'accepted', presenceRegistrationId: 'id-a', remarks: [] },
      { reference: 'b', kind: 'accepted-with-remarks', presenceRegistrationId: 'id-b', remarks: [{ code: 21, description: 'Two INs in a row' }] },
      { reference: 'c', kind: 'rejected', presenceRegistrationId: null, remarks: [], errors: [{ code: 'UNKNOWN_WORKPLACE', description: 'no DoW' }] },
    ]);
    const [request] = onss.apiRequests();
    expect(request?.url).toBe(`${BASE}/presences`);
    expect(request?.headers.get('authorization')).toBe('Bearer token-1');
    expect(await request?.json()).toEqual({ presences: [sub('a'), sub('b'), sub('c')] });
  });

  it('answers a submission that breaks the wire schema itself, without sending it', async () => {
    const onss = fakeOnss();
    onss.answerApi(json({ results: [result('ok')] }));
    const outcomes = await client(onss).registerPresences([sub('bad', { workPlaceId: 'WAY-TOO-LONG-ID' }), sub('ok')]);
    expect(outcomes[0]).toMatchObject({ reference: 'bad', kind: 'rejected', errors: [{ code: INVALID_SUBMISSION_CODE, description: expect.stringContaining('workPlaceId') }] });
    expect(outcomes[1]).toMatchObject({ reference: 'ok', kind: 'accepted' });
    expect(((await onss.apiRequests()[0]?.json()) as { presences: unknown[] }).presences).toHaveLength(1);
  });

  it('refuses an empty or oversized batch before any request', async () => {
    const onss = fakeOnss();
    await expect(client(onss).registerPresences([])).rejects.toThrow(RangeError);
    await expect(client(onss).registerPresences(Array.from({ length: 201 }, (_, i) => sub(`r${i}`)))).rejects.toThrow(RangeError);
    expect(onss.requests).toHaveLength(0);
  });

  it('a 401 fetches a fresh token and retries once', async () => {
    const onss = fakeOnss();
    onss.answerApi(json({ error: 'invalid_token' }, 401), json({ results: [result('a')] }));
    const outcomes = await client(onss).registerPresences([sub('a')]);
    expect(outcomes[0]?.kind).toBe('accepted');
    expect(onss.apiRequests().map((r) => r.headers.get('authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  const reset = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
  const cases: Array<[string, Scripted[], OnssTransportError['kind'], number | null]> = [
    ['a connection reset', [reset], 'network', null],
    ['a timeout', [new DOMException('The operation was aborted due to timeout', 'TimeoutError')], 'network', null],
    ['HTTP 500', [json({}, 500)], 'server', null],
    ['HTTP 502', [new Response('Bad gateway', { status: 502 })], 'server', null],
    ['HTTP 400 for the whole batch', [json({ error: 'bad' }, 400)], 'server', null],
    ['HTTP 429 with Retry-After seconds', [json({}, 429, { 'retry-after': '7' })], 'rate-limited', 7000],
    ['HTTP 503 without Retry-After', [json({}, 503)], 'rate-limited', null],
    ['a 401 that persists with a fresh token', [json({}, 401), json({}, 401)], 'unauthorized', null],
    ['a body that is not JSON', [new Response('{"results": [', { status: 200 })], 'malformed', null],
    ['an unexpected shape', [json({ results: [{ ref: 'a' }] })], 'malformed', null],
    ['an answer missing a reference', [json({ results: [result('other')] })], 'malformed', null],
  ];
  it.each(cases)('%s → %s', async (_, answers, kind, retryAfterMs) => {
    const onss = fakeOnss();
    onss.answerApi(...answers);
    const error = await client(onss)
      .registerPresences([sub('a')])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OnssTransportError);
    // The outbox retries on its SendFailure: the client's error is one.
    expect(error).toBeInstanceOf(SendFailure);
    expect(error).toMatchObject({ kind, retryAfterMs });
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const onss = fakeOnss();
    onss.answerApi(json({}, 429, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }));
    const error = (await client(onss)
      .registerPresences([sub('a')])
      .catch((e: unknown) => e)) as OnssTransportError;
    expect(error.retryAfterMs).toBeGreaterThan(55_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('reports a body cut off half-way as a network failure, not a malformed answer', async () => {
    const onss = fakeOnss();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"results": ['));
        controller.error(new TypeError('terminated'));
      },
    });
    onss.answerApi(new Response(body, { status: 200 }));
    await expect(client(onss).registerPresences([sub('a')])).rejects.toMatchObject({ kind: 'network' });
  });

  it('times out a request that does not answer', async () => {
    const onss = fakeOnss();
    onss.answerApi(
      (request) =>
        new Promise<Response>((_, reject) => {
          request.signal.addEventListener('abort', () => reject(request.signal.reason as Error));
        }),
    );
    await expect(client(onss, { timeoutMs: 20 }).registerPresences([sub('a')])).rejects.toMatchObject({ kind: 'network', message: expect.stringMatching(/in time/) });
  });

  it('reports each answer’s Date header for the clock check', async () => {
    const onss = fakeOnss();
    onss.answerApi(json({ results: [result('a')] }, 200, { date: 'Sun, 22 Nov 2026 06:30:00 GMT' }));
    const seen: Date[] = [];
    await client(onss, { onServerDate: (d) => seen.push(d) }).registerPresences([sub('a')]);
    expect(seen.map((d) => d.toISOString())).toEqual(['2026-11-22T06:30:00.000Z']);
  });
});

describe('ONSS client: searchPresences', () => {
  it('queries a workplace and time range and parses the registrations', async () => {
    const onss = fakeOnss();
    const found = {
      presenceRegistrationId: '9',
      clientPresenceRegistrationReference: null,
      inss: '85073003328',
      companyId: '0403019261',
      workPlaceId: 'DEMO000000001',
      registrationType: 'IN',
      registrationDateTime: '2026-11-22T07:00:00+01:00',
      channel: 'SMARTPHONE',
      status: 'REGISTERED',
      remarks: [],
    };
    onss.answerApi(json({ presences: [found] }));
    const result = await client(onss).searchPresences({ workPlaceId: 'DEMO000000001', from: new Date('2026-11-22T00:00:00Z'), to: new Date('2026-11-23T00:00:00Z') });
    expect(result).toEqual([found]);
    const url = new URL(onss.apiRequests()[0]!.url);
    expect(url.pathname).toBe('/REST/presenceRegistration/v1/presences');
    expect(Object.fromEntries(url.searchParams)).toEqual({ workPlaceId: 'DEMO000000001', from: '2026-11-22T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' });
  });

  it('maps a malformed search answer to malformed', async () => {
    const onss = fakeOnss();
    onss.answerApi(json({ presences: [{ channel: 'PIGEON' }] }));
    await expect(client(onss).searchPresences({ workPlaceId: 'W', from: new Date(0), to: new Date(1) })).rejects.toMatchObject({ kind: 'malformed' });
  });
});
