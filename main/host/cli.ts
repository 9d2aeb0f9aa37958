/**
 * Browser mode: the kiosk core behind HTTP + SSE on 127.0.0.1, serving the built renderer.
 * Used where Electron is absent, by a supervisor's tablet in LAN mode, and by the end-to-end tests.
 *
 *   node out/host/cli.mjs --data-dir DIR [--port N] [--static-dir DIR]
 *
 * Prints one JSON line `{"event":"ready","url":...}` on stdout once it serves.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startKioskRuntime } from '../core/app/kiosk-runtime.node.ts';
import { SettingsError } from '../core/config/settings.ts';
import { nodeStandinLauncher } from '../core/demo/standin-process.node.ts';
import { startHttpHost } from './http-host.ts';
import { loadHostSettings } from './settings-file.ts';

/** A shutdown that takes longer than this is stuck: the host logs the step and exits with code 1. */
const SHUTDOWN_LIMIT_MS = 15_000;

function log(message: string): void {
  process.stderr.write(`${new Date().toISOString()} ${message}\n`);
}

function firstExisting(candidates: string[]): string | null {
  return candidates.find((dir) => existsSync(resolve(dir, 'index.html'))) ?? null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'static-dir': { type: 'string' },
    },
  });
  const dataDir = resolve(values['data-dir'] ?? '.data/demo');
  let settings;
  try {
    settings = loadHostSettings(dataDir);
  } catch (error) {
    if (error instanceof SettingsError) {
      console.error(`ciao-kiosk: ${error.message} (in ${resolve(dataDir, 'settings.json')})`);
      process.exit(2);
    }
    throw error;
  }
  const port = values.port !== undefined ? Number(values.port) : settings.host.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`ciao-kiosk: --port must be a number from 0 to 65535, got "${values.port}"`);
    process.exit(2);
  }
  const staticDir = firstExisting(
    values['static-dir'] ? [values['static-dir']] : [fileURLToPath(new URL('../renderer', import.meta.url)), 'out/renderer'],
  );
  if (!staticDir) {
    console.error('ciao-kiosk: the renderer is not built (no out/renderer/index.html): run `npm run build` first');
    process.exit(2);
  }

  const app = await startKioskRuntime({
    settings,
    dataDir,
    log,
    launchStandin: nodeStandinLauncher(fileURLToPath(new URL('../standin/cli.mjs', import.meta.url))),
  });
  const host = await startHttpHost({
    dispatch: app.dispatch,
    subscribe: app.onEvent,
    staticDir,
    bind: settings.host.bind,
    port,
    // LAN mode: other machines on the site network may read the roster with the LAN token, nothing else.
    remoteMethods: settings.lan.enabled ? ['getLanRoster'] : [],
    log,
  });

  let stopping = false;
  async function stop(): Promise<void> {
    if (stopping) return;
    stopping = true;
    let step = 'closing the HTTP host';
    // Registrations are committed before they are confirmed, so a stuck step may be cut: say which one.
    setTimeout(() => {
      log(`shutdown: still ${step} after ${SHUTDOWN_LIMIT_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    await host.close();
    step = 'stopping the kiosk (card readers, outbox, ONSS stand-in, database)';
    await app.stop();
    log('shutdown: done');
    process.exit(0);
  }
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  process.stdout.write(`${JSON.stringify({ event: 'ready', url: host.url, databaseFile: app.databaseFile })}\n`);
  log(`ciao-kiosk browser mode${settings.demo ? ' (DEMO: not connected to ONSS)' : ''}: open ${host.url}`);
}

main().catch((error: unknown) => {
  console.error(`ciao-kiosk: cannot start: ${(error as Error).message}`);
  process.exit(1);
});
