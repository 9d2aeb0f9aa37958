/**
 * Supervisor mode in the browser against the real host (demo settings, fresh folder): jan (the demo
 * supervisor) taps, chooses a first PIN, sees the roster, exports CSV/PDF, locks; a wrong PIN counts down.
 * Tests share one host and run in order: the PIN set in the first one unlocks the others.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startKioskHost, type KioskHost } from '../support/kiosk-host.ts';

/** The README's screenshots are refreshed only on request (`CIAO_UPDATE_SCREENSHOTS=1`); a normal run leaves docs/ alone. */
const SCREENSHOTS = process.env.CIAO_UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'out/test-results/screenshots';

const PIN = '4826';
let host: KioskHost;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startKioskHost();
});

test.afterAll(async () => {
  await host?.stop();
});

async function openKiosk(page: Page): Promise<void> {
  await page.goto(`${host.url}?lang=en`);
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  await expect(page.getByTestId('idle-screen')).toBeVisible();
}

async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByTestId(`pin-digit-${digit}`).click();
  await page.getByTestId('pin-ok').click();
}

async function janToPinPad(page: Page): Promise<void> {
  await page.getByTestId('demo-card-jan').click();
  await page.getByTestId('supervisor-button').click();
  await expect(page.getByTestId('pin-pad')).toBeVisible();
}

async function unlock(page: Page): Promise<void> {
  await janToPinPad(page);
  await typePin(page, PIN);
  await expect(page.getByTestId('supervisor-screen')).toBeVisible();
}

test('ana starts work; jan sets a first PIN and sees her on site in the roster', async ({ page }) => {
  await openKiosk(page);
  await page.getByTestId('demo-card-ana').click();
  await expect(page.getByTestId('identified-screen')).toBeVisible();
  await expect(page.getByTestId('supervisor-button')).toHaveCount(0);
  await page.getByTestId('intent-start-work').click();
  await expect(page.getByTestId('confirmation-screen')).toBeVisible();
  await page.getByTestId('confirmation-screen').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();

  await page.getByTestId('demo-card-jan').click();
  const button = page.getByTestId('supervisor-button');
  expect((await button.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(72);
  await button.click();
  await expect(page.getByTestId('pin-pad')).toBeVisible();
  await expect(page.getByTestId('identified-screen')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/pin-pad-en.png` });
  await typePin(page, PIN);
  await expect(page.getByTestId('pin-pad')).toHaveAttribute('data-stage', 'choose');
  await typePin(page, PIN);
  await expect(page.getByTestId('pin-pad')).toHaveAttribute('data-stage', 'confirm');
  await typePin(page, PIN);

  await expect(page.getByTestId('supervisor-screen')).toBeVisible();
  const ana = page.locator('[data-testid="supervisor-roster-row"][data-worker-name="Ana Maria Popescu"]');
  await expect(ana).toHaveAttribute('data-status', 'on-site');
  await page.screenshot({ path: `${SCREENSHOTS}/supervisor-roster-en.png`, fullPage: true });
});

test('a wrong PIN shows the attempts left', async ({ page }) => {
  await openKiosk(page);
  await janToPinPad(page);
  await typePin(page, '1111');
  await expect(page.getByTestId('pin-message')).toContainText(/attempts left/);
  await expect(page.getByTestId('pin-message')).toContainText(/\d/);
  await page.getByTestId('pin-cancel').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
});

test('lock returns to the idle screen', async ({ page }) => {
  await openKiosk(page);
  await unlock(page);
  await page.getByTestId('supervisor-lock').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  await expect(page.getByTestId('supervisor-screen')).toHaveCount(0);
});

test('exports: the CSV names the worker, the PDF is a PDF', async ({ page }) => {
  await openKiosk(page);
  await unlock(page);
  await page.getByTestId('supervisor-tab-exports').click();

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(readFileSync(await csv.path(), 'utf8')).toContain('Popescu');

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
  expect(readFileSync(await pdf.path()).subarray(0, 4).toString('latin1')).toBe('%PDF');
});

test('workers: enrolling a badge waits for the badge and can be cancelled', async ({ page }) => {
  await openKiosk(page);
  await unlock(page);
  await page.getByTestId('supervisor-tab-workers').click();
  const ana = page.locator('[data-testid="supervisor-worker"][data-worker-name="Ana Maria Popescu"]');
  await ana.getByTestId('enrol-badge').click();
  await expect(ana.getByTestId('enrolment-step')).toHaveAttribute('data-step', 'waiting-badge');
  await ana.getByTestId('enrol-cancel').click();
  await expect(ana.getByTestId('enrolment-step')).toHaveAttribute('data-step', 'cancelled');
  await page.getByTestId('supervisor-lock').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
});
