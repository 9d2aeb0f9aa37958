/**
 * A USB keyboard-wedge badge reader on a Belgian AZERTY keyboard: it sends the physical digit keys,
 * which that layout turns into the characters &é"'(§è!çà. The kiosk must read the badge number, not
 * the characters, and show it for an unknown badge so the supervisor can enrol it.
 */
import { expect, test } from '@playwright/test';
import { startKioskHost, type KioskHost } from '../support/kiosk-host.ts';

let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost();
});
test.afterAll(async () => {
  await host?.stop();
});

const AZERTY_DIGITS: Record<string, string> = { '1': '&', '2': 'é', '3': '"', '4': "'", '5': '(', '6': '§', '7': 'è', '8': '!', '9': 'ç', '0': 'à' };

test('an unknown badge typed by a keyboard-wedge reader under AZERTY shows its number', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  // One burst, as fast as a reader types: key = what AZERTY prints, code = the physical key.
  // (Browser-side code as a string: the test's TypeScript program has no DOM types.)
  const keys = [...'04123987'].map((digit) => ({ key: AZERTY_DIGITS[digit], code: `Digit${digit}` }));
  await page.evaluate(`
    for (const k of ${JSON.stringify([...keys, { key: 'Enter', code: 'Enter' }])}) {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: k.key, code: k.code, bubbles: true }));
    }
  `);
  await expect(page.getByTestId('error-screen')).toBeVisible();
  await expect(page.getByTestId('badge-number')).toContainText('04123987');
});
