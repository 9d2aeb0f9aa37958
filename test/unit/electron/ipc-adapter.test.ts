import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import type { KioskEvent } from '../../../preload/api.ts';
import { IPC_CHANNELS } from '../../../preload/channels.ts';
import type { Dispatch } from '../../../main/core/api/dispatch.ts';
import { forwardEvents, registerIpcAdapter, trustedSenderCheck } from '../../../main/electron/ipc-adapter.main.ts';
import { isTrustedRendererUrl } from '../../../main/electron/renderer-protocol.main.ts';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: vi.fn((channel: string, handler: Handler) => void handlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
}

function senderEvent(url: string | null, parent: object | null = null): IpcMainInvokeEvent {
  return { senderFrame: url === null ? null : { url, parent } } as unknown as IpcMainInvokeEvent;
}

const ours = senderEvent('app://kiosk/index.html#/roster');
const isTrusted = trustedSenderCheck(isTrustedRendererUrl);

function setup(dispatch: Dispatch) {
  const ipcMain = fakeIpcMain();
  const log: string[] = [];
  const dispose = registerIpcAdapter(ipcMain, dispatch, isTrusted, (l) => log.push(l));
  const handler = ipcMain.handlers.get(IPC_CHANNELS.invoke);
  if (!handler) throw new Error('no invoke handler registered');
  return { ipcMain, handler, dispose, log };
}

describe('IPC adapter', () => {
  it('registers exactly one handler, on the invoke channel, and removes it', () => {
    const { ipcMain, dispose } = setup(vi.fn());
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_CHANNELS.invoke]);
    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_CHANNELS.invoke);
  });

  it('passes method and input through and returns the value', async () => {
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: { roster: 1 } }));
    const { handler } = setup(dispatch);
    await expect(handler(ours, { method: 'getRoster', input: {} })).resolves.toEqual({ ok: true, value: { roster: 1 } });
    expect(dispatch).toHaveBeenCalledWith('getRoster', {});
  });

  it('passes the core error body through, without the HTTP status', async () => {
    const error = { code: 'tap-expired', message: { key: 'tap.expired' } } as const;
    const { handler } = setup(async () => ({ ok: false, status: 409, error }));
    await expect(handler(ours, { method: 'register', input: { tapId: 'x', intent: 'start-work' } })).resolves.toEqual({ ok: false, error });
  });

  it('turns a throwing dispatcher into an internal error and logs it', async () => {
    const { handler, log } = setup(async () => {
      throw new Error('boom');
    });
    await expect(handler(ours, { method: 'getSnapshot', input: {} })).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: { key: 'api.error.internal' } },
    });
    expect(log.join('\n')).toContain('boom');
  });

  it.each([null, 'getRoster', { method: 42 }, { input: {} }, { method: '' }])('answers invalid-input to the malformed payload %o', async (payload) => {
    const dispatch = vi.fn<Dispatch>();
    const { handler } = setup(dispatch);
    await expect(handler(ours, payload)).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each([
    ['another site', senderEvent('https://evil.example/')],
    ['a file:// page', senderEvent('file:///C:/Users/kiosk/evil.html')],
    ['a look-alike app host', senderEvent('app://kiosk.evil/index.html')],
    ['a subframe of our page', senderEvent('app://kiosk/index.html', { url: 'app://kiosk/index.html' })],
    ['a frame that is gone', senderEvent(null)],
  ])('rejects calls from %s without dispatching', async (_name, event) => {
    const dispatch = vi.fn<Dispatch>();
    const { handler, log } = setup(dispatch);
    await expect(handler(event, { method: 'getRoster', input: {} })).rejects.toThrow('untrusted sender');
    expect(dispatch).not.toHaveBeenCalled();
    expect(log.join('\n')).toContain('untrusted');
  });
});

describe('event forwarding', () => {
  function source() {
    const listeners = new Set<(e: KioskEvent) => void>();
    return {
      listeners,
      subscribe: (l: (e: KioskEvent) => void) => {
        listeners.add(l);
        return () => void listeners.delete(l);
      },
      emit: (e: KioskEvent) => listeners.forEach((l) => l(e)),
    };
  }

  it('sends each core event on the event channel until unsubscribed', () => {
    const core = source();
    const target = { isDestroyed: () => false, send: vi.fn() };
    const stop = forwardEvents(core.subscribe, target);
    core.emit({ type: 'roster-changed' });
    expect(target.send).toHaveBeenCalledWith(IPC_CHANNELS.event, { type: 'roster-changed' });
    stop();
    core.emit({ type: 'roster-changed' });
    expect(target.send).toHaveBeenCalledTimes(1);
    expect(core.listeners.size).toBe(0);
  });

  it('does not send to a destroyed window', () => {
    const core = source();
    const target = { isDestroyed: () => true, send: vi.fn() };
    forwardEvents(core.subscribe, target);
    core.emit({ type: 'roster-changed' });
    expect(target.send).not.toHaveBeenCalled();
  });
});
