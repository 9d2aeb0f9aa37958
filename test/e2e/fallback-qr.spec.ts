/**
 * When no card reader works, the idle screen shows the active declaration's smartphone-channel QR code
 * (ONSS: if the badge system fails, use another channel). Checked by decoding the screenshot with zbarimg.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import type { Settings } from '../../main/core/config/settings.ts';
import { validateDeclaration } from '../../main/core/declarations/declaration.ts';
import { startKioskHost, type KioskHost } from '../support/kiosk-host.ts';

let host: KioskHost;
let settings: Settings;
test.beforeAll(async () => {
  // No demo cards, and no pcscd in this test: the kiosk has no working reader.
  host = await startKioskHost((s) => (settings = { ...s, demo: false }));
});
test.afterAll(async () => {
  await host?.stop();
});

test('no reader: the idle screen shows the QR code of the declaration, which decodes to its URL', async ({ page }, testInfo) => {
  const first = validateDeclaration(settings.declarations[0], settings.smartphoneUrlTemplate);
  const url = first.ok ? first.declaration.smartphoneUrl : null;
  expect(url).toMatch(/^https:\/\//);
  await page.goto(host.url);
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  const qr = page.getByTestId('fallback-qr');
  await expect(qr).toHaveAttribute('data-url', url as string);
  const shot = testInfo.outputPath('fallback-qr.png');
  await qr.locator('img').screenshot({ path: shot });
  expect(execFileSync('zbarimg', ['--raw', '-q', shot], { encoding: 'utf8' }).trim()).toBe(url);
});
