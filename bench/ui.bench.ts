/**
 * In Chromium against the real host, timed inside the page (one clock):
 * tap_to_screen_ms_p95 — a demo card presented (the identity is then already parsed) → the worker's
 * name visible; 30 taps. roster_render_ms — the roster page of 2,000 workers on site: navigation →
 * all 2,000 rows rendered, median of 5.
 */
import { chromium } from '@playwright/test';
import { join } from 'node:path';
import { demoSettings } from '../main/core/config/settings.ts';
import { createRegistrationService } from '../main/core/registration/registration-service.node.ts';
import { openDatabase } from '../main/core/store/database.node.ts';
import { createKioskStore } from '../main/core/store/kiosk-store.node.ts';
import { startKioskHost } from '../test/support/kiosk-host.ts';
import { syntheticNiss } from './fixtures.ts';
import { percentile, round, type Metrics } from './metrics.ts';

const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

/** 2,000 workers who started work today (through the registration service, as taps would). */
function seedRoster(dataDir: string): void {
  const db = openDatabase(join(dataDir, 'kiosk.sqlite'));
  const store = createKioskStore(db);
  const registrations = createRegistrationService({ store, settings: demoSettings() });
  db.transaction(() => {
    for (let i = 0; i < 2000; i += 1) {
      const worker = store.upsertWorkerFromCard({ nationalNumber: syntheticNiss(i), surname: `Worker ${i}`, firstNames: 'Test' }, new Date());
      registrations.record(worker, 'start-work', 'eid', new Date());
    }
  })();
  db.close();
}

export async function run(): Promise<Metrics> {
  const browser = await chromium.launch(LAUNCH);
  try {
    const host = await startKioskHost();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await page.waitForSelector('body[data-app-ready="true"]');
    const taps: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const ms = (await page.evaluate(`(async () => {
        const t0 = performance.now();
        const shown = new Promise((resolve) => {
          const check = () => (document.querySelector('[data-testid="worker-name"]') ? resolve(performance.now()) : requestAnimationFrame(check));
          check();
        });
        await fetch('api/invoke/presentDemoCard', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"demoCardId":"ana"}' });
        return (await shown) - t0;
      })()`)) as number;
      taps.push(ms);
      await page.getByTestId('cancel-tap').click();
      await page.getByTestId('idle-screen').waitFor();
    }
    await host.stop();

    const seeded = await startKioskHost(undefined, seedRoster);
    await page.goto(seeded.url);
    await page.waitForSelector('body[data-app-ready="true"]');
    const renders: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const ms = (await page.evaluate(`(async () => {
        const t0 = performance.now();
        location.hash = '#/roster';
        await new Promise((resolve) => {
          const check = () => (document.querySelectorAll('[data-testid="roster-row"]').length === 2000 ? resolve() : requestAnimationFrame(check));
          check();
        });
        const t1 = performance.now();
        location.hash = '';
        return t1 - t0;
      })()`)) as number;
      renders.push(ms);
      await page.getByTestId('idle-screen').waitFor();
    }
    await seeded.stop();
    return {
      tap_to_screen_ms_p95: { value: round(percentile(taps, 95), 1), unit: 'ms' },
      roster_render_ms: { value: round(percentile(renders, 50), 1), unit: 'ms' },
    };
  } finally {
    await browser.close();
  }
}
