/**
 * Electron entry (bundled to out/electron/): composes the kiosk core the way the browser host does
 * and hands it to the shell lifecycle. Everything Electron-specific lives in lifecycle.main.ts.
 */
import { utilityProcess } from 'electron';
import { fileURLToPath } from 'node:url';
import { startKioskRuntime } from '../core/app/kiosk-runtime.node.ts';
import type { StandinLauncher } from '../core/demo/standin-process.node.ts';
import { runKioskMain, type StartCore } from './lifecycle.main.ts';

/** The runAsNode fuse is off in the packaged app, so the demo stand-in runs as an Electron utility process. */
const launchStandin: StandinLauncher = (args) =>
  utilityProcess.fork(fileURLToPath(new URL('../standin/cli.mjs', import.meta.url)), args, { stdio: 'pipe', serviceName: 'ONSS stand-in (demo)' });

const startCore: StartCore = async ({ settings, dataDir, log, quit }) => {
  const kiosk = await startKioskRuntime({ settings, dataDir, log, launchStandin, onExitRequested: () => quit('supervisor left the kiosk') });
  return { dispatch: kiosk.dispatch, onEvent: kiosk.onEvent, stop: () => kiosk.stop() };
};

runKioskMain(startCore);
