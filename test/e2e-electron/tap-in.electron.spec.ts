/**
 * The Electron shell end to end: the real window, preload and IPC, in demo mode with a fresh data
 * folder. A demo card tap → the worker's name → "start work" → confirmation, and the roster says
 * on-site. Runs against the unpackaged build (`npm run build`): a packaged kiosk has the inspect
 * fuse off, which Playwright needs. Where no Electron binary exists it is skipped, saying why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { KioskBridge } from '../../preload/api.ts';
import { READY_FLAG, USER_DATA_ENV } from '../../main/electron/shell-signals.main.ts';
import { electronBinaryPath } from '../../scripts/check-electron.mjs';
import { makeTempDir } from '../support/temp-dir.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const binary = electronBinaryPath();

test.skip(!binary, 'Electron binary not available on this machine (cannot be downloaded here)');

/** What the page's global looks like (this file type-checks without the DOM library). */
type KioskPage = typeof globalThis & { ciao: KioskBridge };

let app: ElectronApplication;
let page: Page;
let temp: ReturnType<typeof makeTempDir>;

test.beforeAll(async () => {
  const { main } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
  if (!existsSync(join(ROOT, main))) throw new Error(`${main} is missing: run \`npm run build\` before the Electron end-to-end tests`);
  temp = makeTempDir('ciao-electron-e2e-');
  app = await electron.launch({
    executablePath: binary as string,
    args: [ROOT],
    cwd: ROOT,
    env: { ...process.env, [USER_DATA_ENV]: temp.dir },
  });
  await expect.poll(() => app.evaluate((_electron, flag) => (globalThis as Record<string, unknown>)[flag] === true, READY_FLAG)).toBe(true);
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
  temp?.cleanup();
});

test('the only window is the kiosk on app://kiosk, and the page has no Node, only window.ciao', async () => {
  const shell = await app.evaluate(({ BrowserWindow }) => {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window) return null;
    return { count: BrowserWindow.getAllWindows().length, kiosk: window.isKiosk(), url: window.webContents.getURL() };
  });
  expect(shell).toEqual({ count: 1, kiosk: true, url: 'app://kiosk/index.html' });

  const globals = await page.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>).require,
    process: typeof (globalThis as Record<string, unknown>).process,
    bridge: Object.keys((globalThis as KioskPage).ciao).sort(),
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['api', 'onEvent'] });
});

test('a demo card tap registers the worker IN', async () => {
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  await expect(page.getByTestId('idle-screen')).toBeVisible();

  const snapshot = await page.evaluate(() => (globalThis as KioskPage).ciao.api.getSnapshot({}));
  expect(snapshot.site.demo).toBe(true);
  const card = snapshot.demoCards[0];
  if (!card) throw new Error('demo mode offers no demo cards');

  // The tap itself comes from the demo card source (no reader here); everything after it is the UI.
  await page.evaluate((id) => (globalThis as KioskPage).ciao.api.presentDemoCard({ demoCardId: id }), card.id);
  await expect(page.getByTestId('worker-name')).toHaveText(card.label);
  await page.getByTestId('intent-start-work').click();
  await expect(page.getByTestId('confirmation-screen')).toBeVisible();

  await expect
    .poll(async () => {
      const roster = await page.evaluate(() => (globalThis as KioskPage).ciao.api.getRoster({}));
      return roster.entries.find((entry) => entry.displayName === card.label)?.presence.status;
    })
    .toBe('on-site');
});
