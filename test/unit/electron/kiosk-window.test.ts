/**
 * The Electron security checklist (docs/tutorial/security.md) and the kiosk lock-down, asserted on
 * the window options and session handlers the shell really creates (electron is a recording fake).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEvent, powerSaveBlocker, resetFakeElectron, state, type BrowserWindow } from './fake-electron.ts';
import {
  createKioskWindow,
  crashReloadDelayMs,
  HANG_GRACE_MS,
  isBlockedShortcut,
  keepScreenAwake,
  kioskWindowOptions,
} from '../../../main/electron/kiosk-window.main.ts';
import { CONTENT_SECURITY_POLICY } from '../../../main/core/renderer-serving.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

let logged: string[];
function makeWindow(isPackaged = true) {
  logged = [];
  const kiosk = createKioskWindow({ preloadPath: '/app/out/preload/bridge.cjs', isPackaged, log: (l) => logged.push(l) });
  const window = state.windows.at(-1) as BrowserWindow;
  return { kiosk, window, contents: window.webContents, session: state.session };
}

beforeEach(() => resetFakeElectron());
afterEach(() => vi.useRealTimers());

describe('kiosk window: BrowserWindow options', () => {
  it('is a fullscreen kiosk window without frame or menu, shown once ready', () => {
    const { window } = makeWindow();
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, show: false });
    expect(window.removeMenu).toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('keeps every webPreferences checklist item', () => {
    const prefs = kioskWindowOptions({ preloadPath: '/p.cjs', isPackaged: true }).webPreferences ?? {};
    expect(prefs.contextIsolation).toBe(true); // #3
    expect(prefs.sandbox).toBe(true); // #4
    expect(prefs.nodeIntegration).toBe(false); // #2
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true); // #6
    expect(prefs.allowRunningInsecureContent).toBe(false); // #8
    expect(prefs.experimentalFeatures).toBe(false); // #9
    expect(prefs).not.toHaveProperty('enableBlinkFeatures'); // #10
    expect(prefs.webviewTag).toBe(false); // #11
    expect(prefs.preload).toBe('/p.cjs');
  });

  it('has devtools only in an unpackaged (development) build', () => {
    expect(kioskWindowOptions({ preloadPath: '/p.cjs', isPackaged: true }).webPreferences?.devTools).toBe(false);
    expect(kioskWindowOptions({ preloadPath: '/p.cjs', isPackaged: false }).webPreferences?.devTools).toBe(true);
    const { window } = makeWindow(true);
    expect((window.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
  });
});

describe('kiosk window: session', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])('denies the permission request "%s"', (permission) => {
    const { session } = makeWindow();
    const callback = vi.fn();
    (session.permissionRequestHandler as (...a: unknown[]) => void)({}, permission, callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(logged.join('\n')).toContain(permission);
  });

  it('answers every permission check and device request with no', () => {
    const { session } = makeWindow();
    expect((session.permissionCheckHandler as (...a: unknown[]) => boolean)({}, 'media', 'app://kiosk', {})).toBe(false);
    expect((session.devicePermissionHandler as (...a: unknown[]) => boolean)({ deviceType: 'usb' })).toBe(false);
  });

  it('replaces any Content-Security-Policy header with the strict one', () => {
    const { session } = makeWindow();
    const callback = vi.fn();
    (session.headersReceived as (...a: unknown[]) => void)(
      { url: 'app://kiosk/index.html', responseHeaders: { 'content-security-policy': ["script-src 'unsafe-eval'"], 'X-Other': ['1'] } },
      callback,
    );
    const headers = callback.mock.calls[0]?.[0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['X-Other']).toEqual(['1']);
  });

  it('uses a CSP with self-only scripts and no eval or inline code (#7)', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    // Frames only from blob: (the poster preview), nothing else from outside the package.
    expect(CONTENT_SECURITY_POLICY).toContain('frame-src blob:;');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
  });
});

describe('kiosk window: navigation and new windows', () => {
  it('blocks every navigation and redirect (#13)', () => {
    const { contents } = makeWindow();
    for (const name of ['will-navigate', 'will-redirect']) {
      const event = fakeEvent();
      contents.emit(name, event, 'https://example.com/phish');
      expect(event.preventDefault).toHaveBeenCalled();
    }
  });

  it('denies every new window (#14)', () => {
    const { contents } = makeWindow();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview> (#12)', () => {
    const { contents } = makeWindow();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('kiosk window: shortcuts', () => {
  const key = (k: string, mods: Partial<{ control: boolean; shift: boolean; alt: boolean; meta: boolean }> = {}) => ({
    type: 'keyDown' as const,
    key: k,
    control: false,
    shift: false,
    alt: false,
    meta: false,
    ...mods,
  });

  it.each([
    ['F12 (devtools)', key('F12')],
    ['Ctrl+Shift+I (devtools)', key('I', { control: true, shift: true })],
    ['Cmd+Alt+I style Ctrl+Shift+J (console)', key('J', { control: true, shift: true })],
    ['F5 (reload)', key('F5')],
    ['Ctrl+R (reload)', key('r', { control: true })],
    ['Ctrl+Shift+R (hard reload)', key('R', { control: true, shift: true })],
    ['Ctrl++ (zoom in)', key('+', { control: true })],
    ['Ctrl+= (zoom in)', key('=', { control: true })],
    ['Ctrl+- (zoom out)', key('-', { control: true })],
    ['Ctrl+0 (zoom reset)', key('0', { control: true })],
    ['Ctrl+W (close)', key('w', { control: true })],
    ['Ctrl+P (print)', key('p', { control: true })],
    ['Alt+F4 (close)', key('F4', { alt: true })],
    ['Alt+Left (back)', key('ArrowLeft', { alt: true })],
  ])('blocks %s', (_name, input) => {
    const { contents } = makeWindow();
    const event = fakeEvent();
    contents.emit('before-input-event', event, input);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it.each([key('a'), key('5'), key('Enter'), key('Backspace'), key('A', { shift: true })])('lets ordinary typing through (%o)', (input) => {
    expect(isBlockedShortcut(input)).toBe(false);
  });

  it('only looks at key presses, not releases', () => {
    expect(isBlockedShortcut({ ...key('F12'), type: 'keyUp' })).toBe(false);
  });

  it('undoes zoom changes (pinch or wheel) and pins the visual zoom', () => {
    const { contents } = makeWindow();
    contents.emit('zoom-changed', fakeEvent(), 'in');
    expect(contents.setZoomLevel).toHaveBeenCalledWith(0);
    contents.emit('did-finish-load');
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
  });
});

describe('kiosk window: recovery', () => {
  it('reloads a crashed renderer and logs why', () => {
    vi.useFakeTimers();
    const { contents } = makeWindow();
    contents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 139 });
    vi.runAllTimers();
    expect(contents.reload).toHaveBeenCalledTimes(1);
    expect(logged.join('\n')).toMatch(/renderer gone \(crashed, exit code 139\)/);
  });

  it('backs off while the renderer keeps crashing', () => {
    vi.useFakeTimers();
    const { contents } = makeWindow();
    contents.emit('render-process-gone', fakeEvent(), { reason: 'oom', exitCode: 1 });
    contents.emit('render-process-gone', fakeEvent(), { reason: 'oom', exitCode: 1 });
    vi.advanceTimersByTime(0);
    expect(contents.reload).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    expect(contents.reload).toHaveBeenCalledTimes(2);
    expect([1, 2, 3, 4, 10].map(crashReloadDelayMs)).toEqual([0, 1_000, 2_000, 4_000, 60_000]);
  });

  it('does not reload after a clean exit', () => {
    vi.useFakeTimers();
    const { contents } = makeWindow();
    contents.emit('render-process-gone', fakeEvent(), { reason: 'clean-exit', exitCode: 0 });
    vi.runAllTimers();
    expect(contents.reload).not.toHaveBeenCalled();
  });

  it('restarts a renderer that stays hung past the grace period', () => {
    vi.useFakeTimers();
    const { contents } = makeWindow();
    contents.emit('unresponsive');
    vi.advanceTimersByTime(HANG_GRACE_MS - 1);
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(contents.reload).toHaveBeenCalledTimes(1);
  });

  it('leaves a renderer alone that recovers by itself', () => {
    vi.useFakeTimers();
    const { contents } = makeWindow();
    contents.emit('unresponsive');
    contents.emit('responsive');
    vi.runAllTimers();
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(contents.reload).not.toHaveBeenCalled();
  });
});

describe('kiosk window: leaving and staying awake', () => {
  it('cannot be closed (Alt+F4, window manager) until the quit path allows it', () => {
    const { kiosk, window } = makeWindow();
    const first = fakeEvent();
    window.emit('close', first);
    expect(first.preventDefault).toHaveBeenCalled();
    kiosk.allowClose();
    const second = fakeEvent();
    window.emit('close', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it('keeps the display from sleeping', () => {
    expect(keepScreenAwake()).toBe(42);
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
  });
});
