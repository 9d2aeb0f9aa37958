/**
 * Host hardening: malformed JSON, wrong types, huge bodies, unknown routes, path traversal and
 * foreign Host headers all get a 4xx — never a 5xx — and the kiosk keeps working afterwards.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIOSK_API_METHODS } from '../../../preload/channels.ts';
import { startKioskHost, type KioskHost } from '../../support/kiosk-host.ts';

let host: KioskHost;
let port: number;

beforeAll(async () => {
  host = await startKioskHost();
  port = Number(new URL(host.url).port);
});
afterAll(async () => {
  await host.stop();
});

interface RawResponse {
  status: number;
  body: string;
}

/** Raw HTTP, so paths and headers reach the server exactly as written (fetch would normalise them). */
function raw(method: string, path: string, options: { body?: Buffer | string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const json = { 'content-type': 'application/json' };

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomValue(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * (depth > 2 ? 6 : 8));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return Math.floor(rand() * 2 ** 40) * (rand() < 0.5 ? -1 : 1);
    case 3:
      return 'x'.repeat(Math.floor(rand() * 80));
    case 4:
      return ['start-work', 'lunch', '../../etc/passwd', '<script>', '\u0000', '85073003328'][Math.floor(rand() * 6)];
    case 5:
      return rand() * 1e308;
    case 6:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
    default: {
      const keys = ['tapId', 'intent', 'demoCardId', '__proto__', 'constructor', 'session', 'x'];
      return Object.fromEntries(
        Array.from({ length: Math.floor(rand() * 4) }, () => [keys[Math.floor(rand() * keys.length)] as string, randomValue(rand, depth + 1)]),
      );
    }
  }
}

async function stillWorks(): Promise<void> {
  const res = await raw('POST', '/api/invoke/getSnapshot', { body: '{}', headers: json });
  expect(res.status).toBe(200);
  expect(JSON.parse(res.body)).toMatchObject({ ok: true });
}

describe('host hardening', () => {
  it('binds to loopback only by default', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
  });

  it.each([
    ['malformed JSON', 'POST', '/api/invoke/register', '{"tapId": ', json],
    ['JSON of the wrong type', 'POST', '/api/invoke/register', '[1,2,3]', json],
    ['wrong field types', 'POST', '/api/invoke/register', '{"tapId": 12, "intent": true}', json],
    ['unknown extra field', 'POST', '/api/invoke/getSnapshot', '{"admin": true}', json],
    ['unknown method', 'POST', '/api/invoke/registerForSomeoneElse', '{}', json],
    ['prototype method name', 'POST', '/api/invoke/constructor', '{}', json],
    ['wrong content type', 'POST', '/api/invoke/getSnapshot', '{}', { 'content-type': 'text/plain' }],
    ['GET on an API method', 'GET', '/api/invoke/getSnapshot', undefined, {}],
    ['unknown API route', 'GET', '/api/secrets', undefined, {}],
    ['POST to a static file', 'POST', '/index.html', '{}', json],
    ['path traversal', 'GET', '/../../../../etc/passwd', undefined, {}],
    ['encoded traversal', 'GET', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', undefined, {}],
    ['encoded backslash traversal', 'GET', '/..%5c..%5c..%5cetc%5cpasswd', undefined, {}],
    ['NUL byte in path', 'GET', '/index.html%00.js', undefined, {}],
    ['broken percent encoding', 'GET', '/%E0%A4%A', undefined, {}],
    ['missing file', 'GET', '/nothing-here.js', undefined, {}],
  ])('%s → 4xx', async (_name, method, path, body, headers) => {
    const res = await raw(method, path, { ...(body !== undefined ? { body } : {}), headers });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).not.toContain('root:');
  });

  it('refuses a huge body with 413', async () => {
    const res = await raw('POST', '/api/invoke/register', { body: `{"tapId":"${'a'.repeat(2_000_000)}"}`, headers: json });
    expect(res.status).toBe(413);
    await stillWorks();
  });

  it('refuses a foreign Host header (DNS rebinding) with 421', async () => {
    const res = await raw('POST', '/api/invoke/getSnapshot', { body: '{}', headers: { ...json, host: 'evil.example:80' } });
    expect(res.status).toBe(421);
  });

  it('answers 2,000 random inputs to every method with 2xx or 4xx, never 5xx', async () => {
    const rand = prng(20261122);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 2000; i += 1) {
      const method = KIOSK_API_METHODS[Math.floor(rand() * KIOSK_API_METHODS.length)] as string;
      const body = rand() < 0.1 ? Buffer.from(Array.from({ length: 64 }, () => Math.floor(rand() * 256))) : JSON.stringify(randomValue(rand));
      const res = await raw('POST', `/api/invoke/${method}`, { body, headers: json });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `input ${String(body).slice(0, 200)} to ${method}`).toBeLessThan(500);
    }
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
    await stillWorks();
  });

  it('sends a strict Content-Security-Policy with the page', async () => {
    const res = await new Promise<{ csp: string | undefined }>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/', headers: { host: `127.0.0.1:${port}` } }, (r) => {
        r.resume();
        resolve({ csp: r.headers['content-security-policy'] as string | undefined });
      })
        .on('error', reject)
        .end();
    });
    expect(res.csp).toContain("default-src 'self'");
    expect(res.csp).toContain("script-src 'self'");
    expect(res.csp).not.toContain('unsafe-eval');
  });
});
