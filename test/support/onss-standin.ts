/**
 * Starts the ONSS stand-in as its own process (real HTTP on loopback, its own SQLite file) with a
 * freshly generated client key pair, and gives tests typed access to its admin endpoints.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForStandinReady } from '../../main/core/demo/standin-process.node.ts';
import type { FaultConfig } from '../../standin/onss/server.ts';
import type { StoredPresence } from '../../standin/onss/store.ts';
import { makeTempDir } from './temp-dir.ts';

export interface StandinStartOptions {
  workplaces?: string[];
  tokenLifetimeSeconds?: number;
  maxDelaySeconds?: number;
  faults?: Partial<FaultConfig>;
  seed?: number;
}

export interface Standin {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  privateKeyPem: string;
  privateKeyPath: string;
  admin: {
    registrations(): Promise<Array<StoredPresence & { registrationType: 'IN' | 'OUT' }>>;
    stats(): Promise<{ tokenRequests: number; presenceCalls: number; faultsInjected: number; registrationsStored: number }>;
    setFaults(faults: Partial<FaultConfig>): Promise<void>;
    expireTokens(): Promise<void>;
    inject(registration: { inss: string; companyId: string; workPlaceId: string; registrationType: 'IN' | 'OUT'; registrationDateTime: string; channel: 'SMARTPHONE' | 'WEB' | 'BADGE' | 'OTHER' }): Promise<void>;
  };
  stop(): Promise<void>;
}

const CLIENT_ID = 'urn:be:fgov:ehealth:test:ciao-kiosk';

export async function startStandin(options: StandinStartOptions = {}): Promise<Standin> {
  const temp = makeTempDir('ciao-standin-');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const privateKeyPath = join(temp.dir, 'client-key.pem');
  const publicKeyPath = join(temp.dir, 'client-public.pem');
  writeFileSync(privateKeyPath, privateKey, { mode: 0o600 });
  writeFileSync(publicKeyPath, publicKey);
  const faults = { rate: 0, kinds: [], latencyMs: 200, ...options.faults };
  const child = spawn(
    process.execPath,
    [
      '--import', 'tsx', 'standin/onss/cli.ts',
      '--db', join(temp.dir, 'onss.sqlite'),
      '--client-id', CLIENT_ID,
      '--client-public-key', publicKeyPath,
      '--workplaces', (options.workplaces ?? ['DEMO000000001']).join(','),
      '--token-lifetime-s', String(options.tokenLifetimeSeconds ?? 3600),
      '--max-delay-s', String(options.maxDelaySeconds ?? 600),
      '--fault-rate', String(faults.rate),
      '--faults', faults.kinds.join(','),
      '--latency-ms', String(faults.latencyMs),
      '--seed', String(options.seed ?? 1),
      '--exit-with-stdin',
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const { baseUrl, tokenUrl } = await waitForStandinReady(child);
  const origin = new URL(baseUrl).origin;
  async function admin<T>(path: string, init?: RequestInit): Promise<T> {
    const res = await fetch(`${origin}/__admin/${path}`, init);
    if (!res.ok) throw new Error(`stand-in admin ${path}: HTTP ${res.status}`);
    return (await res.json()) as T;
  }
  const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    baseUrl,
    tokenUrl,
    clientId: CLIENT_ID,
    privateKeyPem: privateKey,
    privateKeyPath,
    admin: {
      registrations: async () =>
        (await admin<{ registrations: StoredPresence[] }>('registrations')).registrations.map((r) => ({ ...r, registrationType: r.type })),
      stats: () => admin('stats'),
      setFaults: async (f) => {
        await admin('faults', post({ rate: 0, kinds: [], latencyMs: 200, ...f }));
      },
      expireTokens: async () => {
        await admin('expire-tokens', post({}));
      },
      inject: async (r) => {
        await admin('inject', post(r));
      },
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      temp.cleanup();
    },
  };
}
