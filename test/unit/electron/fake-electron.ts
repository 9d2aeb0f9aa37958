/**
 * A stand-in for the `electron` module (its binary cannot be downloaded here): records what the
 * shell configures so tests can assert it. Used as `vi.mock('electron', () => import('./fake-electron.ts'))`.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (...args: never[]) => unknown;

export class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  headersReceived: Handler | null = null;
  webRequest = {
    onHeadersReceived: (handler: Handler) => {
      this.headersReceived = handler;
    },
  };
  setPermissionRequestHandler(handler: Handler) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Handler) {
    this.devicePermissionHandler = handler;
  }
}

export class FakeWebContents extends EventEmitter {
  session = state.session;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  reload = vi.fn();
  forcefullyCrashRenderer = vi.fn();
  setZoomLevel = vi.fn();
  setVisualZoomLevelLimits = vi.fn(async () => {});
  send = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class BrowserWindow extends EventEmitter {
  webContents = new FakeWebContents();
  removeMenu = vi.fn();
  show = vi.fn();
  focus = vi.fn();
  loadURL = vi.fn(async (_url: string) => {});
  constructor(readonly options: Record<string, unknown>) {
    super();
    state.windows.push(this);
  }
}

/** A DOM-like event whose preventDefault the tests can observe. */
export function fakeEvent() {
  return { preventDefault: vi.fn() };
}

function makeApp() {
  return Object.assign(new EventEmitter(), {
    isPackaged: true,
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    setPath: vi.fn(),
    setAppLogsPath: vi.fn(),
    getPath: vi.fn((name: string) => state.paths[name] ?? `/fake/${name}`),
    getAppPath: vi.fn(() => '/fake/app'),
    whenReady: vi.fn(() => state.ready),
    quit: vi.fn(),
    exit: vi.fn(),
    setLoginItemSettings: vi.fn(),
  });
}

export const state = {
  session: new FakeSession(),
  windows: [] as BrowserWindow[],
  paths: {} as Record<string, string>,
  ready: Promise.resolve(),
};

export let app = makeApp();
export const powerSaveBlocker = { start: vi.fn((_type: string) => 42) };
export const powerMonitor = new EventEmitter();
export const dialog = { showErrorBox: vi.fn() };
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
export const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() };

/** Fresh recorders for every test. */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  state.session = new FakeSession();
  state.windows = [];
  state.paths = {};
  state.ready = Promise.resolve();
  app = makeApp();
  powerMonitor.removeAllListeners();
}
