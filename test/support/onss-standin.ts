/**
 * Starts the ONSS stand-in as its own process (real HTTP on loopback, its own SQLite file) with a
 * freshly generated client key pair, and gives tests typed access to its admin endpoints.
 *
 *   const standin = await startStandin({ tokenLifetimeSeconds: 2 });
 *   const client = createOnssClient(standin.clientOptions());
 *   …
 *   await standin.stop();
 *
 * The child dies with the test process: it is killed on `exit`, and it stops by itself when its stdin
 * (a pipe from us) closes, which also covers a parent killed with SIGKILL.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { waitForStandinReady } from '../../main/core/demo/standin-process.node.ts';
import type { OnssClientOptions } from '../../main/core/onss/onss-client.ts';
import { onssChannelSchema, onssRemarkSchema, registrationTypeSchema, type OnssChannel } from '../../main/core/onss/wire-format.ts';
import type { FaultConfig } from '../../standin/onss/server.ts';
import { makeTempDir } from './temp-dir.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'standin', 'onss', 'cli.ts');

export interface StandinStartOptions {
  /** Known declarations of works; default DEMO000000001. */
  workplaces?: string[];
  tokenLifetimeSeconds?: number;
  maxDelaySeconds?: number;
  clockSkewToleranceSeconds?: number;
  faults?: Partial<FaultConfig>;
  seed?: number;
  /** One JSON line per request on this process's stderr. */
  verbose?: boolean;
  readyTimeoutMs?: number;
}

const storedPresenceSchema = z.object({
  id: z.number(),
  companyId: z.string(),
  clientRef: z.string().nullable(),
  inss: z.string(),
  workPlaceId: z.string(),
  type: registrationTypeSchema,
  atUtc: z.string(),
  atLocal: z.string(),
  receivedAt: z.string(),
  channel: onssChannelSchema,
  remarks: z.array(onssRemarkSchema),
  /** How often this reference was received: > 1 means retries, still one record. */
  submissions: z.number(),
});
export type StandinRegistration = z.infer<typeof storedPresenceSchema> & { registrationType: 'IN' | 'OUT' };

const statsSchema = z.object({
  tokenRequests: z.number(),
  presenceCalls: z.number(),
  faultsInjected: z.number(),
  registrationsStored: z.number(),
  resubmissions: z.number(),
  refused: z.number(),
});
export type StandinStats = z.infer<typeof statsSchema>;

const faultsSchema = z.object({ rate: z.number(), kinds: z.array(z.string()), latencyMs: z.number() });

export interface InjectedRegistration {
  inss: string;
  companyId: string;
  workPlaceId: string;
  registrationType: 'IN' | 'OUT';
  registrationDateTime: string;
  channel: OnssChannel;
}

export interface Standin {
  /** Origin, e.g. http://127.0.0.1:40123 (admin routes live under /__admin/). */
  url: string;
  port: number;
  /** The presenceRegistration API base, for `createOnssClient`. */
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  privateKeyPem: string;
  privateKeyPath: string;
  /** Everything `createOnssClient` needs, plus any overrides. */
  clientOptions(overrides?: Partial<OnssClientOptions>): OnssClientOptions;
  admin: {
    /** Every stored registration, oldest first. */
    registrations(): Promise<StandinRegistration[]>;
    stats(): Promise<StandinStats>;
    faults(): Promise<z.infer<typeof faultsSchema>>;
    /** Replaces the fault configuration (unset fields: no faults, latency 200 ms). */
    setFaults(faults: Partial<FaultConfig>): Promise<void>;
    /** Every issued token becomes unknown: the next API call gets 401. */
    expireTokens(): Promise<void>;
    /** A registration made through another channel (e.g. a worker's smartphone). */
    inject(registration: InjectedRegistration): Promise<StandinRegistration>;
    /** Drops every registration and zeroes the stats. */
    reset(): Promise<void>;
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
  const args = [
    '--import', 'tsx', CLI,
    '--port', '0',
    '--db', join(temp.dir, 'onss.sqlite'),
    '--client-id', CLIENT_ID,
    '--client-public-key', publicKeyPath,
    '--workplaces', (options.workplaces ?? ['DEMO000000001']).join(','),
    '--token-lifetime-s', String(options.tokenLifetimeSeconds ?? 3600),
    '--max-delay-s', String(options.maxDelaySeconds ?? 600),
    '--clock-skew-tolerance-s', String(options.clockSkewToleranceSeconds ?? 120),
    '--fault-rate', String(faults.rate),
    '--faults', faults.kinds.join(','),
    '--latency-ms', String(faults.latencyMs),
    '--seed', String(options.seed ?? 1),
    '--exit-with-stdin',
    ...(options.verbose ? ['--verbose'] : []),
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const killOnExit = () => {
    if (running()) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  let stopping: Promise<void> | null = null;
  function stop(): Promise<void> {
    stopping ??= (async () => {
      process.removeListener('exit', killOnExit);
      if (running()) {
        child.kill('SIGTERM');
        // A stand-in stuck in a handler must not hang the suite.
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(force);
      }
      temp.cleanup();
    })();
    return stopping;
  }

  let endpoints: { baseUrl: string; tokenUrl: string };
  try {
    endpoints = await waitForStandinReady(child, options.readyTimeoutMs ?? 20_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const { baseUrl, tokenUrl } = endpoints;
  const url = new URL(baseUrl).origin;

  async function admin<T>(path: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> {
    const res = await fetch(`${url}/__admin/${path}`, init);
    if (!res.ok) throw new Error(`stand-in admin ${path}: HTTP ${res.status} ${await res.text()}`);
    return schema.parse(await res.json());
  }
  const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const withType = (r: z.infer<typeof storedPresenceSchema>): StandinRegistration => ({ ...r, registrationType: r.type });
  const ok = z.unknown();

  return {
    url,
    port: Number(new URL(url).port),
    baseUrl,
    tokenUrl,
    clientId: CLIENT_ID,
    privateKeyPem: privateKey,
    privateKeyPath,
    clientOptions: (overrides = {}) => ({ baseUrl, tokenUrl, clientId: CLIENT_ID, privateKeyPem: privateKey, ...overrides }),
    admin: {
      registrations: async () =>
        (await admin('registrations', z.object({ registrations: z.array(storedPresenceSchema) }))).registrations.map(withType),
      stats: () => admin('stats', statsSchema),
      faults: () => admin('faults', faultsSchema),
      setFaults: async (f) => {
        await admin('faults', ok, post({ rate: 0, kinds: [], latencyMs: 200, ...f }));
      },
      expireTokens: async () => {
        await admin('expire-tokens', ok, post({}));
      },
      inject: async (r) => withType(await admin('inject', storedPresenceSchema, post(r))),
      reset: async () => {
        await admin('reset', ok, post({}));
      },
    },
    stop,
  };
}
