/**
 * A kiosk host started by a test reads only the pcscd it is given: without one, an emulated card
 * sitting in another test's pcscd is invisible to it; with this pcscd's socket, the card is read.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KioskEvent, KioskSnapshot } from '../../../preload/api.ts';
import { startKioskHost, type KioskHost } from '../../support/kiosk-host.ts';
import { startStandin } from '../../support/onss-standin.ts';
import { insertCard, CITIZEN, type InsertedCard } from '../../support/pcsc/card-emulator.ts';
import { startPcscd, type Pcscd } from '../../support/pcsc/pcscd-harness.ts';

type ApiReply<T> = { ok: true; value: T } | { ok: false };

let pcscd: Pcscd;
let card: InsertedCard;
let host: KioskHost | null = null;

async function snapshot(of: KioskHost): Promise<KioskSnapshot> {
  const res = await fetch(new URL('api/invoke/getSnapshot', of.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const reply = (await res.json()) as ApiReply<KioskSnapshot>;
  if (!reply.ok) throw new Error(JSON.stringify(reply));
  return reply.value;
}

/** Resolves with the first event of the host's stream that matches. */
async function nextEvent(of: KioskHost, match: (e: KioskEvent) => boolean): Promise<KioskEvent> {
  const controller = new AbortController();
  const res = await fetch(new URL('api/events', of.url), { signal: controller.signal });
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const data = buffer.slice(0, cut).split('\n').find((l) => l.startsWith('data: '));
        buffer = buffer.slice(cut + 2);
        if (!data) continue;
        const event = JSON.parse(data.slice(6)) as KioskEvent;
        if (match(event)) return event;
      }
    }
  } finally {
    controller.abort();
  }
  throw new Error('event stream ended');
}

beforeAll(async () => {
  pcscd = await startPcscd();
  card = await insertCard('beid-17', pcscd.port);
});
afterEach(async () => {
  await host?.stop();
  host = null;
});
afterAll(async () => {
  await card.remove();
  await pcscd.stop();
});

describe('kiosk hosts and pcscd', () => {
  it('a host given no pcscd reports the PC/SC service missing and sees no reader of ours', async () => {
    // Outside demo mode, so no demo reader hides what the PC/SC source reports.
    const standin = await startStandin({ workplaces: ['DEMO000000001'] });
    try {
      host = await startKioskHost((s) => ({
        ...s,
        demo: false,
        onss: { target: 'custom', baseUrl: standin.baseUrl, tokenUrl: standin.tokenUrl, clientId: standin.clientId, privateKeyPath: standin.privateKeyPath },
      }));
    } finally {
      await standin.stop();
    }
    const { reader, pendingTap } = await snapshot(host);
    expect(reader).toMatchObject({ state: 'unavailable', readers: [] });
    expect(pendingTap).toBeNull();
  });

  it('a host given this pcscd reads the card inserted there', async () => {
    host = await startKioskHost(undefined, undefined, pcscd.socket);
    const tap = nextEvent(host, (e) => e.type === 'tap');
    // The card was inserted before the host started: PC/SC reports it once the reader is found.
    expect(await tap).toMatchObject({ type: 'tap', prompt: { worker: { displayName: `${CITIZEN.firstNames} ${CITIZEN.surname}` } } });
  });
});
