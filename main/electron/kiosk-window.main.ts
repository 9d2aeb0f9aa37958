/**
 * The one kiosk window and its session, locked down per the Electron security checklist
 * (docs/tutorial/security.md) and for unattended use: nothing to navigate to, nothing to open,
 * no permissions, no devtools when packaged, and a renderer that comes back by itself.
 */
import {
  BrowserWindow,
  powerSaveBlocker,
  type BrowserWindowConstructorOptions,
  type Input,
  type Session,
  type WebContents,
} from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/renderer-serving.ts';

type Log = (line: string) => void;

export interface KioskWindowOptions {
  preloadPath: string;
  /** `app.isPackaged`: devtools exist only in a development build. */
  isPackaged: boolean;
  log: Log;
}

export function kioskWindowOptions({ preloadPath, isPackaged }: Pick<KioskWindowOptions, 'preloadPath' | 'isPackaged'>): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !isPackaged,
      // The idle screen's clock and tap timeouts must keep running while nobody touches the screen.
      backgroundThrottling: false,
      // Chromium's built-in PDF viewer (Electron has no other plugin) shows the supervisor's poster preview.
      plugins: true,
    },
  };
}

/** Checklist #5 and #7: deny every permission and device, and put the CSP on every response. */
export function hardenSession(session: Session, log: Log): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`window: denied permission request "${permission}"`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** Keys a worker (or a curious visitor) could use to leave, inspect, reload or zoom the kiosk UI. */
export function isBlockedShortcut(input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'alt' | 'shift'>): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (key === 'f12' || key === 'f5' || key === 'f11') return true;
  if (input.alt && key === 'f4') return true;
  if (mod && input.shift && ['i', 'j', 'c'].includes(key)) return true;
  if (mod && ['r', 'w', 'q', 'p', 's', 'o', 'n', 't', 'u', 'f', 'g', '+', '=', '-', '_', '0'].includes(key)) return true;
  if (input.alt && (key === 'arrowleft' || key === 'arrowright' || key === 'home')) return true;
  return false;
}

/** A crash loop must not spin: reload at once, then back off up to a minute while crashes keep coming. */
export function crashReloadDelayMs(recentCrashes: number): number {
  return recentCrashes <= 1 ? 0 : Math.min(60_000, 1_000 * 2 ** (recentCrashes - 2));
}

const CRASH_WINDOW_MS = 5 * 60_000;
/** `unresponsive` fires after a few seconds; give a busy renderer this much longer before killing it. */
export const HANG_GRACE_MS = 10_000;

/** Checklist #11–#14 plus kiosk behaviour on the window's webContents. */
export function lockDownWebContents(contents: WebContents, log: Log, now: () => number = Date.now): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log(`window: blocked navigation to ${url}`);
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log(`window: blocked redirect to ${url}`);
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`window: blocked new window for ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('window: blocked a <webview>');
  });
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input)) event.preventDefault();
  });
  // Pinch and ctrl+wheel zoom on a touchscreen would leave the UI unusable until someone resets it.
  contents.on('zoom-changed', () => contents.setZoomLevel(0));
  contents.on('did-finish-load', () => {
    contents.setVisualZoomLevelLimits(1, 1).catch(() => {});
  });

  let crashes: number[] = [];
  contents.on('render-process-gone', (_event, details) => {
    log(`window: renderer gone (${details.reason}, exit code ${details.exitCode}); reloading`);
    if (details.reason === 'clean-exit') return;
    const at = now();
    crashes = [...crashes.filter((t) => at - t < CRASH_WINDOW_MS), at];
    const delay = crashReloadDelayMs(crashes.length);
    setTimeout(() => {
      if (!contents.isDestroyed()) contents.reload();
    }, delay);
  });

  let hangTimer: ReturnType<typeof setTimeout> | null = null;
  contents.on('unresponsive', () => {
    log('window: renderer unresponsive');
    hangTimer ??= setTimeout(() => {
      hangTimer = null;
      if (contents.isDestroyed()) return;
      log(`window: renderer still unresponsive after ${HANG_GRACE_MS} ms; restarting it`);
      contents.forcefullyCrashRenderer();
      contents.reload();
    }, HANG_GRACE_MS);
  });
  contents.on('responsive', () => {
    if (hangTimer) clearTimeout(hangTimer);
    hangTimer = null;
    log('window: renderer responsive again');
  });
}

export interface KioskWindow {
  window: BrowserWindow;
  /** Lets the window close; only the supervisor quit path and OS shutdown call it. */
  allowClose(): void;
}

/** Creates the locked-down window; `loadURL` is left to the caller once IPC is in place. */
export function createKioskWindow(options: KioskWindowOptions): KioskWindow {
  const window = new BrowserWindow(kioskWindowOptions(options));
  hardenSession(window.webContents.session, options.log);
  lockDownWebContents(window.webContents, options.log);
  window.removeMenu();
  window.once('ready-to-show', () => window.show());

  let closable = false;
  window.on('close', (event) => {
    // Alt+F4 and the like: a kiosk is left only through supervisor mode.
    if (!closable) event.preventDefault();
  });
  return {
    window,
    allowClose() {
      closable = true;
    },
  };
}

/** Keeps the display on for as long as the kiosk runs; returns the blocker id. */
export function keepScreenAwake(): number {
  return powerSaveBlocker.start('prevent-display-sleep');
}
