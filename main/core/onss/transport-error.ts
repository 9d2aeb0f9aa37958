/**
 * Why a call to ONSS did not produce a usable answer. It is the outbox's `SendFailure` (the client is
 * what the outbox sends through), so the sync worker retries on it as is.
 */
import { SendFailure } from '../sync/presence-sender.ts';

export class OnssTransportError extends SendFailure {
  override name = 'OnssTransportError';

  static fromFetchFailure(error: unknown, what: string): OnssTransportError {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return new OnssTransportError('network', `${what}: ${reason}`);
  }

  static async fromResponse(response: Response, what: string): Promise<OnssTransportError> {
    await response.body?.cancel().catch(() => {});
    if (response.status === 401 || response.status === 403) return new OnssTransportError('unauthorized', `${what}: HTTP ${response.status}`);
    if (response.status === 429 || response.status === 503) {
      const seconds = Number(response.headers.get('retry-after'));
      return new OnssTransportError('rate-limited', `${what}: HTTP ${response.status}`, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null);
    }
    if (response.status >= 500) return new OnssTransportError('server', `${what}: HTTP ${response.status}`);
    // A 4xx for a whole batch means the request itself is wrong: retrying cannot help, but losing the
    // records is worse, so it is reported like a server fault and alerts the supervisor.
    return new OnssTransportError('server', `${what}: HTTP ${response.status} (request refused)`);
  }
}
