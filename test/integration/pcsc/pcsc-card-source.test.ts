/**
 * The PC/SC card source on the real stack: pcscd + the vpcd virtual reader + emulated cards.
 * Inserting = connecting the emulator to vpcd; removing = closing it.
 */
import { existsSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardSourceEvent } from '../../../main/core/card/card-source.ts';
import { createPcscCardSource } from '../../../main/core/card/pcsc-card-source.node.ts';
import { insertCard, CARD_PROFILES, type CardProfileName } from '../../support/pcsc/card-emulator.ts';
import { startPcscd, type Pcscd } from '../../support/pcsc/pcscd-harness.ts';

let pcscd: Pcscd;
const source = createPcscCardSource({ log: () => {} });
const events: CardSourceEvent[] = [];
const waiters: Array<{ match: (e: CardSourceEvent) => boolean; resolve: (e: CardSourceEvent) => void }> = [];

function nextEvent(match: (e: CardSourceEvent) => boolean): Promise<CardSourceEvent> {
  const seen = events.find(match);
  if (seen) {
    events.splice(events.indexOf(seen), 1);
    return Promise.resolve(seen);
  }
  return new Promise((resolve) => waiters.push({ match, resolve }));
}

const isOutcome = (e: CardSourceEvent) => e.type === 'card-read' || e.type === 'card-failed';

/** Inserts a card, waits for its read outcome, removes it and waits for the removal. */
async function tap(name: CardProfileName, slot = 0) {
  const card = await insertCard(name, pcscd.port + slot);
  const outcome = await nextEvent(isOutcome);
  await card.remove();
  await nextEvent((e) => e.type === 'card-removed');
  return { outcome, apdus: card.apdus };
}

beforeAll(async () => {
  pcscd = await startPcscd();
  source.start((event) => {
    const waiter = waiters.find((w) => w.match(event));
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(event);
    } else events.push(event);
  });
  await nextEvent((e) => e.type === 'readers' && e.readers.length === 2);
});

afterAll(async () => {
  await source.stop();
  await pcscd.stop();
});

describe('PC/SC card source (pcscd + vpcd + emulated cards)', () => {
  it('sees both slots of the virtual reader', () => {
    expect(pcscd.readerNames).toEqual(['Lab eID Reader 00 00', 'Lab eID Reader 00 01']);
  });

  it('reads a Belgian eID (applet 1.7) in 2 APDUs: SELECT by path, one READ BINARY that reaches the padding', async () => {
    const { outcome, apdus } = await tap('beid-17');
    expect(outcome).toEqual({
      type: 'card-read',
      reading: { kind: 'eid', reader: 'Lab eID Reader 00 00', identity: CARD_PROFILES['beid-17'].identity },
    });
    expect(apdus).toEqual(['00A4080C04DF014031', '00B0000000']);
  });

  it('reads an applet 1.8 card and a foreigner residence card', async () => {
    expect((await tap('beid-18')).outcome).toMatchObject({ type: 'card-read', reading: { kind: 'eid' } });
    expect((await tap('beid-foreigner')).outcome).toMatchObject({
      type: 'card-read',
      reading: { identity: { nationalNumber: '79080816153', surname: 'Wiśniewska' } },
    });
  });

  it('a card answering 6Cxx to Le=00 is read with the length it gives (3 APDUs)', async () => {
    const { outcome, apdus } = await tap('beid-6c');
    expect(outcome).toMatchObject({ type: 'card-read', reading: { identity: CARD_PROFILES['beid-6c'].identity } });
    expect(apdus).toHaveLength(3);
    expect(apdus[1]).toBe('00B0000000');
    expect(apdus[2]?.slice(0, 8)).toBe('00B00000');
  });

  it('falls back to FID-by-FID selection when a card refuses the path', async () => {
    const { outcome, apdus } = await tap('beid-path-refused');
    expect(outcome).toMatchObject({ type: 'card-read' });
    expect(apdus.slice(0, 4)).toEqual(['00A4080C04DF014031', '00A4020C023F00', '00A4020C02DF01', '00A4020C024031']);
  });

  it('reads a contactless badge UID with GET DATA, in the second slot too', async () => {
    const { outcome, apdus } = await tap('badge', 1);
    expect(outcome).toEqual({ type: 'card-read', reading: { kind: 'badge', reader: 'Lab eID Reader 00 01', uid: '04A2B3C4D5E680' } });
    expect(apdus).toEqual(['FFCA000000']);
  });

  it.each([
    ['unknown-contact-card', 'unknown-card'],
    ['beid-corrupt', 'unreadable-card'],
    ['beid-bad-niss', 'invalid-number'],
  ] as const)('%s → %s', async (profile, code) => {
    expect((await tap(profile)).outcome).toMatchObject({ type: 'card-failed', code });
  });

  it('a card pulled mid-read is reported, and the next insert reads fine', async () => {
    const card = await insertCard('beid-removed-mid-read', pcscd.port);
    const outcome = await nextEvent(isOutcome);
    expect(outcome).toMatchObject({ type: 'card-failed', code: 'card-removed' });
    await card.dropped;
    await nextEvent((e) => e.type === 'card-removed');
    expect((await tap('beid-17')).outcome).toMatchObject({ type: 'card-read' });
  });

  it('reports every presentation of a card; the kiosk, not the reader, decides what a repeat means', async () => {
    const first = await tap('beid-foreigner', 1);
    const second = await tap('beid-foreigner', 1);
    expect(first.outcome).toMatchObject({ type: 'card-read' });
    expect(second.outcome).toEqual(first.outcome);
    expect(events.filter(isOutcome)).toEqual([]);
  });

  it('reads through its own pcscd socket, never the system one', () => {
    expect(pcscd.socket).not.toBe('/run/pcscd/pcscd.comm');
    expect(process.env.PCSCLITE_CSOCK_NAME).toBe(pcscd.socket);
  });

  // Last two: they replace the shared pcscd.
  it('survives a pcscd restart: reports the service gone, then finds the readers again', async () => {
    await pcscd.stop();
    await nextEvent((e) => e.type === 'unavailable');
    pcscd = await startPcscd();
    await nextEvent((e) => e.type === 'readers' && e.readers.length === 2);
    expect((await tap('beid-17')).outcome).toMatchObject({ type: 'card-read' });
  });

  it('a pcscd killed with SIGKILL leaves a stale socket: reported unavailable, no freeze, no spinning; a new pcscd is picked up', async () => {
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();

    await pcscd.kill();
    expect(existsSync(pcscd.socket)).toBe(true);
    const stale = await nextEvent((e) => e.type === 'unavailable' && e.detail.includes('stale'));
    expect(stale).toMatchObject({ type: 'unavailable', detail: expect.stringContaining(pcscd.socket) });
    pcscd = await startPcscd();
    await nextEvent((e) => e.type === 'readers' && e.readers.length === 2);

    loopDelay.disable();
    const cpu = process.cpuUsage(cpuBefore);
    const wallMs = performance.now() - wallBefore;
    // Opening a context on the stale socket would block this thread in a busy loop: the event loop
    // would stall and this process would burn a whole core for the entire outage.
    expect(loopDelay.max / 1e6).toBeLessThan(1_000);
    expect((cpu.user + cpu.system) / 1000 / wallMs).toBeLessThan(0.5);
    expect((await tap('beid-17')).outcome).toMatchObject({ type: 'card-read' });
  });
});
