/**
 * Electron entry (bundled to out/electron/): composes the kiosk core the way the browser host does
 * and hands it to the shell lifecycle. Everything Electron-specific lives in lifecycle.main.ts.
 */
import { startKioskApp } from '../core/app/kiosk-app.node.ts';
import { connectOnss } from '../core/app/onss-connection.node.ts';
import type { CardSource } from '../core/card/card-source.ts';
import { createPcscCardSource } from '../core/card/pcsc-card-source.node.ts';
import { createDemoCardSource } from '../core/demo/demo-card-source.ts';
import { runKioskMain, type StartCore } from './lifecycle.main.ts';

const startCore: StartCore = async ({ settings, dataDir, log }) => {
  const onss = await connectOnss(settings, dataDir, log);
  const demo = settings.demo ? createDemoCardSource() : null;
  const sources: CardSource[] = [createPcscCardSource({ log }), ...(demo ? [demo] : [])];
  const kiosk = startKioskApp({ settings, dataDir, cardSources: sources, sender: onss.sender, log, ...(demo ? { demoCards: demo } : {}) });
  return {
    dispatch: kiosk.dispatch,
    onEvent: kiosk.onEvent,
    async stop() {
      await kiosk.stop();
      await onss.stop();
    },
  };
};

runKioskMain(startCore);
