/**
 * Supervisor mode in Chromium against the real host (demo settings, a fresh data folder per test):
 * jan (the demo supervisor) taps his demo card, chooses a first PIN, and uses the supervisor screens.
 * Badge taps come from the kiosk's keyboard-wedge reader path (a burst of key events, as a USB badge
 * reader types), so badge enrolment needs no PC/SC stack; eID taps during enrolment are demo cards
 * presented through the API (the idle screen with its demo buttons is hidden in supervisor mode).
 * Also here, as these helpers reach every screen: the 72 px touch targets, the LAN roster read by a
 * second browser, and supervisor mode in Arabic.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Settings } from '../../main/core/config/settings.ts';
import { startKioskHost, type KioskHost } from '../support/kiosk-host.ts';
import { janToPinPad, PIN, SCREENSHOTS, setFirstPin, typePin } from '../support/supervisor-page.ts';
import { seedRoster } from '../support/synthetic.ts';

let host: KioskHost;

test.afterEach(async () => {
  await host?.stop();
});

async function openKiosk(page: Page, customise?: (s: Settings) => Settings, prepare?: (dataDir: string) => void, lang = 'en'): Promise<void> {
  host = await startKioskHost(customise, prepare);
  await page.goto(`${host.url}?lang=${lang}`);
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  await expect(page.getByTestId('idle-screen')).toBeVisible();
}

async function lock(page: Page): Promise<void> {
  await page.getByTestId('supervisor-lock').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
}

async function register(page: Page, person: string, intent: string): Promise<void> {
  await page.getByTestId(`demo-card-${person}`).click();
  await page.getByTestId(`intent-${intent}`).click();
  const question = page.getByTestId('warning-yes');
  const confirmation = page.getByTestId('confirmation-screen');
  await expect(question.or(confirmation)).toBeVisible();
  if (await question.isVisible()) await question.click();
  await expect(confirmation).toBeVisible();
  await confirmation.click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
}

/** A USB keyboard-wedge badge reader typing `uid` then Enter, in one burst (browser-side code as a string). */
async function tapWedgeBadge(page: Page, uid: string): Promise<void> {
  const keys = [...[...uid].map((d) => `Digit${d}`), 'Enter'];
  await page.evaluate(`for (const code of ${JSON.stringify(keys)}) window.dispatchEvent(new KeyboardEvent('keydown', { key: code.replace('Digit', ''), code, bubbles: true }));`);
}

async function presentDemoCardByApi(page: Page, id: string): Promise<void> {
  const status = await page.evaluate(
    `fetch('api/invoke/presentDemoCard', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ demoCardId: '${id}' }) }).then((r) => r.status)`,
  );
  expect(status).toBe(200);
}

function rosterRow(page: Page, name: string) {
  return page.locator(`[data-testid="supervisor-roster-row"][data-worker-name="${name}"]`);
}

test('first PIN: chosen and confirmed on the pad; the roster shows who is on site', async ({ page }) => {
  await openKiosk(page);
  await register(page, 'ana', 'start-work');

  await page.getByTestId('demo-card-ana').click();
  await expect(page.getByTestId('identified-screen')).toBeVisible();
  await expect(page.getByTestId('supervisor-button')).toHaveCount(0);
  await page.getByTestId('cancel-tap').click();

  await page.getByTestId('demo-card-jan').click();
  const button = page.getByTestId('supervisor-button');
  expect((await button.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(72);
  await button.click();
  await expect(page.getByTestId('pin-pad')).toBeVisible();
  expect((await page.getByTestId('pin-digit-5').boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(72);
  await typePin(page, PIN);
  await expect(page.getByTestId('pin-pad')).toHaveAttribute('data-stage', 'choose');
  // Two different PINs: asked again.
  await typePin(page, PIN);
  await typePin(page, '9999');
  await expect(page.getByTestId('pin-pad')).toHaveAttribute('data-stage', 'choose');
  await expect(page.getByTestId('pin-message')).toContainText('differ');
  for (const digit of PIN) await page.getByTestId(`pin-digit-${digit}`).click();
  await expect(page.getByTestId('pin-dots').locator('.pin-dot-on')).toHaveCount(4);
  await expect(page.getByTestId('pin-dots')).not.toContainText(PIN);
  await page.screenshot({ path: `${SCREENSHOTS}/pin-pad-en.png` });
  await page.getByTestId('pin-ok').click();
  await typePin(page, PIN);

  await expect(page.getByTestId('supervisor-screen')).toBeVisible();
  await expect(page.getByTestId('supervisor-countdown')).toBeVisible();
  await expect(rosterRow(page, 'Ana Maria Popescu')).toHaveAttribute('data-status', 'on-site');
  await expect(rosterRow(page, 'Ana Maria Popescu').getByTestId('channel-badge')).toHaveAttribute('data-channel', 'this-kiosk');
  await expect(rosterRow(page, 'Ana Maria Popescu').getByTestId('roster-since')).toContainText(/since \d\d:\d\d/);
  await expect(page.getByTestId('supervisor-remote')).toHaveAttribute('data-state', /merged|offline|not-configured/);
  await lock(page);

  // The PIN now unlocks directly.
  await janToPinPad(page);
  await typePin(page, PIN);
  await expect(page.getByTestId('supervisor-screen')).toBeVisible();
  // A browser has no kiosk window to leave: no such button.
  await expect(page.getByTestId('exit-kiosk')).toHaveCount(0);
});

test('leaving the kiosk asks first; where the shell cannot quit, the core refuses and the screen says so', async ({ page }) => {
  await openKiosk(page);
  // Stand in for the Electron shell's answer (canExitKiosk); the exitKiosk call itself still reaches the real core.
  await page.route('**/api/invoke/supervisorSetPin', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value?: Record<string, unknown> };
    await route.fulfill({ response, json: body.ok && body.value ? { ...body, value: { ...body.value, canExitKiosk: true } } : body });
  });
  await setFirstPin(page);
  await page.getByTestId('exit-kiosk').click();
  await expect(page.getByRole('alertdialog')).toContainText('Workers cannot register');
  await page.getByTestId('exit-kiosk-cancel').click();
  await expect(page.getByTestId('exit-kiosk-error')).toHaveCount(0);
  await page.getByTestId('exit-kiosk').click();
  await page.getByTestId('exit-kiosk-confirm').click();
  await expect(page.getByTestId('exit-kiosk-error')).toHaveAttribute('data-key', 'api.error.notAvailable');
  await expect(page.getByTestId('supervisor-screen')).toBeVisible();
});

test('wrong PINs count down the attempts, then lock supervisor mode out until a time', async ({ page }) => {
  await openKiosk(page);
  await setFirstPin(page);
  await lock(page);
  await janToPinPad(page);
  await typePin(page, '1111');
  await expect(page.getByTestId('pin-message')).toContainText('4 attempts left');
  for (let i = 0; i < 3; i += 1) await typePin(page, '1111');
  await expect(page.getByTestId('pin-message')).toContainText('1 attempts left');
  await typePin(page, '1111');
  await expect(page.getByTestId('pin-message')).toContainText(/locked until \d\d:\d\d/);
  // Even the right PIN is refused now.
  await typePin(page, PIN);
  await expect(page.getByTestId('pin-message')).toContainText(/locked until \d\d:\d\d/);
  await expect(page.getByTestId('supervisor-screen')).toHaveCount(0);
  await page.getByTestId('pin-cancel').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
});

test('supervisor mode locks itself when the idle time runs out (countdown), and a worker tap locks it', async ({ page }) => {
  await openKiosk(page, (s) => ({ ...s, supervisorIdleSeconds: 30 }));
  await setFirstPin(page);
  const countdown = page.getByTestId('supervisor-countdown');
  await expect(countdown).toHaveAttribute('data-seconds', /^(2\d|30)$/);
  await expect(page.getByTestId('idle-screen')).toBeVisible({ timeout: 40_000 });
  await expect(page.getByTestId('supervisor-screen')).toHaveCount(0);

  // The session is gone in the core too: a new unlock asks for the PIN again.
  await janToPinPad(page);
  await typePin(page, PIN);
  await expect(page.getByTestId('supervisor-screen')).toBeVisible();
  await presentDemoCardByApi(page, 'ana');
  await expect(page.getByTestId('identified-screen')).toBeVisible();
  await expect(page.getByTestId('worker-name')).toHaveText('Ana Maria Popescu');
});

test('roster: a break, a double IN flagged with what to do, filters and the letter search', async ({ page }) => {
  await openKiosk(page);
  await register(page, 'ana', 'start-work');
  await register(page, 'ana', 'start-break');
  await register(page, 'krzysztof', 'start-work');
  await register(page, 'krzysztof', 'start-work');
  await register(page, 'fatima', 'start-work');
  await register(page, 'fatima', 'end-work');
  await setFirstPin(page);

  await expect(rosterRow(page, 'Ana Maria Popescu')).toHaveAttribute('data-status', 'on-break');
  await expect(rosterRow(page, 'Fatima El Amrani')).toHaveAttribute('data-status', 'left');
  const krzysztof = rosterRow(page, 'Krzysztof Wiśniewski');
  await expect(krzysztof).toHaveAttribute('data-status', 'on-site');
  const anomaly = krzysztof.locator('[data-testid="anomaly"][data-kind="double-in"]');
  await expect(anomaly).toContainText('Two INs in a row');
  await expect(anomaly).toContainText('No action needed');
  await page.screenshot({ path: `${SCREENSHOTS}/supervisor-roster-en.png`, fullPage: true });

  await page.getByTestId('roster-filter-on-break').click();
  await expect(page.getByTestId('supervisor-roster-row')).toHaveCount(1);
  await expect(rosterRow(page, 'Ana Maria Popescu')).toBeVisible();
  await page.getByTestId('roster-filter-anomalies').click();
  await expect(rosterRow(page, 'Krzysztof Wiśniewski')).toBeVisible();
  await page.getByTestId('roster-filter-all').click();
  await expect(page.getByTestId('supervisor-roster-row')).toHaveCount(3);

  // "WIS" on the on-screen keyboard finds Wiśniewski (accent-blind).
  await page.getByTestId('search-box').click();
  for (const c of 'WIS') await page.getByTestId(`key-${c}`).click();
  await expect(page.getByTestId('search-text')).toHaveText('WIS');
  await expect(page.getByTestId('supervisor-roster-row')).toHaveCount(1);
  await expect(krzysztof).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/supervisor-search-en.png` });
  await page.getByTestId('search-clear').click();
  await expect(page.getByTestId('supervisor-roster-row')).toHaveCount(3);

  // Registrations: newest first, with their sync state and channel.
  await page.getByTestId('supervisor-tab-registrations').click();
  const rows = page.getByTestId('supervisor-registration-row');
  await expect(rows).toHaveCount(6);
  await expect(rows.first()).toHaveAttribute('data-worker-name', 'Fatima El Amrani');
  await expect(rows.first()).toHaveAttribute('data-direction', 'OUT');
  await expect(rows.first()).toHaveAttribute('data-state', /queued|sent|accepted|rejected/);
  await expect(rows.first().getByTestId('channel-badge')).toHaveAttribute('data-channel', 'this-kiosk');
  await page.screenshot({ path: `${SCREENSHOTS}/registrations-en.png`, fullPage: true });

  await page.getByTestId('supervisor-tab-sync').click();
  await expect(page.getByTestId('supervisor-sync')).toHaveAttribute('data-queued', /^\d+$/);
  await expect(page.getByTestId('sync-last-success')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/sync-en.png` });
});

test('a roster of 500 (and its 502 registrations) draws only the rows on screen; scrolling, the filters and the search still reach every worker', async ({ page }) => {
  await openKiosk(page, undefined, seedRoster(500));
  await register(page, 'krzysztof', 'start-work');
  await register(page, 'krzysztof', 'start-work');
  await setFirstPin(page);

  const roster = page.getByTestId('supervisor-roster');
  const table = page.getByTestId('supervisor-roster-table');
  const rows = page.getByTestId('supervisor-roster-row');
  await expect(roster).toHaveAttribute('data-count', '501');
  await expect(table).toHaveAttribute('aria-rowcount', '502');
  await expect(rows.first()).toHaveAttribute('aria-rowindex', '2');
  await expect(rows.first()).toHaveAttribute('data-worker-name', 'Krzysztof Wiśniewski');
  const drawn = await rows.count();
  expect(drawn).toBeGreaterThan(3);
  expect(drawn).toBeLessThan(60);

  // Sorted by name, "Test Worker 99" is last: not drawn until the screen is scrolled to the end.
  const last = rosterRow(page, 'Test Worker 99');
  await expect(last).toHaveCount(0);
  await page.getByTestId('supervisor-screen').evaluate((screen) => screen.scrollTo({ top: screen.scrollHeight }));
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('aria-rowindex', '502');
  expect(await rows.count()).toBeLessThan(60);

  await page.getByTestId('roster-filter-anomalies').click();
  await expect(rows).toHaveCount(1);
  await expect(table).toHaveAttribute('aria-rowcount', '2');
  await expect(rosterRow(page, 'Krzysztof Wiśniewski')).toBeInViewport();
  await page.getByTestId('roster-filter-all').click();
  await page.getByTestId('search-box').click();
  for (const c of 'WORKER') await page.getByTestId(`key-${c}`).click();
  await expect(roster).toHaveAttribute('data-count', '500');
  await expect(table).toHaveAttribute('aria-rowcount', '501');
  await expect(rosterRow(page, 'Krzysztof Wiśniewski')).toHaveCount(0);

  // The day's 502 registrations are windowed the same way, newest (Krzysztof's second IN) first.
  await page.getByTestId('supervisor-tab-registrations').click();
  const registrations = page.getByTestId('supervisor-registration-row');
  await expect(page.getByTestId('supervisor-registrations')).toHaveAttribute('data-count', '502');
  await expect(page.getByTestId('supervisor-registrations-table')).toHaveAttribute('aria-rowcount', '503');
  await expect(registrations.first()).toHaveAttribute('data-worker-name', 'Krzysztof Wiśniewski');
  expect(await registrations.count()).toBeLessThan(60);
  await page.getByTestId('supervisor-screen').evaluate((screen) => screen.scrollTo({ top: screen.scrollHeight }));
  await expect(page.locator('[data-testid="supervisor-registration-row"][aria-rowindex="503"]')).toBeInViewport();
});

test('a worker without eID: an invalid BIS is refused, a valid one is saved and gets a badge; unlink asks first', async ({ page }) => {
  await openKiosk(page);
  await setFirstPin(page);
  await page.getByTestId('supervisor-tab-workers').click();
  await page.getByTestId('add-manual-worker').click();
  const form = page.getByTestId('manual-worker-form');
  await expect(form).toBeVisible();

  const typeNumber = async (digits: string) => {
    await page.getByTestId('manual-field-number').click();
    for (let i = 0; i < 11; i += 1) await page.getByTestId('key-backspace').click();
    for (const d of digits) await page.getByTestId(`key-${d}`).click();
  };
  await typeNumber('98472899766');
  await expect(page.getByTestId('manual-value-number')).toHaveText('98.47.28-997.66');
  await page.getByTestId('manual-field-surname').click();
  for (const c of 'SILVA') await page.getByTestId(`key-${c}`).click();
  await page.getByTestId('manual-field-firstNames').click();
  for (const c of 'JO') await page.getByTestId(`key-${c}`).click();
  await page.getByTestId('key-accents').click();
  await page.getByTestId('key-Ã').click();
  await page.getByTestId('key-accents').click();
  await page.getByTestId('key-O').click();
  await expect(page.getByTestId('manual-value-firstNames')).toHaveText('JOÃO');
  await page.getByTestId('manual-submit').click();
  await expect(page.getByTestId('manual-error')).toHaveAttribute('data-key', /supervisor\.error\.nationalNumber\./);
  await expect(page.getByTestId('manual-error')).toContainText('check the digits');
  await page.screenshot({ path: `${SCREENSHOTS}/manual-worker-en.png` });

  await typeNumber('98472899765');
  await expect(page.getByTestId('manual-error')).toHaveCount(0);
  await page.getByTestId('manual-submit').click();
  const step = page.getByTestId('enrolment-step');
  await expect(step).toHaveAttribute('data-step', 'waiting-badge');
  await expect(step).toContainText('JOÃO SILVA');

  await tapWedgeBadge(page, '77001234');
  await expect(step).toHaveAttribute('data-step', 'linked');
  await expect(page.getByTestId('supervisor-screen')).toBeVisible();
  const worker = page.locator('[data-testid="supervisor-worker"][data-worker-name*="SILVA"]');
  await expect(worker.getByTestId('worker-badge')).toHaveAttribute('data-badge-uid', '77001234');
  await expect(worker).toContainText('98.47.28');
  await expect(worker).not.toContainText('997');
  await page.getByTestId('enrol-done').click();
  await page.screenshot({ path: `${SCREENSHOTS}/workers-en.png`, fullPage: true });

  await worker.getByTestId('unlink-badge').click();
  await worker.getByTestId('unlink-badge-cancel').click();
  await expect(worker.getByTestId('worker-badge')).toHaveCount(1);
  await worker.getByTestId('unlink-badge').click();
  await worker.getByTestId('unlink-badge-confirm').click();
  await expect(worker.getByTestId('worker-badge')).toHaveCount(0);
  await lock(page);

  // The unlinked badge is unknown again; shown with its number for the supervisor.
  await tapWedgeBadge(page, '77001234');
  await expect(page.getByTestId('badge-number')).toContainText('77001234');
});

test('badge enrolment with an eID: the worker taps the eID, then the badge; the badge then identifies them', async ({ page }) => {
  await openKiosk(page);
  await setFirstPin(page);
  await page.getByTestId('supervisor-tab-workers').click();
  await page.getByTestId('enrol-eid').click();
  const step = page.getByTestId('enrolment-step');
  await expect(step).toHaveAttribute('data-step', 'waiting-worker');
  // A badge first is refused with a hint.
  await tapWedgeBadge(page, '55667788');
  await expect(page.getByTestId('enrolment-message')).toContainText('eID');
  await presentDemoCardByApi(page, 'fatima');
  await expect(step).toHaveAttribute('data-step', 'waiting-badge');
  await expect(step).toHaveAttribute('data-worker-name', 'Fatima El Amrani');
  await tapWedgeBadge(page, '55667788');
  await expect(step).toHaveAttribute('data-step', 'linked');
  await expect(step).toContainText('55667788');
  await lock(page);

  await tapWedgeBadge(page, '55667788');
  await expect(page.getByTestId('worker-name')).toHaveText('Fatima El Amrani');
});

test('badge enrolment for a listed worker can be cancelled', async ({ page }) => {
  await openKiosk(page);
  await register(page, 'ana', 'start-work');
  await setFirstPin(page);
  await page.getByTestId('supervisor-tab-workers').click();
  const ana = page.locator('[data-testid="supervisor-worker"][data-worker-name="Ana Maria Popescu"]');
  await ana.getByTestId('enrol-badge').click();
  const step = page.getByTestId('enrolment-step');
  await expect(step).toHaveAttribute('data-step', 'waiting-badge');
  await expect(step).toHaveAttribute('data-worker-name', 'Ana Maria Popescu');
  await page.getByTestId('enrol-cancel').click();
  await expect(step).toHaveAttribute('data-step', 'cancelled');
  await expect(ana.getByTestId('enrol-badge')).toBeEnabled();
});

test('exports: the day CSV names the worker, the week PDF is a PDF', async ({ page }) => {
  await openKiosk(page);
  await register(page, 'ana', 'start-work');
  await setFirstPin(page);
  await page.getByTestId('supervisor-tab-exports').click();
  await expect(page.getByTestId('export-next')).toBeDisabled();
  await page.screenshot({ path: `${SCREENSHOTS}/exports-en.png` });

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text).toContain('Popescu');
  expect(text).not.toMatch(/\d{2}\.?\d{2}\.?\d{2}-?\d{3}\.?\d{2}/);
  await expect(page.getByTestId('export-saved')).toContainText(csv.suggestedFilename());

  await page.getByTestId('export-range-week').click();
  const exports = page.getByTestId('supervisor-exports');
  const from = await exports.getAttribute('data-from');
  const to = await exports.getAttribute('data-to');
  expect(from! <= to!).toBe(true);
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(readFileSync(await pdf.path()).subarray(0, 4).toString('latin1')).toBe('%PDF');

  // A week earlier is a full Monday-to-Sunday week.
  await page.getByTestId('export-prev').click();
  await expect(page.getByTestId('export-next')).toBeEnabled();
});

test('LAN mode: a second browser reads the roster with the LAN token, follows taps, and gets nothing without it', async ({ page, browser }) => {
  const token = 'lan-token-e2e-0123456789abcdef';
  await openKiosk(page, (s) => ({ ...s, lan: { enabled: true, token } }));
  await register(page, 'ana', 'start-work');

  const tablet = await browser.newContext();
  try {
    const lan = await tablet.newPage();
    await lan.goto(`${host.url}?lang=fr#/lan?token=${token}`);
    const roster = lan.getByTestId('lan-roster');
    await expect(roster).toHaveAttribute('data-loaded', 'true');
    await expect(lan.locator('h1')).toContainText('Sur le chantier maintenant');
    const ana = lan.locator('[data-testid="lan-roster-row"][data-worker-name="Ana Maria Popescu"]');
    await expect(ana).toHaveAttribute('data-status', 'on-site');
    await expect(ana).toContainText('Sur le chantier');
    await expect(lan.getByTestId('lan-roster-table')).toHaveAttribute('aria-rowcount', '2');
    await lan.screenshot({ path: `${SCREENSHOTS}/lan-roster-fr.png` });
    // Read-only: no buttons at all, and no national number.
    await expect(lan.locator('button')).toHaveCount(0);
    expect(await lan.locator('body').innerText()).not.toMatch(/88[.]?04[.]?12/);

    // A break taken at the kiosk reaches the tablet at its next refresh.
    await register(page, 'ana', 'start-break');
    await expect(ana).toHaveAttribute('data-status', 'on-break', { timeout: 10_000 });

    await lan.goto(`${host.url}?lang=en#/lan?token=wrong-token-0123456789abcdef`);
    await expect(lan.getByTestId('lan-error')).toHaveAttribute('data-key', 'supervisor.error.lanToken');
    await expect(lan.getByTestId('lan-error')).toContainText('not valid');
    await expect(lan.getByTestId('lan-roster-row')).toHaveCount(0);

    await lan.goto(`${host.url}?lang=de#/lan`);
    await expect(lan.getByTestId('lan-error')).toHaveAttribute('data-key', 'lan.noToken');
    await expect(lan.getByTestId('lan-error')).toContainText('Zugangscode');
    await expect(lan.getByTestId('lan-roster-row')).toHaveCount(0);
  } finally {
    await tablet.close();
  }
});

test('supervisor mode in Arabic: right to left, Arabic texts on the PIN pad, tabs and roster', async ({ page }) => {
  await openKiosk(page, undefined, undefined, 'ar');
  await register(page, 'ana', 'start-work');
  await janToPinPad(page);
  await expect(page.getByTestId('pin-pad')).toContainText('رمز PIN');
  await typePin(page, PIN);
  await expect(page.getByTestId('pin-pad')).toContainText('اختر رمز PIN');
  await typePin(page, PIN);
  await typePin(page, PIN);
  await expect(page.getByTestId('supervisor-screen')).toBeVisible();

  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('supervisor-tab-roster')).toHaveText('اليوم في الموقع');
  await expect(page.getByTestId('supervisor-lock')).toHaveText('قفل');
  await expect(page.getByTestId('roster-filter-all')).toContainText('الجميع');
  const ana = rosterRow(page, 'Ana Maria Popescu');
  await expect(ana).toContainText('في الموقع');
  await expect(ana.getByTestId('roster-since')).toContainText(/منذ \d\d:\d\d/);
  await expect(ana.locator('.supervisor-number')).toHaveCSS('direction', 'ltr');
  // Mirrored: the title starts on the right, the lock button sits on the left.
  const title = await page.locator('.supervisor-head h1').boundingBox();
  const lockButton = await page.getByTestId('supervisor-lock').boundingBox();
  expect(lockButton!.x + lockButton!.width).toBeLessThan(title!.x);
  await page.screenshot({ path: `${SCREENSHOTS}/supervisor-roster-ar.png` });
  await page.getByTestId('supervisor-tab-registrations').click();
  await expect(page.getByTestId('supervisor-registration-row').first()).toContainText('دخول');
  await lock(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

/** Browser-side: every visible control (button, link, field, tab) smaller than 72 × 72 px, or without a name a
 *  screen reader can say (text, aria-label or aria-labelledby), by test id or text. */
const UNFIT_CONTROLS = `[...document.querySelectorAll('button, a[href], input, select, [role="button"], [role="tab"]')]
  .map((el) => ({ el, box: el.getBoundingClientRect() }))
  .filter(({ el, box }) => box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden')
  .flatMap(({ el, box }) => {
    const id = el.getAttribute('data-testid') ?? el.textContent ?? '?';
    const named = (el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby') ?? el.textContent ?? '').trim() !== '';
    return [
      ...(box.width < 72 || box.height < 72 ? [id + ' ' + Math.round(box.width) + 'x' + Math.round(box.height)] : []),
      ...(named ? [] : [id + ' has no accessible name']),
    ];
  })`;

async function expectFitControls(page: Page, screen: string): Promise<void> {
  expect(await page.evaluate(UNFIT_CONTROLS), screen).toEqual([]);
}

test('every touch target is at least 72 × 72 px and named for screen readers, on the worker screens and in supervisor mode', async ({ page }) => {
  await openKiosk(page);
  await expectFitControls(page, 'idle');
  await page.getByTestId('demo-card-ana').click();
  await expect(page.getByTestId('identified-screen')).toBeVisible();
  await expectFitControls(page, 'identified');
  await page.getByTestId('language-button').click();
  await expect(page.getByTestId('language-picker')).toBeVisible();
  await expectFitControls(page, 'language picker');
  await page.getByTestId('language-en').click();
  await page.getByTestId('intent-start-work').click();
  await expect(page.getByTestId('confirmation-screen')).toBeVisible();
  await expectFitControls(page, 'confirmation');
  await page.getByTestId('confirmation-screen').click();
  await page.getByTestId('demo-card-ana').click();
  await page.getByTestId('intent-start-work').click();
  await expect(page.getByTestId('warning-yes')).toBeVisible();
  await expectFitControls(page, 'double-IN question');
  await page.getByTestId('warning-back').click();
  await page.getByTestId('cancel-tap').click();
  await tapWedgeBadge(page, '99887766');
  await expect(page.getByTestId('error-screen')).toBeVisible();
  await expectFitControls(page, 'unknown badge');
  await page.getByTestId('error-ok').click();

  await janToPinPad(page);
  await expectFitControls(page, 'PIN pad');
  await typePin(page, PIN);
  await typePin(page, PIN);
  await typePin(page, PIN);
  await expect(page.getByTestId('supervisor-screen')).toBeVisible();
  await expectFitControls(page, 'roster');
  await page.getByTestId('search-box').click();
  await expectFitControls(page, 'letter keyboard');
  await page.getByTestId('key-accents').click();
  await expectFitControls(page, 'accented letters');
  for (const tab of ['registrations', 'workers', 'exports', 'declarations', 'sync']) {
    await page.getByTestId(`supervisor-tab-${tab}`).click();
    await expect(page.getByTestId('supervisor-screen')).toHaveAttribute('data-tab', tab);
    await expectFitControls(page, tab);
  }
  await page.getByTestId('supervisor-tab-workers').click();
  await page.getByTestId('add-manual-worker').click();
  await page.getByTestId('manual-field-number').click();
  await expectFitControls(page, 'number pad');
});
