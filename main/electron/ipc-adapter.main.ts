/**
 * Electron IPC as a thin transport over the core's dispatcher, like the HTTP host: one invoke
 * channel, one event channel. Checklist #17: every call's sender frame is checked before the
 * payload is even parsed.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type { KioskApiErrorBody, KioskEvent } from '../../preload/api.ts';
import { IPC_CHANNELS } from '../../preload/channels.ts';
import type { Dispatch } from '../core/api/dispatch.ts';

/** What the preload sends on `IPC_CHANNELS.invoke`. */
export interface InvokeRequest {
  method: string;
  input: unknown;
}

/** What main answers: the same `{ ok, value | error }` body the HTTP host sends. */
export type InvokeReply = { ok: true; value: unknown } | { ok: false; error: KioskApiErrorBody };

const invokeRequestSchema = z.object({ method: z.string().min(1).max(64), input: z.unknown() });

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;
type Log = (line: string) => void;

const INTERNAL: InvokeReply = { ok: false, error: { code: 'internal', message: { key: 'api.error.internal' } } };
const INVALID: InvokeReply = { ok: false, error: { code: 'invalid-input', message: { key: 'api.error.invalidInput' } } };

/** Registers the invoke handler; returns a function that removes it. */
export function registerIpcAdapter(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  isTrustedSender: SenderCheck,
  log: Log = () => {},
): () => void {
  ipcMain.handle(IPC_CHANNELS.invoke, async (event, payload: unknown): Promise<InvokeReply> => {
    if (!isTrustedSender(event)) {
      log(`ipc: refused a call from an untrusted frame (${event.senderFrame?.url ?? 'gone'})`);
      // Thrown, not answered: whatever sent it is not our UI and gets no error body to work with.
      throw new Error('untrusted sender');
    }
    const request = invokeRequestSchema.safeParse(payload);
    if (!request.success) return INVALID;
    try {
      const result = await dispatch(request.data.method, request.data.input);
      return result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error };
    } catch (error) {
      log(`ipc: dispatch of ${request.data.method} threw: ${(error as Error).stack ?? String(error)}`);
      return INTERNAL;
    }
  });
  return () => ipcMain.removeHandler(IPC_CHANNELS.invoke);
}

/** Only the top frame of our own renderer (see renderer-protocol.main.ts) may call the core. */
export function trustedSenderCheck(isTrustedUrl: (url: string) => boolean): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isTrustedUrl(frame.url);
  };
}

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, event: KioskEvent): void;
}

/** Forwards core events to the window's renderer until the returned function is called. */
export function forwardEvents(
  subscribe: (listener: (event: KioskEvent) => void) => () => void,
  target: EventTarget,
): () => void {
  return subscribe((event) => {
    if (!target.isDestroyed()) target.send(IPC_CHANNELS.event, event);
  });
}
