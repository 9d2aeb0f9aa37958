import { exportPKCS8, generateKeyPair, jwtVerify, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ASSERTION_LIFETIME_S, createTokenProvider } from '../../../main/core/onss/token-provider.ts';
import { OnssTransportError } from '../../../main/core/onss/transport-error.ts';
import { fakeOnss, json } from './fake-onss.ts';

const TOKEN_URL = 'https://services-sim.socialsecurity.be/REST/oauth/v5/token';
const CLIENT_ID = 'urn:be:fgov:ehealth:test:kiosk';

let privateKeyPem: string;
let publicKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKeyPem = await exportPKCS8(pair.privateKey);
  publicKey = pair.publicKey;
});

function provider(onss: ReturnType<typeof fakeOnss>, clock = { now: 1_800_000_000_000 }) {
  return createTokenProvider({ tokenUrl: TOKEN_URL, clientId: CLIENT_ID, privateKeyPem, fetch: onss.fetch, now: () => clock.now });
}

describe('ONSS token provider', () => {
  it('asks with client credentials and an RS256 assertion: iss = sub = client id, aud = token URL, jti, 300 s', async () => {
    const onss = fakeOnss();
    const clock = { now: Date.now() };
    expect(await provider(onss, clock).token()).toBe('token-1');
    const [request] = onss.tokenRequests();
    expect(request?.method).toBe('POST');
    expect(request?.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    const form = new URLSearchParams(await request!.text());
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const { payload, protectedHeader } = await jwtVerify(form.get('client_assertion')!, publicKey, { issuer: CLIENT_ID, subject: CLIENT_ID, audience: TOKEN_URL });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload.exp! - payload.iat!).toBe(ASSERTION_LIFETIME_S);
  });

  it('caches the token until 30 s before it expires, with a new jti for the next one', async () => {
    const onss = fakeOnss({ expiresIn: 600 });
    const clock = { now: 1_800_000_000_000 };
    const tokens = provider(onss, clock);
    expect(await tokens.token()).toBe('token-1');
    clock.now += 569_000;
    expect(await tokens.token()).toBe('token-1');
    clock.now += 1_000;
    expect(await tokens.token()).toBe('token-2');
    const jtis = await Promise.all(onss.tokenRequests().map(async (r) => JSON.parse(atob(new URLSearchParams(await r.text()).get('client_assertion')!.split('.')[1]!)).jti as string));
    expect(new Set(jtis).size).toBe(2);
  });

  it('renews a short-lived token at half its lifetime', async () => {
    const onss = fakeOnss({ expiresIn: 10 });
    const clock = { now: 1_800_000_000_000 };
    const tokens = provider(onss, clock);
    await tokens.token();
    clock.now += 4_999;
    expect(await tokens.token()).toBe('token-1');
    clock.now += 1;
    expect(await tokens.token()).toBe('token-2');
  });

  it('shares one request between concurrent callers', async () => {
    const onss = fakeOnss();
    const tokens = provider(onss);
    expect(await Promise.all([tokens.token(), tokens.token(), tokens.token()])).toEqual(['token-1', 'token-1', 'token-1']);
    expect(onss.tokenRequests()).toHaveLength(1);
  });

  it('forgets a refused token, but not a newer one fetched meanwhile', async () => {
    const onss = fakeOnss();
    const tokens = provider(onss);
    await tokens.token();
    tokens.invalidate('token-1');
    expect(await tokens.token()).toBe('token-2');
    tokens.invalidate('token-1');
    expect(await tokens.token()).toBe('token-2');
  });

  it.each([
    ['a refused assertion', json({ error: 'invalid_client' }, 401), 'unauthorized'],
    ['a server error', json({}, 502), 'server'],
    ['a body that is not JSON', new Response('<html>', { status: 200 }), 'malformed'],
    ['an unexpected shape', json({ token: 'x' }), 'malformed'],
    ['a connection reset', Object.assign(new TypeError('fetch failed'), { cause: new Error('read ECONNRESET') }), 'network'],
  ])('maps %s to %s, and tries again on the next call', async (_, answer, kind) => {
    const onss = fakeOnss();
    onss.answerToken(answer);
    const tokens = provider(onss);
    const error = await tokens.token().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OnssTransportError);
    expect(error).toMatchObject({ kind });
    expect(await tokens.token()).toBe('token-1');
  });
});
