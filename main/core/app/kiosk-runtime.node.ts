/**
 * Everything both shells start, in one place: the ONSS connection (the stand-in in demo mode), the
 * card sources (PC/SC unless the settings turn it off, demo cards in demo mode) and the kiosk app. A shell adds only its
 * transport (IPC or HTTP) and its way of launching the demo stand-in.
 */
import type { Settings } from '../config/settings.ts';
import type { CardSource } from '../card/card-source.ts';
import { createPcscCardSource } from '../card/pcsc-card-source.node.ts';
import { createDemoCardSource } from '../demo/demo-card-source.ts';
import type { DemoCards } from '../kiosk/kiosk-service.node.ts';
import type { StandinLauncher } from '../demo/standin-process.node.ts';
import { startKioskApp, type KioskApp } from './kiosk-app.node.ts';
import { connectOnss } from './onss-connection.node.ts';

export interface KioskRuntimeOptions {
  settings: Settings;
  dataDir: string;
  log: (message: string) => void;
  launchStandin: StandinLauncher;
  /** Electron passes its quit; the browser host has no window to leave. */
  onExitRequested?: () => void;
}

/** The card sources the settings ask for; nothing is started yet. */
export function createCardSources(settings: Settings, log: (message: string) => void): { sources: CardSource[]; demo: (CardSource & DemoCards) | null } {
  const demo = settings.demo ? createDemoCardSource() : null;
  const pcsc = settings.cardReaders.pcsc ? [createPcscCardSource({ log })] : [];
  return { sources: [...pcsc, ...(demo ? [demo] : [])], demo };
}

export async function startKioskRuntime(options: KioskRuntimeOptions): Promise<KioskApp> {
  const { settings, dataDir, log } = options;
  // The app (and its clock monitor) exists only once the connection does: forward until then.
  let observeServerDate: KioskApp['observeServerDate'] | null = null;
  const onss = await connectOnss(settings, dataDir, log, options.launchStandin, (date, at) => observeServerDate?.(date, at));
  const { sources, demo } = createCardSources(settings, log);
  let app: KioskApp;
  try {
    app = startKioskApp({
      settings,
      dataDir,
      cardSources: sources,
      sender: onss.sender,
      remote: onss.remote,
      log,
      ...(demo ? { demoCards: demo } : {}),
      ...(options.onExitRequested ? { onExitRequested: options.onExitRequested } : {}),
    });
  } catch (error) {
    await onss.stop();
    throw error;
  }
  observeServerDate = app.observeServerDate;
  return {
    ...app,
    async stop() {
      await app.stop();
      await onss.stop();
    },
  };
}
