/**
 * The sandboxed preload: exposes `window.ciao`, a `KioskBridge` and nothing else. No generic
 * ipcRenderer, no Node: every call goes through the one invoke channel and main validates it.
 * Bundled to a single CJS file (out/preload/bridge.cjs) because a sandboxed preload cannot load modules.
 */
import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import type { KioskApi, KioskApiMethod, KioskBridge, KioskEvent } from './api.ts';
import { IPC_CHANNELS, KIOSK_API_METHODS } from './channels.ts';
import type { InvokeReply, InvokeRequest } from '../main/electron/ipc-adapter.main.ts';

export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * A failed call rejects with the `KioskApiErrorBody` itself (a plain object): contextBridge copies
 * plain objects intact but strips custom properties from Error instances.
 */
export function createBridge(ipc: BridgeIpc): KioskBridge {
  const invoke = async (method: KioskApiMethod, input: unknown): Promise<unknown> => {
    const request: InvokeRequest = { method, input };
    const reply = (await ipc.invoke(IPC_CHANNELS.invoke, request)) as InvokeReply;
    if (reply.ok) return reply.value;
    throw reply.error;
  };
  // Built from the method list so the bridge cannot drift from the contract; the list is typed by KioskApi.
  const api = Object.freeze(
    Object.fromEntries(KIOSK_API_METHODS.map((method) => [method, (input: unknown) => invoke(method, input)])),
  ) as unknown as KioskApi;

  return Object.freeze({
    api,
    onEvent(listener: (event: KioskEvent) => void): () => void {
      // The IpcRendererEvent is never handed to the page: its `sender` is the full ipcRenderer.
      const handler = (_event: IpcRendererEvent, kioskEvent: KioskEvent) => listener(kioskEvent);
      ipc.on(IPC_CHANNELS.event, handler);
      return () => {
        ipc.removeListener(IPC_CHANNELS.event, handler);
      };
    },
  });
}

contextBridge.exposeInMainWorld('ciao', createBridge(ipcRenderer));
