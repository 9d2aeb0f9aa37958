/**
 * The ONSS presence-registration client: register batches and search a workplace's registrations,
 * over global fetch with a bearer token. Every answer is parsed with the wire schemas; anything else
 * becomes a typed `OnssTransportError`.
 */
import type { z } from 'zod';
import { createTokenProvider } from './token-provider.ts';
import { OnssTransportError } from './transport-error.ts';
import {
  MAX_PRESENCES_PER_CALL,
  ONSS_PATHS,
  registerResponseSchema,
  searchResponseSchema,
  type PresenceResult,
  type PresenceSubmission,
  type SearchedPresence,
} from './wire-format.ts';

export interface OnssClientOptions {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  privateKeyPem: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Each answer's Date header, with our clock when it arrived: lets the kiosk check its clock. */
  onServerDate?: (serverDate: Date, receivedAtMs: number) => void;
}

export function createOnssClient(options: OnssClientOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const tokens = createTokenProvider({ ...options, fetch: fetchImpl, timeoutMs });
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;

  /** One authorised call; a 401 gets one retry with a fresh token (it may simply have expired). */
  async function call<T>(what: string, url: URL, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      const token = await tokens.token();
      let response: Response;
      try {
        response = await fetchImpl(url, {
          ...init,
          headers: { ...init.headers, authorization: `Bearer ${token}`, accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw OnssTransportError.fromFetchFailure(error, what);
      }
      const date = response.headers.get('date');
      if (date) options.onServerDate?.(new Date(date), Date.now());
      if (response.status === 401 && attempt === 0) {
        await response.body?.cancel().catch(() => {});
        tokens.invalidate();
        continue;
      }
      if (!response.ok) throw await OnssTransportError.fromResponse(response, what);
      let body: unknown;
      try {
        body = await response.json();
      } catch (error) {
        throw new OnssTransportError('malformed', `${what}: the body is not JSON (${(error as Error).message})`);
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw new OnssTransportError('malformed', `${what}: unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`);
      return parsed.data;
    }
  }

  return {
    async registerPresences(presences: readonly PresenceSubmission[]): Promise<PresenceResult[]> {
      if (presences.length === 0 || presences.length > MAX_PRESENCES_PER_CALL) {
        throw new RangeError(`a batch holds 1 to ${MAX_PRESENCES_PER_CALL} registrations, got ${presences.length}`);
      }
      const { results } = await call(
        'register presences',
        new URL(ONSS_PATHS.presences, base),
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ presences }) },
        registerResponseSchema,
      );
      return results;
    },
    async searchPresences(workPlaceId: string, from: Date, to: Date): Promise<SearchedPresence[]> {
      const url = new URL(ONSS_PATHS.presences, base);
      url.searchParams.set('workPlaceId', workPlaceId);
      url.searchParams.set('from', from.toISOString());
      url.searchParams.set('to', to.toISOString());
      const { presences } = await call('search presences', url, { method: 'GET' }, searchResponseSchema);
      return presences;
    },
  };
}

export type OnssClient = ReturnType<typeof createOnssClient>;
