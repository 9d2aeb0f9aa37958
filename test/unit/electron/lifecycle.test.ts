/** The shell's start-up and quit path, with electron, electron-store and the core replaced by fakes. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskEvent } from '../../../preload/api.ts';
import { IPC_CHANNELS } from '../../../preload/channels.ts';
import { demoSettings } from '../../../main/core/config/settings.ts';
import { applyStartAtLogin, runKioskMain, type KioskCore, type StartCore, type StartCoreArgs } from '../../../main/electron/lifecycle.main.ts';
import { READY_FLAG } from '../../../main/electron/shell-signals.main.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import * as electron from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ElectronStoreOverConf extends Conf<Record<string, unknown>> {
    constructor({ name, ...options }: { name?: string; cwd: string }) {
      super({ ...options, projectName: 'ciao-kiosk', configName: name ?? 'config' });
    }
  }
  return { default: ElectronStoreOverConf };
});

let temp: ReturnType<typeof makeTempDir>;
let signalListeners: Map<string, Function[]>;

function fakeCore() {
  const listeners = new Set<(e: KioskEvent) => void>();
  let args: StartCoreArgs | null = null;
  const core: KioskCore = {
    dispatch: vi.fn(async () => ({ ok: true as const, value: null })),
    onEvent: (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    stop: vi.fn(async () => {}),
  };
  const startCore = vi.fn<StartCore>(async (a) => {
    args = a;
    return core;
  });
  return { core, startCore, emit: (e: KioskEvent) => listeners.forEach((l) => l(e)), args: () => args };
}

/** Runs the shell and waits until the window has been asked to load the renderer (or start failed). */
async function run(startCore: StartCore) {
  runKioskMain(startCore, {});
  await vi.waitFor(() => {
    const loading = electron.state.windows[0]?.loadURL.mock.calls.length ?? 0;
    if (loading === 0 && electron.app.exit.mock.calls.length === 0) throw new Error('not started yet');
  });
  return electron.state.windows[0];
}

beforeEach(() => {
  electron.resetFakeElectron();
  temp = makeTempDir();
  electron.state.paths = { userData: temp.dir, logs: join(temp.dir, 'logs') };
  signalListeners = new Map(['SIGTERM', 'SIGINT'].map((s) => [s, process.listeners(s as NodeJS.Signals)]));
  delete (globalThis as Record<string, unknown>)[READY_FLAG];
});

afterEach(() => {
  for (const [signal, before] of signalListeners) {
    for (const l of process.listeners(signal as NodeJS.Signals)) if (!before.includes(l)) process.off(signal, l as () => void);
  }
  temp.cleanup();
});

describe('Electron shell lifecycle', () => {
  it('leaves at once when another kiosk instance holds the lock', () => {
    electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    const { startCore } = fakeCore();
    runKioskMain(startCore, {});
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(startCore).not.toHaveBeenCalled();
  });

  it('starts the core, then a sandboxed locked-down window on app://kiosk, with IPC and the screen kept awake', async () => {
    const { startCore, core, emit, args } = fakeCore();
    const window = await run(startCore);
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(args()?.settings).toEqual(demoSettings());
    expect(args()?.dataDir).toBe(join(temp.dir, 'data'));
    expect(window?.options).toMatchObject({ kiosk: true, webPreferences: { sandbox: true, preload: join('/fake/app', 'out', 'preload', 'bridge.cjs') } });
    expect(window?.loadURL).toHaveBeenCalledWith('app://kiosk/index.html');
    expect(electron.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    expect(electron.ipcMain.handle).toHaveBeenCalledWith(IPC_CHANNELS.invoke, expect.any(Function));

    emit({ type: 'roster-changed' });
    expect(window?.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.event, { type: 'roster-changed' });

    expect((globalThis as Record<string, unknown>)[READY_FLAG]).toBeUndefined();
    window?.webContents.emit('did-finish-load');
    expect((globalThis as Record<string, unknown>)[READY_FLAG]).toBe(true);
    expect(core.stop).not.toHaveBeenCalled();
  });

  it('uses the data folder named by CIAO_USER_DATA_DIR, logs inside it', () => {
    electron.state.ready = new Promise(() => {});
    runKioskMain(fakeCore().startCore, { CIAO_USER_DATA_DIR: '/tmp/e2e-profile' });
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', '/tmp/e2e-profile');
    expect(electron.app.setAppLogsPath).toHaveBeenCalledWith();
    expect(electron.app.setPath.mock.invocationCallOrder[0]).toBeLessThan(electron.app.setAppLogsPath.mock.invocationCallOrder[0] ?? 0);
  });

  it('shows which setting is wrong, in which file, and exits without starting the core', async () => {
    writeFileSync(join(temp.dir, 'settings.json'), JSON.stringify({ ...demoSettings(), kioskId: 'no spaces allowed' }));
    const { startCore } = fakeCore();
    await run(startCore);
    expect(startCore).not.toHaveBeenCalled();
    const [title, text] = electron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('Ciao kiosk');
    expect(text).toContain('"kioskId"');
    expect(text).toContain(join(temp.dir, 'settings.json'));
    expect(electron.app.exit).toHaveBeenCalledWith(1);
  });

  it('stops the core before exiting when asked to quit, and lets the window close', async () => {
    const { startCore, core } = fakeCore();
    const window = await run(startCore);
    const event = electron.fakeEvent();
    electron.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0));
    expect(core.stop).toHaveBeenCalledTimes(1);
    expect(electron.ipcMain.removeHandler).toHaveBeenCalledWith(IPC_CHANNELS.invoke);
    const close = electron.fakeEvent();
    window?.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();
  });

  it('gives supervisor mode a quit function that takes the same clean path', async () => {
    const { startCore, core, args } = fakeCore();
    await run(startCore);
    args()?.quit('supervisor');
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0));
    expect(core.stop).toHaveBeenCalledTimes(1);
  });

  it('stops cleanly on OS shutdown', async () => {
    const { startCore, core } = fakeCore();
    await run(startCore);
    electron.powerMonitor.emit('shutdown');
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0));
    expect(core.stop).toHaveBeenCalledTimes(1);
  });

  it('sets start at login on Windows and macOS only', () => {
    const target = { setLoginItemSettings: vi.fn() };
    expect(applyStartAtLogin(target, true, 'win32')).toBe(true);
    expect(target.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
    expect(applyStartAtLogin(target, true, 'linux')).toBe(false);
    expect(target.setLoginItemSettings).toHaveBeenCalledTimes(1);
  });
});
