/**
 * The one place that chooses the transport: Electron's preload bridge when present, otherwise HTTP
 * to the host that served this page.
 */
import type { KioskBridge } from '../../preload/api.ts';
import { createHttpBridge, type ConnectedBridge } from './http-bridge.ts';

/** IPC needs no connection: the preload bridge is live as soon as it exists. */
function alwaysConnected(bridge: KioskBridge): ConnectedBridge {
  return {
    api: bridge.api,
    onEvent: (listener) => bridge.onEvent(listener),
    connection: () => 'open',
    onConnection: () => () => undefined,
  };
}

export function pickBridge(): ConnectedBridge {
  if (window.ciao) return alwaysConnected(window.ciao);
  return createHttpBridge({ fetch: window.fetch.bind(window), EventSource: window.EventSource });
}
