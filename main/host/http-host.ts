/**
 * The kiosk API over HTTP + server-sent events, and the built renderer as static files.
 * A thin transport: every call goes through the core's `dispatch`, exactly like Electron IPC.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { KioskApiErrorBody, KioskEvent } from '../../preload/api.ts';
import { HTTP_ROUTES } from '../../preload/channels.ts';
import type { Dispatch } from '../core/api/dispatch.ts';
import { CONTENT_SECURITY_POLICY, CONTENT_TYPES } from '../core/renderer-serving.ts';

export interface HttpHostOptions {
  dispatch: Dispatch;
  subscribe: (listener: (event: KioskEvent) => void) => () => void;
  staticDir: string;
  bind: string;
  port: number;
  /**
   * API methods a client on another machine may call (LAN mode: the read-only roster). Everything
   * else — taps, registrations, supervisor mode, the event stream — answers only on loopback.
   */
  remoteMethods?: readonly string[];
  /** Which client addresses count as this machine; loopback by default. */
  isLocalClient?: (address: string | undefined) => boolean;
  log: (message: string) => void;
}

export interface HttpHost {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
const SSE_HEARTBEAT_MS = 15_000;
/** On close, requests still in flight after this are cut: the kiosk is stopping, and what it committed is on disk. */
const CLOSE_GRACE_MS = 2_000;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1' || (address?.startsWith('127.') ?? false);
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** Transport-level refusals (bad route, body, Host...) in the same error shape as the API's own. */
function sendError(res: ServerResponse, status: number, detail: string): void {
  const error: KioskApiErrorBody =
    status >= 500
      ? { code: 'internal', message: { key: 'api.error.internal' } }
      : { code: 'invalid-input', message: { key: 'api.error.invalidInput' } };
  sendJson(res, status, { ok: false, error, detail });
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'Content-Type must be application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  // An oversized body is read to its end (and dropped) so the client gets the 413 instead of a reset;
  // the server's request timeout bounds how long that may take.
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) throw new HttpError(413, 'body too large');
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'malformed JSON');
  }
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const staticRoot = resolve(options.staticDir);
  const openStreams = new Set<ServerResponse>();

  async function serveStatic(pathname: string, res: ServerResponse, headOnly: boolean): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      throw new HttpError(400, 'bad path encoding');
    }
    if (decoded.includes('\0')) throw new HttpError(400, 'bad path');
    const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = resolve(join(staticRoot, relative));
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) throw new HttpError(403, 'outside the static folder');
    const info = await stat(file).catch(() => null);
    if (!info || !info.isFile()) throw new HttpError(404, 'not found');
    const body = await readFile(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': relative === 'index.html' ? 'no-cache' : 'public, max-age=3600',
    });
    res.end(headOnly ? undefined : body);
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    const unsubscribe = options.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), SSE_HEARTBEAT_MS);
    openStreams.add(res);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      openStreams.delete(res);
    });
  }

  let allowedHosts: Set<string> = new Set();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const local = (options.isLocalClient ?? isLoopback)(req.socket.remoteAddress);
    // DNS-rebinding guard: a page in a browser on this machine may address the API only by our own
    // names. (Other machines are limited to `remoteMethods` below, whatever name they use.)
    const host = (req.headers.host ?? '').toLowerCase();
    if (local && !allowedHosts.has(host)) throw new HttpError(421, 'unexpected Host header');
    const url = new URL(req.url ?? '/', 'http://kiosk.invalid');
    const { pathname } = url;
    if (pathname.startsWith(HTTP_ROUTES.invokePrefix)) {
      if (req.method !== 'POST') throw new HttpError(405, 'use POST');
      const method = pathname.slice(HTTP_ROUTES.invokePrefix.length);
      if (!local && !(options.remoteMethods ?? []).includes(method)) throw new HttpError(403, 'only the LAN roster is served to other machines');
      const input = await readJsonBody(req);
      const result = await options.dispatch(method, input);
      if (result.ok) sendJson(res, 200, { ok: true, value: result.value });
      else sendJson(res, result.status, { ok: false, error: result.error });
      return;
    }
    if (pathname === HTTP_ROUTES.events) {
      if (req.method !== 'GET') throw new HttpError(405, 'use GET');
      if (!local) throw new HttpError(403, 'events are served on this machine only');
      openEventStream(req, res);
      return;
    }
    if (pathname === HTTP_ROUTES.health) {
      sendJson(res, 200, { ok: true });
      return;
    }
    if (pathname.startsWith('/api/')) throw new HttpError(404, 'no such API route');
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'use GET');
    await serveStatic(pathname, res, req.method === 'HEAD');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendError(res, error.status, error.message);
        return;
      }
      options.log(`host: unexpected error on ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
      sendError(res, 500, 'internal error');
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.bind, () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  const hostPart = options.bind.includes(':') ? `[${options.bind}]` : options.bind;
  allowedHosts = new Set([`${hostPart}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);

  return {
    url: `http://${hostPart}:${port}/`,
    async close() {
      for (const stream of openStreams) stream.end();
      const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      // server.close() waits for every open request (a body still arriving may take requestTimeout, 30 s).
      const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(cut);
    },
  };
}
