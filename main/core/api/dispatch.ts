/**
 * The one entry point both transports (Electron IPC, HTTP) call: validates the method name and
 * its input, runs the core, and turns failures into a `KioskApiErrorBody` with an HTTP-like status.
 */
import type { KioskApi, KioskApiErrorBody, KioskApiMethod } from '../../../preload/api.ts';
import { INPUT_SCHEMAS } from './input-schemas.ts';
import { KioskError } from './kiosk-error.ts';

export type DispatchResult =
  | { ok: true; value: unknown }
  | { ok: false; status: ErrorStatus; error: KioskApiErrorBody };

type ErrorStatus = 400 | 401 | 404 | 409 | 423 | 500 | 503;

export type Dispatch = (method: string, input: unknown) => Promise<DispatchResult>;

const STATUS: Record<KioskApiErrorBody['code'], ErrorStatus> = {
  'invalid-input': 400,
  'unknown-method': 404,
  'tap-expired': 409,
  'not-available': 409,
  'storage-failed': 503,
  internal: 500,
  unauthorized: 401,
  'locked-out': 423,
  'pin-not-set': 409,
  'wrong-pin': 401,
};

function isMethod(method: string): method is KioskApiMethod {
  return Object.hasOwn(INPUT_SCHEMAS, method);
}

export function createDispatch(api: KioskApi, onInternalError: (error: unknown) => void): Dispatch {
  return async (method, input) => {
    if (!isMethod(method)) {
      return { ok: false, status: 404, error: { code: 'unknown-method', message: { key: 'api.error.internal' } } };
    }
    const parsed = INPUT_SCHEMAS[method].safeParse(input ?? {});
    if (!parsed.success) {
      return { ok: false, status: 400, error: { code: 'invalid-input', message: { key: 'api.error.invalidInput' } } };
    }
    try {
      // The schema map ties each method to its own input type; TypeScript cannot see that through the union.
      const call = api[method] as (arg: unknown) => Promise<unknown>;
      return { ok: true, value: await call.call(api, parsed.data) };
    } catch (error) {
      if (error instanceof KioskError) return { ok: false, status: STATUS[error.code], error: error.toBody() };
      onInternalError(error);
      return { ok: false, status: 500, error: { code: 'internal', message: { key: 'api.error.internal' } } };
    }
  };
}
