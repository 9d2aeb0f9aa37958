/**
 * OAuth2 client credentials with a JWT client assertion (RFC 7523), as the Social Security OAuth
 * server expects: RS256, iss = sub = the Chaman client id, aud = the token endpoint, a fresh jti and a
 * short lifetime. The access token is cached until shortly before it expires; concurrent callers
 * share one token request.
 */
import { importPKCS8, SignJWT } from 'jose';
import { OnssTransportError } from './transport-error.ts';
import { tokenResponseSchema } from './wire-format.ts';

export interface TokenProviderOptions {
  tokenUrl: string;
  clientId: string;
  privateKeyPem: string;
  fetch: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}

export const ASSERTION_LIFETIME_S = 300;
/** Renew this long before expiry (or at half the lifetime of a short-lived token), so a token never expires between check and use. */
const RENEW_MARGIN_MS = 30_000;

interface CachedToken {
  token: string;
  renewAt: number;
}

export function createTokenProvider(options: TokenProviderOptions) {
  const now = options.now ?? Date.now;
  let cached: CachedToken | null = null;
  let pending: Promise<CachedToken> | null = null;
  let key: ReturnType<typeof importPKCS8> | null = null;

  async function assertion(): Promise<string> {
    key ??= importPKCS8(options.privateKeyPem, 'RS256');
    const issuedAt = Math.floor(now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(options.clientId)
      .setSubject(options.clientId)
      .setAudience(options.tokenUrl)
      .setJti(crypto.randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ASSERTION_LIFETIME_S)
      .sign(await key);
  }

  async function requestToken(): Promise<CachedToken> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: await assertion(),
    });
    const requestedAt = now();
    let response: Response;
    let text: string;
    try {
      response = await options.fetch(options.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      if (!response.ok) throw await OnssTransportError.fromResponse(response, 'token request');
      text = await response.text();
    } catch (error) {
      if (error instanceof OnssTransportError) throw error;
      throw OnssTransportError.fromFetchFailure(error, 'token request');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new OnssTransportError('malformed', 'token request: the body is not JSON');
    }
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) throw new OnssTransportError('malformed', 'token request: the answer does not match the expected shape');
    const lifetimeMs = parsed.data.expires_in * 1000;
    return { token: parsed.data.access_token, renewAt: requestedAt + lifetimeMs - Math.min(RENEW_MARGIN_MS, lifetimeMs / 2) };
  }

  return {
    async token(): Promise<string> {
      if (cached && cached.renewAt > now()) return cached.token;
      pending ??= requestToken().finally(() => {
        pending = null;
      });
      const fresh = await pending;
      cached = fresh;
      return fresh.token;
    },
    /** The service refused this token (401): forget it, so the next call fetches a new one. */
    invalidate(token?: string): void {
      // A concurrent caller may already have replaced the refused token: keep the newer one.
      if (token === undefined || cached?.token === token) cached = null;
    },
  };
}

export type TokenProvider = ReturnType<typeof createTokenProvider>;
