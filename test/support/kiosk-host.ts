/**
 * Starts the real browser-mode host (`out/host/cli.mjs`, built by `npm run build`) as a child process
 * with a fresh data folder, and waits for its ready line.
 *
 * PC/SC: the host talks to the pcscd whose socket `pcscdSocket` names (a test's own, from the pcscd
 * harness). Without one it gets a path in its data folder where nothing listens, so it reports no
 * reader and can never read a card another test has inserted in another pcscd.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { demoSettings, type Settings } from '../../main/core/config/settings.ts';
import { makeTempDir } from './temp-dir.ts';

export interface KioskHost {
  url: string;
  databaseFile: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startKioskHost(
  customise: (settings: Settings) => Settings = (s) => s,
  /** Runs on the fresh data folder before the host starts (e.g. to seed its database). */
  prepare?: (dataDir: string) => void,
  pcscdSocket?: string,
): Promise<KioskHost> {
  const temp = makeTempDir('ciao-host-');
  prepare?.(temp.dir);
  const settings = customise({ ...demoSettings(), host: { port: 0, bind: '127.0.0.1' } });
  writeFileSync(join(temp.dir, 'settings.json'), JSON.stringify(settings, null, 2));
  const child = spawn(process.execPath, ['out/host/cli.mjs', '--data-dir', temp.dir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PCSCLITE_CSOCK_NAME: pcscdSocket ?? join(temp.dir, 'no-pcscd.comm') },
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString());
    if (process.env.CIAO_HOST_LOG) process.stderr.write(`[host] ${chunk.toString()}`);
  });
  const ready = await new Promise<{ url: string; databaseFile: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { event?: string; url: string; databaseFile: string };
        if (msg.event === 'ready') resolve(msg);
      } catch {
        // not a protocol line
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited (${code}) before ready:\n${stderr.join('')}`)));
  });
  return {
    ...ready,
    dataDir: temp.dir,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
        child.kill('SIGTERM');
        const code = await exited;
        // A stuck shutdown ends with code 1 and names its step on stderr (main/host/cli.ts).
        if (code !== 0) throw new Error(`kiosk host stopped with code ${code}:\n${stderr.join('').slice(-2000)}`);
      }
      temp.cleanup();
    },
  };
}
