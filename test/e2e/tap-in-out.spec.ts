/**
 * The walking skeleton, end to end with real processes only: pcscd + vpcd + the emulated eID card,
 * the ONSS stand-in, the kiosk host, and Chromium. A card tap → name on screen → IN → a row in the
 * SQLite file → the registration at the stand-in → the roster lists the worker; then OUT.
 */
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { startKioskHost, type KioskHost } from '../support/kiosk-host.ts';
import { startStandin, type Standin } from '../support/onss-standin.ts';
import { startPcscd, type Pcscd } from '../support/pcsc/pcscd-harness.ts';
import { insertCard, CITIZEN } from '../support/pcsc/card-emulator.ts';

/** The holder of the emulated 'beid-17' card. */
const fullName = `${CITIZEN.firstNames} ${CITIZEN.surname}`;

let pcscd: Pcscd;
let standin: Standin;
let host: KioskHost;

test.beforeAll(async () => {
  pcscd = await startPcscd();
  standin = await startStandin({ workplaces: ['DEMO000000001'] });
  host = await startKioskHost(
    (s) => ({
      ...s,
      demo: false,
      onss: {
        target: 'custom',
        baseUrl: standin.baseUrl,
        tokenUrl: standin.tokenUrl,
        clientId: standin.clientId,
        privateKeyPath: standin.privateKeyPath,
      },
    }),
    undefined,
    pcscd.socket,
  );
});

test.afterAll(async () => {
  await host?.stop();
  await standin?.stop();
  await pcscd?.stop();
});

function rowsInDatabase(): Array<{ direction: string; state: string }> {
  const db = new Database(host.databaseFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT direction, state FROM registrations ORDER BY id').all() as Array<{ direction: string; state: string }>;
  } finally {
    db.close();
  }
}

async function tapAndChoose(page: Page, intent: 'start-work' | 'end-work'): Promise<void> {
  const card = await insertCard('beid-17', pcscd.port);
  try {
    await expect(page.getByTestId('worker-name')).toHaveText(fullName);
    await page.getByTestId(`intent-${intent}`).click();
    await expect(page.getByTestId('confirmation-screen')).toBeVisible();
  } finally {
    await card.remove();
  }
}

test('an eID tap becomes a registration at ONSS and on the roster, IN then OUT', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  await expect(page.getByTestId('idle-screen')).toBeVisible();

  await tapAndChoose(page, 'start-work');
  expect(rowsInDatabase().map((r) => r.direction)).toEqual(['IN']);
  await expect.poll(async () => (await standin.admin.registrations()).map((r) => r.registrationType)).toEqual(['IN']);
  await expect.poll(() => rowsInDatabase().map((r) => r.state)).toEqual(['accepted']);

  await page.goto(`${host.url}#/roster`);
  const row = page.getByTestId('roster-row').filter({ hasText: fullName });
  await expect(row).toHaveAttribute('data-status', 'on-site');

  await page.goto(host.url);
  await tapAndChoose(page, 'end-work');
  await expect.poll(async () => (await standin.admin.registrations()).map((r) => r.registrationType)).toEqual(['IN', 'OUT']);

  await page.goto(`${host.url}#/roster`);
  await expect(page.getByTestId('roster-row').filter({ hasText: fullName })).toHaveAttribute('data-status', 'left');
});
