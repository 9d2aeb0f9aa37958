/**
 * eid_read_apdus_v17 / _v18: APDUs per identity read as the emulated card saw them (applet 1.7 and
 * 1.8 cards). eid_read_ms_p50: card inserted → identity parsed by the PC/SC card source, on the
 * real pcscd + vpcd stack (20 taps). eid_read_after_detect_ms_p50: from the moment PC/SC reported the
 * card (the source's `reading` event) to the parsed identity — the part this code controls; the
 * rest is pcscd polling the virtual reader for presence. Needs pcscd and vsmartcard-vpcd; waits for
 * /tmp/ciao-pcscd.lock like the PC/SC tests.
 */
import type { CardSourceEvent } from '../main/core/card/card-source.ts';
import { createPcscCardSource } from '../main/core/card/pcsc-card-source.node.ts';
import { insertCard, type CardProfileName } from '../test/support/pcsc/card-emulator.ts';
import { startPcscd } from '../test/support/pcsc/pcscd-harness.ts';
import { percentile, round, type Metrics } from './metrics.ts';

export async function run(): Promise<Metrics> {
  const pcscd = await startPcscd();
  const source = createPcscCardSource({ log: () => {} });
  let waiter: ((e: CardSourceEvent) => void) | null = null;
  let detectedAt = 0;
  let readersReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (readersReady = resolve));
  source.start((event) => {
    if (event.type === 'readers' && event.readers.length === 2) readersReady();
    if (event.type === 'reading') detectedAt = performance.now();
    if (event.type === 'card-read' || event.type === 'card-failed' || event.type === 'card-removed') waiter?.(event);
  });
  const next = (type: CardSourceEvent['type']) =>
    new Promise<CardSourceEvent>((resolve) => {
      waiter = (e) => {
        if (e.type === type || (type === 'card-read' && e.type === 'card-failed')) {
          waiter = null;
          resolve(e);
        }
      };
    });
  try {
    await ready;
    async function tap(profile: CardProfileName): Promise<{ ms: number; afterDetectMs: number; apdus: number }> {
      const read = next('card-read');
      const t0 = performance.now();
      const card = await insertCard(profile, pcscd.port);
      const event = await read;
      const parsedAt = performance.now();
      const ms = parsedAt - t0;
      if (event.type !== 'card-read') throw new Error(`the ${profile} card was not read: ${JSON.stringify(event)}`);
      const removed = next('card-removed');
      await card.remove();
      await removed;
      return { ms, afterDetectMs: parsedAt - detectedAt, apdus: card.apdus.length };
    }
    const v17 = await tap('beid-17');
    const v18 = await tap('beid-18');
    const times: number[] = [];
    const afterDetect: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const t = await tap(i % 2 === 0 ? 'beid-17' : 'beid-18');
      times.push(t.ms);
      afterDetect.push(t.afterDetectMs);
    }
    return {
      eid_read_apdus_v17: { value: v17.apdus, unit: 'APDUs' },
      eid_read_apdus_v18: { value: v18.apdus, unit: 'APDUs' },
      eid_read_ms_p50: { value: round(percentile(times, 50), 0), unit: 'ms' },
      eid_read_after_detect_ms_p50: { value: round(percentile(afterDetect, 50), 0), unit: 'ms' },
    };
  } finally {
    await source.stop();
    await pcscd.stop();
  }
}
