/**
 * A stand-in of the ONSS presence-registration REST service for tests, benchmarks and demo mode.
 * Real HTTP on loopback, its own SQLite file, the OAuth client-credentials flow with a JWT
 * assertion verified against the registered public key, idempotency by client reference, the
 * remarks the kiosk must prevent, a workplace search, and fault injection.
 *
 * It speaks the wire format of main/core/onss/wire-format.ts — itself unverified against ONSS.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { importSPKI, jwtVerify } from 'jose';
import { z } from 'zod';
import { checkEnterpriseNumber } from '../../main/core/identity/enterprise-number.ts';
import { checkNationalNumber } from '../../main/core/identity/national-number.ts';
import {
  MAX_PRESENCES_PER_CALL,
  MAX_SEARCH_RESULTS,
  onssChannelSchema,
  registerRequestSchema,
  registrationTypeSchema,
  searchQuerySchema,
  type PresenceResult,
  type PresenceSubmission,
  type SearchedPresence,
} from '../../main/core/onss/wire-format.ts';
import { remarksFor } from './remarks.ts';
import { openStandinStore, type NewPresence, type StoredPresence } from './store.ts';

export const STANDIN_PATHS = {
  token: '/REST/oauth/v5/token',
  presences: '/REST/presenceRegistration/v1/presences',
} as const;

/** Declarations of works the stand-in knows when none are given (the demo settings use the first). */
export const DEFAULT_WORKPLACES = ['DEMO000000001', 'DEMO000000002', '1Y102M7NZF7PZ'] as const;

export const FAULT_KINDS = ['latency', 'drop-after-commit', '500-after-commit', 'malformed', '401', '429', '503'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultConfigSchema = z.object({
  /** Share of presence calls that get a fault, 0..1. */
  rate: z.number().min(0).max(1),
  kinds: z.array(z.enum(FAULT_KINDS)),
  latencyMs: z.number().int().min(0).max(60_000).default(200),
});
export type FaultConfig = z.infer<typeof faultConfigSchema>;

export interface StandinOptions {
  port: number;
  dbFile: string;
  clientId: string;
  clientPublicKeyPem: string;
  workplaces: readonly string[];
  tokenLifetimeSeconds: number;
  maxDelaySeconds: number;
  /** How far in the future a registration may lie before remark 32 (the kiosk's clock is ahead). */
  clockSkewToleranceSeconds: number;
  seed: number;
  faults: FaultConfig;
  verbose: boolean;
}

/** mulberry32: reproducible fault draws for a given seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage, limit = 2 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpFailure(413, 'body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startStandinServer(options: StandinOptions) {
  const store = openStandinStore(options.dbFile);
  const publicKey = await importSPKI(options.clientPublicKeyPem, 'RS256');
  const tokens = new Map<string, number>();
  const usedJti = new Map<string, number>();
  const random = seededRandom(options.seed);
  let faults: FaultConfig = options.faults;
  const freshStats = () => ({ tokenRequests: 0, presenceCalls: 0, faultsInjected: 0, registrationsStored: 0, resubmissions: 0, refused: 0 });
  let stats = freshStats();
  let tokenUrl = '';

  function log(entry: Record<string, unknown>): void {
    if (options.verbose) process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
  }

  async function handleToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.tokenRequests += 1;
    const form = new URLSearchParams(await readBody(req));
    if (
      form.get('grant_type') !== 'client_credentials' ||
      form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
    ) {
      send(res, 400, { error: 'unsupported_grant_type' });
      return;
    }
    try {
      const { payload } = await jwtVerify(form.get('client_assertion') ?? '', publicKey, {
        issuer: options.clientId,
        subject: options.clientId,
        audience: tokenUrl,
        algorithms: ['RS256'],
        maxTokenAge: '10m',
        clockTolerance: options.clockSkewToleranceSeconds,
      });
      const now = Date.now();
      if (!payload.jti || (usedJti.get(payload.jti) ?? 0) > now) throw new Error('missing or replayed jti');
      usedJti.set(payload.jti, (payload.exp ?? 0) * 1000);
    } catch (error) {
      log({ event: 'token-refused', reason: (error as Error).message });
      send(res, 401, { error: 'invalid_client' });
      return;
    }
    const token = randomBytes(24).toString('base64url');
    forgetExpired(tokens);
    forgetExpired(usedJti);
    tokens.set(token, Date.now() + options.tokenLifetimeSeconds * 1000);
    send(res, 200, { access_token: token, token_type: 'Bearer', expires_in: options.tokenLifetimeSeconds });
  }

  /** A long demo run must not grow without bound: expired tokens and assertion ids are of no use. */
  function forgetExpired(expiries: Map<string, number>): void {
    const now = Date.now();
    for (const [key, expiresAt] of expiries) if (expiresAt <= now) expiries.delete(key);
  }

  function authorised(req: IncomingMessage): boolean {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const expiresAt = token ? tokens.get(token) : undefined;
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  function toResult(p: StoredPresence): PresenceResult {
    return { clientPresenceRegistrationReference: p.clientRef ?? '', status: 'REGISTERED', presenceRegistrationId: String(p.id), remarks: p.remarks, errors: [] };
  }

  function registerOne(sub: PresenceSubmission, receivedAt: string): PresenceResult {
    const ref = sub.clientPresenceRegistrationReference;
    // Idempotency: a retried reference gets the original answer, never a second record.
    const existing = store.resubmission(sub.companyId, ref);
    if (existing) {
      stats.resubmissions += 1;
      return toResult(existing);
    }
    const errors: PresenceResult['errors'] = [];
    const niss = checkNationalNumber(sub.inss);
    if (!niss.ok) errors.push({ code: 'INVALID_INSS', description: `INSS fails its ${niss.reason} check` });
    const company = checkEnterpriseNumber(sub.companyId);
    if (!company.ok) errors.push({ code: 'INVALID_COMPANY_ID', description: `not a valid enterprise number (${company.reason})` });
    if (!options.workplaces.includes(sub.workPlaceId)) errors.push({ code: 'UNKNOWN_WORKPLACE', description: 'no declaration of works with this workplace id' });
    if (errors.length > 0) {
      stats.refused += 1;
      return { clientPresenceRegistrationReference: ref, status: 'REFUSED', presenceRegistrationId: null, remarks: [], errors };
    }
    const presence: Omit<NewPresence, 'remarks'> = {
      companyId: sub.companyId,
      clientRef: ref,
      inss: sub.inss,
      workPlaceId: sub.workPlaceId,
      type: sub.registrationType,
      atUtc: new Date(sub.registrationDateTime).toISOString(),
      atLocal: sub.registrationDateTime,
      receivedAt,
      channel: 'BADGE',
    };
    const remarks = remarksFor(store, presence, {
      maxDelayMs: options.maxDelaySeconds * 1000,
      futureToleranceMs: options.clockSkewToleranceSeconds * 1000,
    });
    stats.registrationsStored += 1;
    return toResult(store.insert({ ...presence, remarks }));
  }

  async function handlePresences(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.presenceCalls += 1;
    const fault = faults.rate > 0 && faults.kinds.length > 0 && random() < faults.rate ? faults.kinds[Math.floor(random() * faults.kinds.length)] : null;
    if (fault) stats.faultsInjected += 1;
    if (fault === 'latency') await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (!authorised(req) || fault === '401') {
      send(res, 401, { error: 'invalid_token' });
      return;
    }
    if (fault === '429') return send(res, 429, { error: 'too many requests' }, { 'retry-after': '1' });
    if (fault === '503') return send(res, 503, { error: 'unavailable' });

    if (req.method === 'GET') {
      const url = new URL(req.url ?? '', 'http://standin.invalid');
      const query = searchQuerySchema.safeParse(Object.fromEntries(url.searchParams));
      if (!query.success) throw new HttpFailure(400, 'workPlaceId, from and to (ISO date-times) are required');
      const { workPlaceId, from, to } = query.data;
      const fromUtc = new Date(from).toISOString();
      const toUtc = new Date(to).toISOString();
      const presences: SearchedPresence[] = store.search(workPlaceId, fromUtc, toUtc, MAX_SEARCH_RESULTS).map((p) => ({
        presenceRegistrationId: String(p.id),
        clientPresenceRegistrationReference: p.clientRef,
        inss: p.inss,
        companyId: p.companyId,
        workPlaceId: p.workPlaceId,
        registrationType: p.type,
        registrationDateTime: p.atLocal,
        channel: p.channel,
        status: 'REGISTERED',
        remarks: p.remarks,
      }));
      return send(res, 200, { presences });
    }

    let json: unknown;
    try {
      json = JSON.parse(await readBody(req));
    } catch {
      throw new HttpFailure(400, 'malformed JSON');
    }
    const count = typeof json === 'object' && json !== null && 'presences' in json && Array.isArray(json.presences) ? json.presences.length : 0;
    if (count > MAX_PRESENCES_PER_CALL) throw new HttpFailure(413, `at most ${MAX_PRESENCES_PER_CALL} presences per call, got ${count}`);
    const parsed = registerRequestSchema.safeParse(json);
    if (!parsed.success) throw new HttpFailure(400, parsed.error.issues[0]?.message ?? 'invalid request');
    const receivedAt = new Date().toISOString();
    const results = store.transaction(() => parsed.data.presences.map((p) => registerOne(p, receivedAt)));
    // Faults after the commit: the records are stored but the kiosk never learns it.
    if (fault === 'drop-after-commit') {
      req.socket.destroy();
      return;
    }
    if (fault === '500-after-commit') return send(res, 500, { error: 'internal' });
    if (fault === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"results": [{"clientPresenceRegistrationRef');
      return;
    }
    send(res, 200, { results });
  }

  const injectSchema = z.object({
    inss: z.string().regex(/^\d{11}$/),
    companyId: z.string().regex(/^\d{10}$/),
    workPlaceId: z.string().min(1).max(13),
    registrationType: registrationTypeSchema,
    registrationDateTime: z.iso.datetime({ offset: true }),
    channel: onssChannelSchema,
  });

  async function handleAdmin(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/__admin/registrations' && req.method === 'GET') return send(res, 200, { registrations: store.all() });
    if (path === '/__admin/stats' && req.method === 'GET') return send(res, 200, stats);
    if (path === '/__admin/reset' && req.method === 'POST') {
      store.reset();
      stats = freshStats();
      return send(res, 200, { ok: true });
    }
    if (path === '/__admin/faults' && req.method === 'GET') return send(res, 200, faults);
    if (path === '/__admin/faults' && req.method === 'POST') {
      const parsed = faultConfigSchema.safeParse(JSON.parse((await readBody(req)) || '{}'));
      if (!parsed.success) throw new HttpFailure(400, 'invalid fault configuration');
      faults = parsed.data;
      return send(res, 200, faults);
    }
    if (path === '/__admin/expire-tokens' && req.method === 'POST') {
      tokens.clear();
      return send(res, 200, { ok: true });
    }
    if (path === '/__admin/inject' && req.method === 'POST') {
      // A registration made through another channel (a worker's smartphone), for roster merging.
      const parsed = injectSchema.safeParse(JSON.parse((await readBody(req)) || '{}'));
      if (!parsed.success) throw new HttpFailure(400, `invalid registration: ${parsed.error.issues[0]?.message ?? ''}`);
      const p = parsed.data;
      const stored = store.insert({
        companyId: p.companyId,
        clientRef: null,
        inss: p.inss,
        workPlaceId: p.workPlaceId,
        type: p.registrationType,
        atUtc: new Date(p.registrationDateTime).toISOString(),
        atLocal: p.registrationDateTime,
        receivedAt: new Date().toISOString(),
        channel: p.channel,
        remarks: [],
      });
      return send(res, 200, stored);
    }
    throw new HttpFailure(404, 'no such admin route');
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://standin.invalid').pathname;
    if (options.verbose) {
      const startedAt = performance.now();
      res.once('close', () =>
        log({ method: req.method, path, status: res.writableFinished ? res.statusCode : 'connection-dropped', ms: Math.round(performance.now() - startedAt) }),
      );
    }
    const handled =
      path === STANDIN_PATHS.token && req.method === 'POST'
        ? handleToken(req, res)
        : path === STANDIN_PATHS.presences && (req.method === 'POST' || req.method === 'GET')
          ? handlePresences(req, res)
          : path.startsWith('/__admin/')
            ? handleAdmin(req, res, path)
            : Promise.reject(new HttpFailure(404, 'not found'));
    handled.catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (error instanceof HttpFailure) send(res, error.status, { error: error.message });
      else if (error instanceof SyntaxError) send(res, 400, { error: 'malformed JSON' });
      else {
        log({ event: 'error', message: (error as Error).message });
        send(res, 500, { error: 'internal' });
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  tokenUrl = `${origin}${STANDIN_PATHS.token}`;
  return {
    port,
    baseUrl: `${origin}${STANDIN_PATHS.presences.replace(/\/presences$/, '')}`,
    tokenUrl,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}

