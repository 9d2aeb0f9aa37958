/** What every supervisor tab needs: the API, the session token and the auto-lock on `unauthorized`. */
import type { KioskApi, KioskEvent, MessageRef } from '../../../preload/api.ts';
import { KioskApiError } from '../../transport/http-bridge.ts';

export type Guarded<T> = { ok: true; value: T } | { ok: false; message: MessageRef };

export interface SupervisorContext {
  api: KioskApi;
  session: string;
  onEvent: (listener: (event: KioskEvent) => void) => () => void;
  /** Runs a call; `unauthorized` ends supervisor mode, other failures come back as a MessageRef.
   *  Every success moves the idle auto-lock forward (the core does the same for every call). */
  guard: <T>(call: Promise<T>) => Promise<Guarded<T>>;
}

export function makeGuard(onUnauthorized: () => void, onSuccess: (value: unknown) => void): SupervisorContext['guard'] {
  return async (call) => {
    try {
      const value = await call;
      onSuccess(value);
      return { ok: true, value };
    } catch (error: unknown) {
      if (error instanceof KioskApiError) {
        if (error.body.code === 'unauthorized') onUnauthorized();
        return { ok: false, message: error.body.message };
      }
      return { ok: false, message: { key: 'api.error.internal' } };
    }
  };
}

/** The idle-lock time a call answered with, if it carries one. */
export function sessionExpiryOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('sessionExpiresAt' in value)) return null;
  const at = (value as { sessionExpiresAt: unknown }).sessionExpiresAt;
  return typeof at === 'string' ? at : null;
}

/** A core message in the supervisor's language; an unknown key shows a generic text, never the key. */
export function messageText(t: (key: string, options?: Record<string, unknown>) => string, ref: MessageRef): string {
  return t(ref.key, { ...ref.params, defaultValue: t('error.generic') });
}
