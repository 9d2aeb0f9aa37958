/**
 * Starts the machine's one pcscd with a private reader configuration: a vpcd virtual reader named
 * "Lab eID Reader" whose two slots listen on `port` and `port + 1`. Readiness = pcscd's
 * "daemon ready" log line plus the port in LISTEN (never probed by connecting: a connection is a card).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../temp-dir.ts';

export const VPCD_DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';
export const READER_NAME = 'Lab eID Reader';

export interface Pcscd {
  port: number;
  readerNames: [string, string];
  log(): string;
  stop(): Promise<void>;
}

function listening(port: number): boolean {
  return execFileSync('ss', ['-ltnH', `sport = :${port}`], { encoding: 'utf8' }).trim().length > 0;
}

export async function startPcscd(port = 40000): Promise<Pcscd> {
  if (!existsSync(VPCD_DRIVER)) throw new Error(`vsmartcard-vpcd is not installed (${VPCD_DRIVER} missing)`);
  // Zombies (a pcscd whose parent was killed) hold no socket: ignore them.
  const running = execFileSync('sh', ['-c', "ps -C pcscd -o pid=,stat= | awk '$2 !~ /^Z/ {print $1}'"], { encoding: 'utf8' }).trim();
  if (running) throw new Error(`another pcscd (pid ${running}) is running: only one can exist per machine; stop it first`);
  const temp = makeTempDir('ciao-pcscd-');
  writeFileSync(
    join(temp.dir, 'vpcd'),
    `FRIENDLYNAME "${READER_NAME}"\nDEVICENAME /dev/null:0x${port.toString(16)}\nLIBPATH ${VPCD_DRIVER}\nCHANNELID 0x${port.toString(16)}\n`,
  );
  const child: ChildProcess = spawn('pcscd', ['--foreground', '--debug', '--apdu', '--config', temp.dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 15_000;
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (child.exitCode !== null) return reject(new Error(`pcscd exited early:\n${output}`));
      if (output.includes('daemon ready') && listening(port)) return resolve();
      if (Date.now() > deadline) return reject(new Error(`pcscd not ready within 15 s:\n${output.slice(-2000)}`));
      setTimeout(check, 20);
    };
    check();
  });

  return {
    port,
    readerNames: [`${READER_NAME} 00 00`, `${READER_NAME} 00 01`],
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      temp.cleanup();
    },
  };
}
