/**
 * The one place that chooses the transport: Electron's preload bridge when present, otherwise HTTP
 * to the host that served this page.
 */
import type { KioskApi, KioskBridge } from '../../preload/api.ts';
import { KIOSK_API_METHODS } from '../../preload/channels.ts';
import { createHttpBridge, KioskApiError, parseErrorBody, type ConnectedBridge } from './http-bridge.ts';

/**
 * contextBridge drops custom Error properties, so the preload rejects with the plain error body;
 * wrap it into the same KioskApiError the HTTP bridge throws, so the UI handles both alike.
 */
function withTypedErrors(api: KioskApi): KioskApi {
  const wrapped: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of KIOSK_API_METHODS) {
    const call = api[method] as (input: unknown) => Promise<unknown>;
    wrapped[method] = (input) =>
      call(input).catch((rejected: unknown) => {
        const body = parseErrorBody(rejected);
        throw body ? new KioskApiError(body, 0) : rejected;
      });
  }
  // Built from the contract's own method list, so it has exactly KioskApi's methods.
  return wrapped as unknown as KioskApi;
}

/** IPC needs no connection: the preload bridge is live as soon as it exists. */
function alwaysConnected(bridge: KioskBridge): ConnectedBridge {
  return {
    api: withTypedErrors(bridge.api),
    onEvent: (listener) => bridge.onEvent(listener),
    connection: () => 'open',
    onConnection: () => () => undefined,
  };
}

export function pickBridge(): ConnectedBridge {
  if (window.ciao) return alwaysConnected(window.ciao);
  return createHttpBridge({ fetch: window.fetch.bind(window), EventSource: window.EventSource });
}
