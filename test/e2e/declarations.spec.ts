/**
 * Declarations and the poster in supervisor mode, in Chromium against the real host: everything is
 * typed on the on-screen keyboard. A refused enterprise number is shown on its field and not stored;
 * a valid declaration and an edit are stored; the previewed poster's QR code decodes to exactly the
 * declaration's URL; and the declaration made active is the one whose QR code the idle screen shows
 * when no reader works (a restart without demo cards, on the same database).
 * In Arabic, the form reads right to left and GPS coordinates outside Belgium are refused.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startKioskHost, type KioskHost } from '../support/kiosk-host.ts';
import { SCREENSHOTS, setFirstPin } from '../support/supervisor-page.ts';

const hosts: KioskHost[] = [];
test.afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

async function openSupervisorDeclarations(page: Page, lang = 'en'): Promise<KioskHost> {
  const host = await startKioskHost();
  hosts.push(host);
  await page.goto(`${host.url}?lang=${lang}`);
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  await setFirstPin(page);
  await page.getByTestId('supervisor-tab-declarations').click();
  await expect(page.getByTestId('declaration-item')).toHaveCount(1);
  return host;
}

/** Replaces a field's text, key by key on the on-screen keyboard (switching small/capital letters as needed). */
async function typeField(page: Page, field: string, text: string): Promise<void> {
  await page.getByTestId(`declaration-field-${field}`).click();
  await page.getByTestId('declaration-clear-field').click();
  const caseKey = page.getByTestId('key-case');
  for (const c of text) {
    if (/[a-zA-Z]/.test(c) && (await caseKey.count()) > 0) {
      const small = (await caseKey.getAttribute('aria-pressed')) === 'true';
      if (small !== (c === c.toLowerCase())) await caseKey.click();
    }
    await page.getByTestId(c === ' ' ? 'key-space' : `key-${c}`).click();
  }
  await expect(page.getByTestId(`declaration-value-${field}`)).toHaveText(text);
}

const GARE_MARITIME = {
  dowNumber: 'GM2026X9',
  workplaceId: 'GM00000000002',
  employerName: 'CLEAN NV',
  siteName: 'GARE MARITIME',
  street: 'PICARDSTRAAT 11',
  postalCode: '1000',
  municipality: 'BRUSSEL',
};

async function fillNew(page: Page, enterpriseNumber: string): Promise<void> {
  await page.getByTestId('declaration-new').click();
  for (const [field, text] of Object.entries({ ...GARE_MARITIME, enterpriseNumber })) await typeField(page, field, text);
  await page.getByTestId('declaration-region-flanders').click();
}

function item(page: Page, dow: string): Locator {
  return page.locator(`[data-testid="declaration-item"][data-dow="${dow}"]`);
}

test('an invalid enterprise number is refused on its field and not saved; a valid one and an edit are', async ({ page }) => {
  await openSupervisorDeclarations(page);
  await expect(item(page, 'DEMO2026A1B2C3')).toHaveAttribute('data-active', 'true');

  await fillNew(page, '0428759498');
  await page.getByTestId('declaration-save').click();
  const error = page.getByTestId('declaration-error-enterpriseNumber');
  await expect(error).toHaveAttribute('data-key', 'declaration.error.enterpriseNumber.checksum');
  await expect(error).toHaveText('This enterprise number does not exist: check the digits');
  await expect(page.getByTestId('declaration-field-enterpriseNumber')).toHaveAttribute('aria-invalid', 'true');
  // A 1280×1024 touch screen, a common kiosk size: the fields above the keyboard that stays in reach.
  await page.setViewportSize({ width: 1280, height: 1024 });
  await page.getByTestId('declaration-form').locator('h2').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/declaration-form-en.png` });
  await page.getByTestId('declaration-cancel').click();

  // Reopened: still only the seeded declaration.
  await page.getByTestId('supervisor-tab-roster').click();
  await page.getByTestId('supervisor-tab-declarations').click();
  await expect(page.getByTestId('declaration-item')).toHaveCount(1);
  await expect(item(page, 'GM2026X9')).toHaveCount(0);

  await fillNew(page, '0428759497');
  await page.getByTestId('declaration-save').click();
  await expect(page.getByTestId('declarations-status')).toHaveText('Declaration GM2026X9 saved');
  await expect(item(page, 'GM2026X9')).toHaveAttribute('data-active', 'false');
  await expect(item(page, 'GM2026X9')).toContainText('CLEAN NV · 0428.759.497');
  // Its workplace is not the one this kiosk registers for: said on the item, not on the seeded one.
  await expect(item(page, 'GM2026X9').getByTestId('declaration-other-workplace')).toContainText('workplace DEMO000000001 of 0403.019.261');
  await expect(page.getByTestId('declaration-other-workplace')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENSHOTS}/declarations-en.png`, fullPage: true });

  await item(page, 'GM2026X9').getByTestId('declaration-edit').click();
  await typeField(page, 'siteName', 'Gare Maritime Hall 3');
  await page.getByTestId('declaration-save').click();
  await page.getByTestId('supervisor-tab-roster').click();
  await page.getByTestId('supervisor-tab-declarations').click();
  await expect(item(page, 'GM2026X9')).toContainText('Gare Maritime Hall 3');
});

test('the previewed poster decodes to exactly the typed smartphone URL; the active declaration moves the idle-screen QR code', async ({ page }, testInfo) => {
  const demo = await openSupervisorDeclarations(page);
  const url = 'https://example.be/dow/GM2026X9?site=3';
  await fillNew(page, '0428759497');
  await typeField(page, 'smartphoneUrl', url);
  await page.getByTestId('declaration-preview').click();
  await expect(page.getByTestId('poster-preview')).toHaveAttribute('src', /^blob:/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('declaration-save-pdf').click()]);
  expect(download.suggestedFilename()).toBe('poster-GM2026X9.pdf');
  const pdf = testInfo.outputPath('poster.pdf');
  await download.saveAs(pdf);
  execFileSync('pdftoppm', ['-r', '150', '-png', pdf, testInfo.outputPath('page')]);
  const pages = readdirSync(testInfo.outputPath()).filter((f) => f.startsWith('page') && f.endsWith('.png'));
  expect(pages).toHaveLength(1); // Flanders: Dutch only
  expect(execFileSync('zbarimg', ['--raw', '-q', testInfo.outputPath(pages[0]!)], { encoding: 'utf8' }).trim()).toBe(url);

  await page.getByTestId('declaration-save').click();
  await expect(item(page, 'GM2026X9').getByTestId('declaration-url')).toHaveText(url);
  // The active declaration cannot be deleted; the other one can be made active.
  await expect(item(page, 'DEMO2026A1B2C3').getByTestId('declaration-delete')).toHaveCount(0);
  await item(page, 'GM2026X9').getByTestId('declaration-activate').click();
  await expect(item(page, 'GM2026X9')).toHaveAttribute('data-active', 'true');
  await expect(item(page, 'DEMO2026A1B2C3')).toHaveAttribute('data-active', 'false');

  // The same database on a kiosk without any working reader (no demo cards, no pcscd).
  const stopped = new Promise((resolve) => demo.process.once('exit', resolve));
  demo.process.kill('SIGTERM');
  await stopped;
  const noReader = await startKioskHost(
    (s) => ({ ...s, demo: false }),
    (dir) => copyFileSync(join(demo.dataDir, 'kiosk.sqlite'), join(dir, 'kiosk.sqlite')),
  );
  hosts.push(noReader);
  await page.goto(noReader.url);
  const qr = page.getByTestId('fallback-qr');
  await expect(qr).toHaveAttribute('data-url', url);
  const shot = testInfo.outputPath('fallback-qr.png');
  await qr.locator('img').screenshot({ path: shot });
  expect(execFileSync('zbarimg', ['--raw', '-q', shot], { encoding: 'utf8' }).trim()).toBe(url);
});

test('in Arabic the form reads right to left; GPS outside Belgium is refused on its field, inside it is saved', async ({ page }) => {
  await openSupervisorDeclarations(page, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await fillNew(page, '0428759497');
  await expect(page.getByTestId('declaration-form')).toContainText('خط العرض (GPS)');
  // Typed values stay left to right inside the right-to-left form.
  await expect(page.getByTestId('declaration-value-enterpriseNumber')).toHaveAttribute('dir', 'ltr');
  await typeField(page, 'lat', '48.85');
  await typeField(page, 'lon', '2.35');
  await page.getByTestId('declaration-save').click();
  await expect(page.getByTestId('declaration-error-gps')).toHaveAttribute('data-key', 'declaration.error.gps');
  await expect(page.getByTestId('declaration-form')).toBeVisible();

  await typeField(page, 'lat', '50.8662');
  await typeField(page, 'lon', '4.3471');
  await page.getByTestId('declaration-save').click();
  await expect(page.getByTestId('declarations-status')).toContainText('GM2026X9');
  await item(page, 'GM2026X9').getByTestId('declaration-edit').click();
  await expect(page.getByTestId('declaration-value-lat')).toHaveText('50.8662');
  await expect(page.getByTestId('declaration-value-lon')).toHaveText('4.3471');
});
