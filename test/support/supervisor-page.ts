/** Supervisor mode in the page, as the e2e specs reach it: jan (the demo supervisor) taps his demo card and chooses a first PIN. */
import { expect, type Page } from '@playwright/test';

export const PIN = '4826';

/** The README's screenshots are refreshed only on request (`CIAO_UPDATE_SCREENSHOTS=1`); a normal run leaves docs/ alone. */
export const SCREENSHOTS = process.env.CIAO_UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'out/test-results/screenshots';

export async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByTestId(`pin-digit-${digit}`).click();
  await page.getByTestId('pin-ok').click();
}

export async function janToPinPad(page: Page): Promise<void> {
  await page.getByTestId('demo-card-jan').click();
  await page.getByTestId('supervisor-button').click();
  await expect(page.getByTestId('pin-pad')).toBeVisible();
}

/** First unlock of a fresh kiosk: choose the PIN, confirm it. */
export async function setFirstPin(page: Page): Promise<void> {
  await janToPinPad(page);
  await typePin(page, PIN);
  await expect(page.getByTestId('pin-pad')).toHaveAttribute('data-stage', 'choose');
  await typePin(page, PIN);
  await expect(page.getByTestId('pin-pad')).toHaveAttribute('data-stage', 'confirm');
  await typePin(page, PIN);
  await expect(page.getByTestId('supervisor-screen')).toBeVisible();
}
