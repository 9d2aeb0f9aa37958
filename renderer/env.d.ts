import type { KioskBridge } from '../preload/api.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload (`preload/bridge.preload.ts`); absent in browser mode. */
    ciao?: KioskBridge;
  }
}

export {};
