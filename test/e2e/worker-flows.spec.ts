/**
 * The worker's flows in Chromium against the real host (demo site, demo cards, the ONSS stand-in):
 * a break (OUT then IN) seen on the roster, the question before a second IN in a row, an expired tap,
 * a language chosen once and remembered, whole runs in Arabic (right to left) and Polish, the sound
 * switch, and the roster in a second window following a tap within a second.
 * Each test gets a fresh host and data folder.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Settings } from '../../main/core/config/settings.ts';
import { startKioskHost, type KioskHost } from '../support/kiosk-host.ts';

let host: KioskHost;

async function open(page: Page, customise?: (s: Settings) => Settings, query = ''): Promise<void> {
  host = await startKioskHost(customise);
  await page.goto(`${host.url}${query}`);
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
}

test.afterEach(async () => {
  await host?.stop();
});

async function tap(page: Page, person: string): Promise<void> {
  await page.getByTestId(`demo-card-${person}`).click();
  await expect(page.getByTestId('identified-screen')).toBeVisible();
}

async function choose(page: Page, intent: string): Promise<void> {
  await page.getByTestId(`intent-${intent}`).click();
  await expect(page.getByTestId('confirmation-screen')).toBeVisible();
}

/** Back to idle: the next tap does not have to wait for the confirmation's countdown. */
async function idle(page: Page): Promise<void> {
  await expect(page.getByTestId('idle-screen')).toBeVisible({ timeout: 15_000 });
}

async function rosterStatus(page: Page, name: string): Promise<string | null> {
  await page.goto(`${host.url}#/roster`);
  await expect(page.getByTestId('roster-page')).toHaveAttribute('data-loaded', 'true');
  const row = page.getByTestId('roster-row').filter({ hasText: name });
  const status = (await row.count()) === 0 ? null : await row.getAttribute('data-status');
  await page.goto(host.url);
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  return status;
}

test('a break is OUT then IN, and the roster follows: on site → on break → on site', async ({ page }) => {
  await open(page);
  await tap(page, 'ana');
  await choose(page, 'start-work');
  expect(await rosterStatus(page, 'Ana Maria Popescu')).toBe('on-site');

  await tap(page, 'ana');
  await choose(page, 'start-break');
  expect(await rosterStatus(page, 'Ana Maria Popescu')).toBe('on-break');

  await tap(page, 'ana');
  await expect(page.getByTestId('intent-end-break')).toBeVisible();
  await choose(page, 'end-break');
  expect(await rosterStatus(page, 'Ana Maria Popescu')).toBe('on-site');
});

test('a second IN in a row is asked first; going back records nothing', async ({ page }) => {
  await open(page);
  await tap(page, 'jan');
  await choose(page, 'start-work');
  await idle(page);
  await tap(page, 'jan');
  await expect(page.getByTestId('warning-question')).toHaveAttribute('data-kind', 'double-in');
  await page.getByTestId('intent-start-work').click();
  await expect(page.getByTestId('warning-confirm')).toBeVisible();
  await page.getByTestId('warning-back').click();
  await expect(page.getByTestId('identified-screen')).toBeVisible();
  await page.getByTestId('cancel-tap').click();
  await idle(page);
  expect(await rosterStatus(page, 'Jan Peeters')).toBe('on-site');

  await tap(page, 'jan');
  await page.getByTestId('intent-start-work').click();
  await page.getByTestId('warning-yes').click();
  await expect(page.getByTestId('confirmation-screen')).toBeVisible();
});

test('an unanswered tap expires and the kiosk returns to idle', async ({ page }) => {
  await open(page, (s) => ({ ...s, tapTimeoutSeconds: 5 }));
  await tap(page, 'fatima');
  await expect(page.getByTestId('tap-countdown')).toBeVisible();
  await idle(page);
  expect(await rosterStatus(page, 'Fatima El Amrani')).toBeNull();
});

test('a language chosen once is remembered at the worker\'s next tap', async ({ page }) => {
  await open(page);
  await tap(page, 'krzysztof');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByTestId('language-button').click();
  await page.getByTestId('language-pl').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await choose(page, 'start-work');
  await idle(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await tap(page, 'krzysztof');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
});

test('a whole flow in Arabic, right to left', async ({ page }) => {
  await open(page, undefined, '?lang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await tap(page, 'fatima');
  await choose(page, 'start-work');
  await expect(page.getByTestId('confirmation-time')).toBeVisible();
  await page.screenshot({ path: 'out/test-results/worker-flow-ar.png' });
});

test('a whole flow in Polish, with a break', async ({ page }) => {
  await open(page, undefined, '?lang=pl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await tap(page, 'krzysztof');
  await choose(page, 'start-work');
  await tap(page, 'krzysztof');
  await choose(page, 'start-break');
  expect(await rosterStatus(page, 'Krzysztof Wiśniewski')).toBe('on-break');
});

test('sound on/off: the confirmation chimes, the switch silences it, and the choice survives a reload', async ({ page }) => {
  // Records every Web Audio note the page starts (frequency and waveform), before the app loads.
  await page.addInitScript(`
    window.playedNotes = [];
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (...args) {
      window.playedNotes.push(this.type + ' ' + this.frequency.value);
      return start.apply(this, args);
    };
  `);
  const played = () => page.evaluate('window.playedNotes.slice()') as Promise<string[]>;
  await open(page, undefined, '?lang=en');
  const toggle = page.getByTestId('sound-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(toggle).toHaveAccessibleName('Sound on');

  await tap(page, 'ana');
  await choose(page, 'start-work');
  await expect.poll(played).toEqual(['sine 1046.5', 'sine 1318.5', 'sine 1568']);
  await page.getByTestId('confirmation-screen').click();
  await idle(page);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(toggle).toHaveAccessibleName('Sound off');
  await tap(page, 'ana');
  await choose(page, 'start-break');
  await page.getByTestId('confirmation-screen').click();
  await idle(page);
  expect(await played()).toHaveLength(3);

  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  await expect(page.getByTestId('sound-toggle')).toHaveAttribute('aria-pressed', 'false');
});

test('the roster open in a second window shows a tap within 1 s of its confirmation', async ({ page, context }) => {
  await open(page, undefined, '?lang=en');
  const roster = await context.newPage();
  await roster.goto(`${host.url}?lang=en#/roster`);
  await expect(roster.getByTestId('roster-page')).toHaveAttribute('data-loaded', 'true');
  const row = roster.locator('[data-testid="roster-row"][data-worker-name="Ana Maria Popescu"]');
  await expect(row).toHaveCount(0);

  await tap(page, 'ana');
  await choose(page, 'start-work');
  await expect(row).toHaveAttribute('data-status', 'on-site', { timeout: 1000 });
  await page.getByTestId('confirmation-screen').click();
  await tap(page, 'ana');
  await choose(page, 'start-break');
  await expect(row).toHaveAttribute('data-status', 'on-break', { timeout: 1000 });
});
