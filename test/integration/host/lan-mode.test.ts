/**
 * LAN mode: another machine on the site network may read the roster with the LAN token, and
 * nothing else. Real HTTP over loopback; the client connects from 127.0.0.2, which this test's
 * host is told to treat as another machine.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskApp, type KioskApp } from '../../../main/core/app/kiosk-app.node.ts';
import { demoSettings } from '../../../main/core/config/settings.ts';
import { createDemoCardSource } from '../../../main/core/demo/demo-card-source.ts';
import { SendFailure } from '../../../main/core/sync/presence-sender.ts';
import { startHttpHost, type HttpHost } from '../../../main/host/http-host.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const temp = makeTempDir();
let app: KioskApp;
let host: HttpHost;
let port: number;

beforeAll(async () => {
  const demo = createDemoCardSource();
  app = startKioskApp({
    settings: { ...demoSettings(), lan: { enabled: true, token: 'lan-token-for-tests-0123456789' } },
    dataDir: temp.dir,
    cardSources: [demo],
    demoCards: demo,
    sender: { send: () => Promise.reject(new SendFailure('network', 'offline')) },
    log: () => {},
  });
  host = await startHttpHost({
    dispatch: app.dispatch,
    subscribe: app.onEvent,
    staticDir: 'out/renderer',
    bind: '127.0.0.1',
    port: 0,
    remoteMethods: ['getLanRoster'],
    isLocalClient: (address) => address === '127.0.0.1',
    log: () => {},
  });
  port = Number(new URL(host.url).port);
});
afterAll(async () => {
  await host.close();
  await app.stop();
  temp.cleanup();
});

function call(from: string, method: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, localAddress: from, method: method === 'events' ? 'GET' : 'POST', path: method === 'events' ? '/api/events' : `/api/invoke/${method}`, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json' } },
      (res) => {
        res.destroy();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(method === 'events' ? undefined : JSON.stringify(body));
  });
}

describe('LAN mode', () => {
  it('serves the read-only roster to another machine with the LAN token', async () => {
    expect(await call('127.0.0.2', 'getLanRoster', { lanToken: 'lan-token-for-tests-0123456789' })).toBe(200);
    expect(await call('127.0.0.2', 'getLanRoster', { lanToken: 'wrong-token-wrong-token-000000' })).toBe(401);
  });

  it.each(['getSnapshot', 'presentDemoCard', 'register', 'getRoster', 'supervisorUnlock', 'events'])('refuses %s to another machine', async (method) => {
    expect(await call('127.0.0.2', method, {})).toBe(403);
  });

  it('still serves everything on the kiosk itself', async () => {
    expect(await call('127.0.0.1', 'getSnapshot', {})).toBe(200);
    expect(await call('127.0.0.1', 'events', {})).toBe(200);
  });
});
