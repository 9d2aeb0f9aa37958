/**
 * Exactly once, in effect: 5,000 registrations are synced to the stand-in (its own process, real
 * HTTP) while 30 % of the calls fail in every injected way — some before the stand-in stores the
 * batch, some after (connection dropped, 500, malformed body), 401, 429. In the end the stand-in
 * holds each registration once and the kiosk marks each accepted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startKioskApp, type KioskApp } from '../../../main/core/app/kiosk-app.node.ts';
import { demoSettings } from '../../../main/core/config/settings.ts';
import { createDemoCardSource } from '../../../main/core/demo/demo-card-source.ts';
import { createOnssClient } from '../../../main/core/onss/onss-client.ts';
import { createOnssSender } from '../../../main/core/onss/onss-adapters.ts';
import { FAULT_KINDS } from '../../../standin/onss/server.ts';
import { registerBurst } from '../../support/registration-burst.ts';
import { startStandin, type Standin } from '../../support/onss-standin.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('sync to ONSS', () => {
  let standin: Standin | null = null;
  let app: KioskApp | null = null;
  const temp = makeTempDir();
  afterEach(async () => {
    await app?.stop();
    await standin?.stop();
  });

  function kiosk(s: Standin, dir: string): KioskApp {
    const demo = createDemoCardSource();
    let observe: ((date: Date, at: number) => void) | null = null;
    const client = createOnssClient({
      baseUrl: s.baseUrl,
      tokenUrl: s.tokenUrl,
      clientId: s.clientId,
      privateKeyPem: s.privateKeyPem,
      timeoutMs: 5_000,
      onServerDate: (date, at) => observe?.(date, at),
    });
    const started = startKioskApp({
      settings: { ...demoSettings(), tapTimeoutSeconds: 120 },
      dataDir: dir,
      cardSources: [demo],
      demoCards: demo,
      sender: createOnssSender(client),
      syncBackoff: { baseMs: 5, maxMs: 100 },
      log: () => {},
    });
    observe = started.observeServerDate;
    return started;
  }

  it('stores each of 5,000 registrations exactly once while 30 % of calls fail in every way', async () => {
    standin = await startStandin({ faults: { rate: 0.3, kinds: [...FAULT_KINDS], latencyMs: 20 }, seed: 42 });
    app = kiosk(standin, `${temp.dir}/faults`);
    const refs = await registerBurst(app, 5000);
    await app.outbox.whenIdle();

    const stored = await standin.admin.registrations();
    const counts = new Map<string, number>();
    for (const r of stored) counts.set(r.clientRef ?? '', (counts.get(r.clientRef ?? '') ?? 0) + 1);
    expect(stored).toHaveLength(5000);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(refs)).toEqual(new Set(counts.keys()));
    const stats = await standin.admin.stats();
    expect(stats.faultsInjected).toBeGreaterThan(0);

    const states = app.store.outboxCounts();
    expect(states.queued).toBe(0);
    expect(app.outbox.status()).toMatchObject({ queued: 0, online: true, lastError: null });
  }, 240_000);

  it('recovers when the access token expires mid-sync', async () => {
    standin = await startStandin({ tokenLifetimeSeconds: 3600 });
    app = kiosk(standin, `${temp.dir}/token`);
    await registerBurst(app, 50);
    await app.outbox.whenIdle();
    await standin.admin.expireTokens();
    await registerBurst(app, 50);
    await app.outbox.whenIdle();
    const stats = await standin.admin.stats();
    expect(stats.tokenRequests).toBe(2);
    // ONSS's answers carry its clock: the stand-in runs on this machine, so the clocks agree.
    const clock = app.outbox.status().clock;
    expect(clock).toMatchObject({ lastJumpAt: null, ok: true });
    expect(Math.abs(clock.offsetSeconds ?? 99)).toBeLessThanOrEqual(1);
    expect(await standin.admin.registrations()).toHaveLength(100);
  });

  it('keeps registrations queued while ONSS is unreachable and sends them once it is back', async () => {
    standin = await startStandin({ faults: { rate: 1, kinds: ['503'] } });
    app = kiosk(standin, `${temp.dir}/offline`);
    const running = app;
    const wentOffline = new Promise<void>((resolve) =>
      running.onEvent((e) => {
        if (e.type === 'sync' && !e.status.online) resolve();
      }),
    );
    await registerBurst(app, 20);
    await wentOffline;
    expect(app.store.outboxCounts().queued).toBe(20);
    expect(app.outbox.status()).toMatchObject({ online: false, lastError: { key: 'sync.error.server' } });
    await standin.admin.setFaults({ rate: 0, kinds: [] });
    await app.outbox.whenIdle();
    expect(await standin.admin.registrations()).toHaveLength(20);
    expect(app.outbox.status()).toMatchObject({ queued: 0, online: true });
  });
});
