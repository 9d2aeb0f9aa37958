/**
 * The kiosk app as unit tests use it: a real SQLite file in `dataDir`, the demo card source, and —
 * unless a test gives its own sender — a site without internet (the normal case the kiosk handles).
 */
import type { KioskEvent } from '../../preload/api.ts';
import { startKioskApp, type KioskApp, type KioskAppOptions } from '../../main/core/app/kiosk-app.node.ts';
import { demoSettings } from '../../main/core/config/settings.ts';
import { createDemoCardSource } from '../../main/core/demo/demo-card-source.ts';
import { SendFailure, type PresenceSender } from '../../main/core/sync/presence-sender.ts';

export const OFFLINE: PresenceSender = { send: () => Promise.reject(new SendFailure('network', 'offline')) };

export interface TestKiosk {
  app: KioskApp;
  events: KioskEvent[];
  /** The id of the last tap prompt the kiosk opened. */
  lastTapId(): string;
}

export function startTestKiosk(options: Partial<KioskAppOptions> & { dataDir: string }): TestKiosk {
  const demo = createDemoCardSource();
  const app = startKioskApp({
    settings: demoSettings(),
    sender: OFFLINE,
    log: () => {},
    ...options,
    cardSources: [demo, ...(options.cardSources ?? [])],
    demoCards: demo,
  });
  const events: KioskEvent[] = [];
  app.onEvent((e) => events.push(e));
  return {
    app,
    events,
    lastTapId() {
      const tap = events.filter((e) => e.type === 'tap').at(-1);
      if (tap?.type !== 'tap') throw new Error('no tap prompt was opened');
      return tap.prompt.tapId;
    },
  };
}
