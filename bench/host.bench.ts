/**
 * host_start_ms: process spawn → the host's ready line (median of 5 cold starts, demo settings,
 * which includes starting the ONSS stand-in child). host_rss_mb: the host's resident memory after
 * start and 200 API calls.
 */
import { readFileSync } from 'node:fs';
import { startKioskHost } from '../test/support/kiosk-host.ts';
import { percentile, round, type Metrics } from './metrics.ts';

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

export async function run(): Promise<Metrics> {
  const starts: number[] = [];
  let rss = 0;
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    const host = await startKioskHost();
    starts.push(performance.now() - t0);
    if (i === 0) {
      for (let n = 0; n < 200; n += 1) {
        const res = await fetch(new URL('api/invoke/getSnapshot', host.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        await res.json();
      }
      rss = rssMb(host.process.pid as number);
    }
    await host.stop();
  }
  return {
    host_start_ms: { value: round(percentile(starts, 50), 0), unit: 'ms' },
    host_rss_mb: { value: round(rss, 1), unit: 'MiB' },
  };
}
