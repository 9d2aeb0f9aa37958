/**
 * Stopping the browser-mode host while a page is open must not wait for the page: its event stream is
 * ended and the EventSource's reconnect refused, and a request still in flight (here a body that never
 * finishes arriving) is cut after a short grace instead of holding the shutdown for the request timeout.
 */
import { Agent, request, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { HTTP_ROUTES } from '../../../preload/channels.ts';
import { startHttpHost, type HttpHost } from '../../../main/host/http-host.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startTestKiosk } from '../../support/test-kiosk.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function getEvents(port: number, agent: Agent): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: HTTP_ROUTES.events, agent, headers: { host: `127.0.0.1:${port}`, accept: 'text/event-stream' } }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** The HTTP host in front of a real kiosk core on a fresh data folder. */
async function startHost(): Promise<{ host: HttpHost; port: number }> {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  const kiosk = startTestKiosk({ dataDir: temp.dir });
  cleanups.push(() => kiosk.app.stop());
  const host = await startHttpHost({ dispatch: kiosk.app.dispatch, subscribe: kiosk.app.onEvent, staticDir: temp.dir, bind: '127.0.0.1', port: 0, log: () => {} });
  return { host, port: Number(new URL(host.url).port) };
}

describe('host shutdown', () => {
  it('ends the event streams, refuses the reconnect, and closes', async () => {
    const { host, port } = await startHost();
    // One kept-alive socket, as a browser reuses for the EventSource's reconnect.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    cleanups.push(() => agent.destroy());

    const stream = await getEvents(port, agent);
    expect(stream.statusCode).toBe(200);
    await new Promise((resolve) => stream.once('data', resolve));

    const reconnect = new Promise<number | 'socket closed'>((resolve) => {
      stream.on('end', () => {
        getEvents(port, agent).then(
          (again) => {
            again.resume();
            resolve(again.statusCode ?? 0);
          },
          () => resolve('socket closed'),
        );
      });
      stream.resume();
    });
    const closed = host.close();
    const answer = await reconnect;
    expect(answer === 503 || answer === 'socket closed').toBe(true);
    await closed;
  }, 20_000);

  it('cuts a request still in flight after a grace period', async () => {
    const { host, port } = await startHost();
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `${HTTP_ROUTES.invokePrefix}getSnapshot`,
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'content-length': '100' },
    });
    const outcome = new Promise<string>((resolve) => {
      req.on('response', (res) => resolve(`answered ${res.statusCode}`));
      req.on('error', () => resolve('cut'));
    });
    req.write('{"a":');
    await new Promise((resolve) => req.once('socket', (socket) => socket.once('connect', resolve)));
    // Without the grace period this waits for the server's request timeout (30 s) and the test times out.
    await host.close();
    expect(await outcome).toBe('cut');
  }, 20_000);
});
