/**
 * OAuth2 client credentials with a JWT client assertion (RFC 7523), as the Social Security OAuth
 * server expects: RS256, iss = sub = the Chaman client id, aud = the token endpoint, a fresh jti and a
 * short lifetime. The access token is cached until shortly before it expires.
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

const ASSERTION_LIFETIME_S = 300;
/** Renew this long before expiry, so a token never expires between check and use. */
const RENEW_MARGIN_MS = 30_000;

export function createTokenProvider(options: TokenProviderOptions) {
  const now = options.now ?? Date.now;
  let cached: { token: string; expiresAt: number } | null = null;
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

  async function requestToken(): Promise<{ token: string; expiresAt: number }> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: await assertion(),
    });
    let response: Response;
    try {
      response = await options.fetch(options.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw OnssTransportError.fromFetchFailure(error, 'token request');
    }
    if (!response.ok) throw await OnssTransportError.fromResponse(response, 'token request');
    const parsed = tokenResponseSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new OnssTransportError('malformed', 'token response does not match the expected shape');
    return { token: parsed.data.access_token, expiresAt: now() + parsed.data.expires_in * 1000 };
  }

  return {
    async token(): Promise<string> {
      if (!cached || cached.expiresAt - RENEW_MARGIN_MS <= now()) cached = await requestToken();
      return cached.token;
    },
    /** The service refused the token (401): forget it, the next call fetches a new one. */
    invalidate(): void {
      cached = null;
    },
  };
}

export type TokenProvider = ReturnType<typeof createTokenProvider>;
