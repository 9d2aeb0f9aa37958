/**
 * Makes N registrations the only way the kiosk allows: a (demo) card tap, then the worker's choice
 * for that live tap. Workers alternate IN and OUT so the data looks like real shifts.
 */
import type { KioskEvent } from '../../preload/api.ts';
import type { KioskApp } from '../../main/core/app/kiosk-app.node.ts';

const PEOPLE = ['ana', 'jan', 'fatima', 'krzysztof'] as const;

export async function registerBurst(app: KioskApp, count: number): Promise<string[]> {
  let lastTap: string | null = null;
  const off = app.onEvent((e: KioskEvent) => {
    if (e.type === 'tap') lastTap = e.prompt.tapId;
  });
  const refs: string[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      await app.api.presentDemoCard({ demoCardId: PEOPLE[i % PEOPLE.length] as string });
      if (!lastTap) throw new Error('the demo tap opened no prompt');
      const round = Math.floor(i / PEOPLE.length);
      const receipt = await app.api.register({ tapId: lastTap, intent: round % 2 === 0 ? 'start-work' : 'end-work' });
      refs.push(receipt.registrationId);
      lastTap = null;
    }
  } finally {
    off();
  }
  return refs;
}
