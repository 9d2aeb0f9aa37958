/** What every supervisor tab needs: the API, the session token and the auto-lock on `unauthorized`. */
import type { KioskApi, KioskEvent, MessageRef } from '../../../preload/api.ts';
import { KioskApiError } from '../../transport/http-bridge.ts';

export interface SupervisorContext {
  api: KioskApi;
  session: string;
  onEvent: (listener: (event: KioskEvent) => void) => () => void;
  /** Runs a call; `unauthorized` ends supervisor mode, other failures come back as a MessageRef. */
  guard: <T>(call: Promise<T>) => Promise<{ ok: true; value: T } | { ok: false; message: MessageRef }>;
  /** A call answered with a later idle-lock time. */
  touched: (sessionExpiresAt: string) => void;
}

export function makeGuard(onUnauthorized: () => void): SupervisorContext['guard'] {
  return async (call) => {
    try {
      return { ok: true, value: await call };
    } catch (error: unknown) {
      if (error instanceof KioskApiError) {
        if (error.body.code === 'unauthorized') onUnauthorized();
        return { ok: false, message: error.body.message };
      }
      return { ok: false, message: { key: 'api.error.internal' } };
    }
  };
}
