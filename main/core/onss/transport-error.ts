/**
 * Why a call to ONSS did not produce a usable answer. It is the outbox's `SendFailure` (the client is
 * what the outbox sends through), so the sync worker retries on it as is:
 *   network      no answer (connection refused/reset, timeout): the batch may or may not be stored
 *   server       5xx, or a 4xx refusing the whole request
 *   rate-limited 429/503, with the Retry-After delay when given
 *   malformed    an answer we cannot read (not JSON, unexpected shape, a reference missing)
 *   unauthorized the token endpoint refused our assertion, or the service refused a fresh token
 */
import { SendFailure } from '../sync/presence-sender.ts';

export class OnssTransportError extends SendFailure {
  override name = 'OnssTransportError';

  static fromFetchFailure(error: unknown, what: string): OnssTransportError {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return new OnssTransportError('network', `${what}: no answer in time (${error.name})`);
    }
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return new OnssTransportError('network', `${what}: ${reason}`);
  }

  static async fromResponse(response: Response, what: string, nowMs: number = Date.now()): Promise<OnssTransportError> {
    await response.body?.cancel().catch(() => {});
    if (response.status === 401 || response.status === 403) return new OnssTransportError('unauthorized', `${what}: HTTP ${response.status}`);
    if (response.status === 429 || response.status === 503) {
      return new OnssTransportError('rate-limited', `${what}: HTTP ${response.status}`, retryAfterMs(response.headers.get('retry-after'), nowMs));
    }
    if (response.status >= 500) return new OnssTransportError('server', `${what}: HTTP ${response.status}`);
    // A 4xx for a whole batch means the request itself is wrong: retrying cannot help, but losing the
    // records is worse, so it is reported like a server fault and alerts the supervisor.
    return new OnssTransportError('server', `${what}: HTTP ${response.status} (request refused)`);
  }
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
