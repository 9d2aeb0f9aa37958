/**
 * Every fault the stand-in can inject reaches the client as the typed error the sync worker decides
 * on; faults after the commit leave the batch stored, and resending it is safe. Token expiry
 * mid-run is recovered by one fresh token.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOnssClient } from '../../../main/core/onss/onss-client.ts';
import { OnssTransportError } from '../../../main/core/onss/transport-error.ts';
import type { PresenceSubmission } from '../../../main/core/onss/wire-format.ts';
import type { FaultKind } from '../../../standin/onss/server.ts';
import { startStandin, type Standin } from '../../support/onss-standin.ts';

let standin: Standin;
let counter = 0;

function presence(): PresenceSubmission {
  counter += 1;
  return {
    clientPresenceRegistrationReference: `fault-${counter}`,
    inss: '85073003328',
    companyId: '0403019261',
    workPlaceId: 'DEMO000000001',
    registrationType: counter % 2 === 1 ? 'IN' : 'OUT',
    registrationDateTime: new Date().toISOString(),
  };
}

async function failure(promise: Promise<unknown>): Promise<OnssTransportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OnssTransportError);
  return error as OnssTransportError;
}

beforeAll(async () => {
  standin = await startStandin({ seed: 7 });
});
afterAll(async () => {
  await standin?.stop();
});
beforeEach(async () => {
  await standin.admin.setFaults({ rate: 0 });
  await standin.admin.reset();
});

describe('ONSS stand-in faults → typed client errors', () => {
  const cases: Array<[FaultKind, OnssTransportError['kind'], boolean]> = [
    ['drop-after-commit', 'network', true],
    ['500-after-commit', 'server', true],
    ['malformed', 'malformed', true],
    ['401', 'unauthorized', false],
    ['429', 'rate-limited', false],
    ['503', 'rate-limited', false],
  ];

  it.each(cases)('%s → %s (stored before the failure: %s), and a resend stores nothing twice', async (fault, kind, committed) => {
    const client = createOnssClient(standin.clientOptions({ timeoutMs: 5_000 }));
    await client.registerPresences([presence()]); // a token, before the faults start
    await standin.admin.setFaults({ rate: 1, kinds: [fault] });
    const batch = [presence(), presence()];
    const error = await failure(client.registerPresences(batch));
    expect(error.kind).toBe(kind);
    if (fault === '429') expect(error.retryAfterMs).toBe(1000);
    const refs = (await standin.admin.registrations()).map((r) => r.clientRef);
    expect(refs.includes(batch[0]!.clientPresenceRegistrationReference)).toBe(committed);

    await standin.admin.setFaults({ rate: 0 });
    const outcomes = await client.registerPresences(batch);
    expect(outcomes.map((o) => o.reference)).toEqual(batch.map((b) => b.clientPresenceRegistrationReference));
    const stored = await standin.admin.registrations();
    expect(stored).toHaveLength(3);
    expect(stored.filter((r) => r.clientRef === batch[0]!.clientPresenceRegistrationReference)[0]?.submissions).toBe(committed ? 2 : 1);
  });

  it('latency beyond the client timeout → network, and the late answer is still stored once', async () => {
    const client = createOnssClient(standin.clientOptions({ timeoutMs: 300 }));
    await client.registerPresences([presence()]);
    await standin.admin.setFaults({ rate: 1, kinds: ['latency'], latencyMs: 1_500 });
    const batch = [presence()];
    const error = await failure(client.registerPresences(batch));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/in time/);
    await standin.admin.setFaults({ rate: 0 });
    // The slow call commits after its delay; the resend is answered from the same record either way.
    await createOnssClient(standin.clientOptions()).registerPresences(batch);
    await expect.poll(async () => (await standin.admin.registrations()).filter((r) => r.clientRef === batch[0]!.clientPresenceRegistrationReference)).toHaveLength(1);
  });

  it('a 401 is retried once with a fresh token: a token revoked mid-run is recovered (a persisting 401 fails, above)', async () => {
    const client = createOnssClient(standin.clientOptions());
    await client.registerPresences([presence()]);
    await standin.admin.expireTokens();
    const outcomes = await client.registerPresences([presence()]);
    expect(outcomes[0]?.kind).not.toBe('rejected');
    expect(await standin.admin.stats()).toMatchObject({ tokenRequests: 2, registrationsStored: 2 });
  });

  it('a token that runs out by its lifetime is renewed before use', async () => {
    const shortLived = await startStandin({ tokenLifetimeSeconds: 1 });
    try {
      const client = createOnssClient(shortLived.clientOptions());
      await client.registerPresences([presence()]);
      // Each call after the renewal point (half of a 1 s lifetime) asks for a new token first.
      await expect
        .poll(async () => {
          await client.registerPresences([presence()]);
          return (await shortLived.admin.stats()).tokenRequests;
        })
        .toBeGreaterThan(1);
      const stats = await shortLived.admin.stats();
      expect(stats.registrationsStored).toBe(stats.presenceCalls);
    } finally {
      await shortLived.stop();
    }
  });

  it('a connection refused → network', async () => {
    const gone = await startStandin();
    const client = createOnssClient(gone.clientOptions());
    await gone.stop();
    expect((await failure(client.registerPresences([presence()]))).kind).toBe('network');
  });

  it('a seeded fault rate injects the same faults in the same order', async () => {
    async function run(): Promise<string[]> {
      const s = await startStandin({ seed: 99, faults: { rate: 0.5, kinds: ['500-after-commit', '429', 'malformed'] } });
      try {
        const client = createOnssClient(s.clientOptions());
        const seen: string[] = [];
        for (let i = 0; i < 12; i += 1) {
          seen.push(await client.registerPresences([presence()]).then(() => 'ok', (e: OnssTransportError) => e.kind));
        }
        return seen;
      } finally {
        await s.stop();
      }
    }
    const first = await run();
    expect(first).toEqual(await run());
    expect(first).toContain('ok');
    expect(first.some((k) => k !== 'ok')).toBe(true);
  });

  it('faults can be read back and changed at run time', async () => {
    await standin.admin.setFaults({ rate: 0.25, kinds: ['429', 'latency'], latencyMs: 10 });
    expect(await standin.admin.faults()).toEqual({ rate: 0.25, kinds: ['429', 'latency'], latencyMs: 10 });
    const res = await fetch(`${standin.url}/__admin/faults`, { method: 'POST', body: JSON.stringify({ rate: 2, kinds: ['nope'] }) });
    expect(res.status).toBe(400);
  });
});
