/**
 * The stand-in's process contract, as other tools start it: `npx tsx standin/onss/cli.ts …` prints
 * one JSON ready line on stdout, logs one JSON line per request on stderr with --verbose, exits 0 on
 * SIGTERM and 2 on bad flags.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const temp = makeTempDir('ciao-standin-cli-');
let child: ChildProcessWithoutNullStreams | null = null;

afterAll(() => temp.cleanup());
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = null;
});

function keyFile(): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const file = join(temp.dir, `public-${Date.now()}.pem`);
  writeFileSync(file, publicKey);
  return file;
}

function start(args: string[]): ChildProcessWithoutNullStreams {
  child = spawn(process.execPath, ['--import', 'tsx', 'standin/onss/cli.ts', ...args], { cwd: ROOT });
  return child;
}

const exitOf = (c: ChildProcessWithoutNullStreams) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => c.once('exit', (code, signal) => resolve({ code, signal })));

function nextLine(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => createInterface({ input: stream }).once('line', resolve));
}

describe('ONSS stand-in process', () => {
  it('announces itself with one JSON line, logs requests with --verbose and exits 0 on SIGTERM', async () => {
    const c = start(['--port', '0', '--db', join(temp.dir, 'a.sqlite'), '--client-id', 'kiosk', '--client-public-key', keyFile(), '--verbose']);
    const stdout: string[] = [];
    const lines = createInterface({ input: c.stdout });
    const ready = new Promise<string>((resolve) => lines.once('line', resolve));
    lines.on('line', (l) => stdout.push(l));
    const announced = JSON.parse(await ready) as { event: string; port: number; baseUrl: string; tokenUrl: string };
    expect(announced).toEqual({
      event: 'ready',
      port: expect.any(Number),
      baseUrl: `http://127.0.0.1:${announced.port}/REST/presenceRegistration/v1`,
      tokenUrl: `http://127.0.0.1:${announced.port}/REST/oauth/v5/token`,
    });

    const logged = nextLine(c.stderr);
    const res = await fetch(`${announced.baseUrl}/presences?workPlaceId=X&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z`);
    expect(res.status).toBe(401);
    expect(JSON.parse(await logged)).toMatchObject({ method: 'GET', path: '/REST/presenceRegistration/v1/presences', status: 401, ms: expect.any(Number) });

    const exited = exitOf(c);
    c.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(stdout).toHaveLength(1);
  });

  it('exits 2 with a message when a required flag is missing', async () => {
    const c = start(['--db', join(temp.dir, 'b.sqlite')]);
    const message = nextLine(c.stderr);
    expect(await exitOf(c)).toEqual({ code: 2, signal: null });
    expect(await message).toMatch(/--client-id is required/);
  });

  it('stops by itself when its stdin closes, with --exit-with-stdin', async () => {
    const c = start(['--db', join(temp.dir, 'c.sqlite'), '--client-id', 'kiosk', '--client-public-key', keyFile(), '--exit-with-stdin']);
    await nextLine(c.stdout);
    const exited = exitOf(c);
    c.stdin.end();
    expect(await exited).toEqual({ code: 0, signal: null });
  });
});
