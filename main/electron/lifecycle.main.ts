/**
 * The Electron shell's life: one instance, settings, the core, the locked-down window, IPC, and
 * the only ways out (supervisor quit, OS shutdown, SIGTERM), each of which stops the core cleanly
 * so the SQLite file is closed. The core itself is composed by the caller (main.main.ts).
 */
import { app, dialog, ipcMain, powerMonitor, protocol, type App } from 'electron';
import { join } from 'node:path';
import type { KioskEvent } from '../../preload/api.ts';
import type { Dispatch } from '../core/api/dispatch.ts';
import { demoSettings, parseSettings, SettingsError, type Settings } from '../core/config/settings.ts';
import { createFileLog } from './file-log.main.ts';
import { forwardEvents, registerIpcAdapter, trustedSenderCheck } from './ipc-adapter.main.ts';
import { createKioskWindow, keepScreenAwake, type KioskWindow } from './kiosk-window.main.ts';
import { isTrustedRendererUrl, registerRendererScheme, RENDERER_ENTRY_URL, serveRenderer } from './renderer-protocol.main.ts';
import { openSettingsStore } from './settings-store.main.ts';
import { READY_FLAG, USER_DATA_ENV } from './shell-signals.main.ts';

type Log = (line: string) => void;

export interface KioskCore {
  dispatch: Dispatch;
  onEvent(listener: (event: KioskEvent) => void): () => void;
  stop(): Promise<void>;
}

export interface StartCoreArgs {
  settings: Settings;
  dataDir: string;
  log: Log;
  /** For supervisor mode: the one way out of the kiosk that a person can take. */
  quit: (reason: string) => void;
}

export type StartCore = (args: StartCoreArgs) => Promise<KioskCore>;


/** Windows and macOS only; on Linux autostart is the session's job (see docs/it-guide.md). */
export function applyStartAtLogin(target: Pick<App, 'setLoginItemSettings'>, enabled: boolean, platform = process.platform): boolean {
  if (platform !== 'win32' && platform !== 'darwin') return false;
  target.setLoginItemSettings({ openAtLogin: enabled });
  return true;
}

export function runKioskMain(startCore: StartCore, env: NodeJS.ProcessEnv = process.env): void {
  const userDataOverride = env[USER_DATA_ENV];
  if (userDataOverride) app.setPath('userData', userDataOverride);

  if (!app.requestSingleInstanceLock()) {
    // Another kiosk already runs: it gets focus (second-instance) and this one leaves quietly.
    app.quit();
    return;
  }
  // Every renderer sandboxed, whatever a window's options say (checklist #4).
  app.enableSandbox();
  registerRendererScheme(protocol);

  // Without a path: <userData>/logs on Windows and Linux, after any override above.
  app.setAppLogsPath();
  const log = createFileLog(app.getPath('logs'));
  let core: KioskCore | null = null;
  let kiosk: KioskWindow | null = null;
  const cleanups: Array<() => void> = [];
  let stopping = false;

  async function shutdown(reason: string, exitCode = 0): Promise<void> {
    if (stopping) return;
    stopping = true;
    log(`shell: stopping (${reason})`);
    kiosk?.allowClose();
    for (const cleanup of cleanups.splice(0)) cleanup();
    try {
      await core?.stop();
    } catch (error) {
      log(`shell: core did not stop cleanly: ${(error as Error).stack ?? String(error)}`);
    }
    app.exit(exitCode);
  }
  const quit = (reason: string) => void shutdown(reason);

  app.on('second-instance', () => {
    if (!kiosk) return;
    kiosk.window.show();
    kiosk.window.focus();
  });
  app.on('before-quit', (event) => {
    if (stopping) return;
    event.preventDefault();
    quit('quit requested');
  });
  app.on('window-all-closed', () => quit('window closed'));
  process.on('SIGTERM', () => quit('SIGTERM'));
  process.on('SIGINT', () => quit('SIGINT'));

  async function start(): Promise<void> {
    const store = openSettingsStore({ cwd: app.getPath('userData'), parse: parseSettings, defaults: demoSettings });
    const settings = store.load();
    log(`shell: starting kiosk ${settings.kioskId}${settings.demo ? ' (DEMO)' : ''}, settings ${store.path}`);

    core = await startCore({ settings, dataDir: join(app.getPath('userData'), 'data'), log, quit });
    serveRenderer(protocol, join(app.getAppPath(), 'out', 'renderer'));
    kiosk = createKioskWindow({ preloadPath: join(app.getAppPath(), 'out', 'preload', 'bridge.cjs'), isPackaged: app.isPackaged, log });
    kiosk.window.on('session-end', () => quit('OS session ending'));
    powerMonitor.on('shutdown', () => quit('OS shutting down'));

    cleanups.push(registerIpcAdapter(ipcMain, core.dispatch, trustedSenderCheck(isTrustedRendererUrl), log));
    cleanups.push(forwardEvents(core.onEvent, kiosk.window.webContents));
    const blocker = keepScreenAwake();
    log(`shell: display kept awake (blocker ${blocker})`);
    // `startAtLogin` is read once the settings schema carries it (optional boolean); until then IT's choice stands.
    if ('startAtLogin' in settings && typeof settings.startAtLogin === 'boolean') applyStartAtLogin(app, settings.startAtLogin);

    kiosk.window.webContents.once('did-finish-load', () => {
      (globalThis as Record<string, unknown>)[READY_FLAG] = true;
      log('shell: kiosk ready');
    });
    await kiosk.window.loadURL(RENDERER_ENTRY_URL);
  }

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Shown to the IT person standing at the kiosk: which setting, which file. Not a stack trace.
      const text =
        error instanceof SettingsError
          ? `${error.message}\n\nFix it in ${join(app.getPath('userData'), 'settings.json')} and start the kiosk again.`
          : `The kiosk could not start: ${(error as Error).message}\n\nDetails are in ${join(app.getPath('logs'), 'main.log')}.`;
      log(`shell: cannot start: ${(error as Error).stack ?? String(error)}`);
      dialog.showErrorBox('Ciao kiosk', text);
      void shutdown('start failed', 1);
    });
}
