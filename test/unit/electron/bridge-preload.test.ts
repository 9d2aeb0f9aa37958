/** The sandboxed preload exposes exactly the contract (`KioskBridge`) and nothing that reaches ipcRenderer. */
import { build } from 'esbuild';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { KioskBridge } from '../../../preload/api.ts';
import { IPC_CHANNELS, KIOSK_API_METHODS } from '../../../preload/channels.ts';
import { contextBridge, ipcRenderer } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

let bridge: KioskBridge;

beforeAll(async () => {
  await import('../../../preload/bridge.preload.ts');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, exposed] = contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, KioskBridge];
  expect(key).toBe('ciao');
  bridge = exposed;
});

describe('preload bridge', () => {
  it('exposes only `api` and `onEvent` under window.ciao', () => {
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onEvent']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('has exactly the KioskApi methods, all functions', () => {
    expect(Object.keys(bridge.api).sort()).toEqual([...KIOSK_API_METHODS].sort());
    for (const method of KIOSK_API_METHODS) expect(typeof bridge.api[method]).toBe('function');
    expect(Object.isFrozen(bridge.api)).toBe(true);
  });

  it('invokes the one channel with { method, input } and resolves with the value', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: null });
    await expect(bridge.api.cancelTap({ tapId: 't1' })).resolves.toBeNull();
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.invoke, { method: 'cancelTap', input: { tapId: 't1' } });
  });

  it('rejects with the core error body as a plain object', async () => {
    const error = { code: 'tap-expired', message: { key: 'tap.expired' } };
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error });
    await expect(bridge.api.register({ tapId: 't1', intent: 'start-work' })).rejects.toEqual(error);
  });

  it('delivers events without the IPC event object and unsubscribes the same handler', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onEvent(listener);
    const [channel, handler] = ipcRenderer.on.mock.calls.at(-1) as unknown as [string, (...a: unknown[]) => void];
    expect(channel).toBe(IPC_CHANNELS.event);
    handler({ sender: ipcRenderer }, { type: 'roster-changed' });
    expect(listener).toHaveBeenCalledWith({ type: 'roster-changed' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(IPC_CHANNELS.event, handler);
  });
});

describe('preload bundle', () => {
  it('is one CommonJS file that requires nothing but electron (a sandboxed preload cannot load modules)', async () => {
    const result = await build({
      absWorkingDir: join(import.meta.dirname, '..', '..', '..'),
      entryPoints: ['preload/bridge.preload.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const [file] = result.outputFiles;
    const requires = [...(file?.text ?? '').matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(result.outputFiles).toHaveLength(1);
    expect(new Set(requires)).toEqual(new Set(['electron']));
  });
});
