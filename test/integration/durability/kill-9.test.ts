/**
 * Durability: during a burst of 1,000 registrations through the real host's HTTP API, the host is
 * killed with SIGKILL at a random moment. Every registration whose receipt reached the client
 * (i.e. was shown to a worker) must be in the database after restart; nothing else may appear.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskEvent, RegistrationReceipt } from '../../../preload/api.ts';
import { startKioskHost, type KioskHost } from '../../support/kiosk-host.ts';

interface ApiReply<T> {
  ok: boolean;
  value: T;
}

async function invoke<T>(host: KioskHost, method: string, input: unknown): Promise<T> {
  const res = await fetch(new URL(`api/invoke/${method}`, host.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as ApiReply<T>;
  if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body)}`);
  return body.value;
}

/** Follows the SSE stream and hands out tap ids as they arrive. */
function tapStream(host: KioskHost) {
  const waiting: Array<{ resolve: (tapId: string) => void; reject: (e: Error) => void }> = [];
  const controller = new AbortController();
  let ended = false;
  const endAll = () => {
    ended = true;
    for (const w of waiting.splice(0)) w.reject(new Error('event stream ended'));
  };
  void (async () => {
    const res = await fetch(new URL('api/events', host.url), { signal: controller.signal });
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (!data) continue;
        const event = JSON.parse(data.slice(6)) as KioskEvent;
        if (event.type === 'tap') waiting.shift()?.resolve(event.prompt.tapId);
      }
    }
  })()
    .catch(() => {})
    .finally(endAll);
  return {
    next: () =>
      new Promise<string>((resolve, reject) => {
        if (ended) reject(new Error('event stream ended'));
        else waiting.push({ resolve, reject });
      }),
    close: () => controller.abort(),
  };
}

describe('kill -9 during a burst of registrations', () => {
  let host: KioskHost | null = null;
  afterEach(async () => {
    await host?.stop();
  });

  it('keeps every registration acknowledged to the UI', async () => {
    host = await startKioskHost((s) => ({ ...s, tapTimeoutSeconds: 60 }));
    const events = tapStream(host);
    const acknowledged: string[] = [];
    const people = ['ana', 'jan', 'fatima', 'krzysztof'];
    const killAfter = 200 + Math.floor(Math.random() * 600);
    let killed = false;
    const killer = setInterval(() => {
      if (!killed && acknowledged.length >= killAfter) {
        killed = true;
        host?.process.kill('SIGKILL');
      }
    }, 1);
    try {
      for (let i = 0; i < 1000; i += 1) {
        const tap = events.next();
        tap.catch(() => {}); // awaited below; a dead host rejects it before that
        await invoke(host, 'presentDemoCard', { demoCardId: people[i % people.length] });
        const tapId = await tap;
        const receipt = await invoke<RegistrationReceipt>(host, 'register', {
          tapId,
          intent: Math.floor(i / people.length) % 2 === 0 ? 'start-work' : 'end-work',
        });
        acknowledged.push(receipt.registrationId);
      }
    } catch {
      // The host died under us: expected once killed.
    } finally {
      clearInterval(killer);
      events.close();
    }
    expect(killed).toBe(true);
    const child = host.process;
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));

    const db = new Database(host.databaseFile);
    const stored = new Set(
      (db.prepare('SELECT client_ref FROM registrations').all() as Array<{ client_ref: string }>).map((r) => r.client_ref),
    );
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const missing = acknowledged.filter((ref) => !stored.has(ref));
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
    expect(missing).toEqual([]);
    // At most the one registration in flight when the process died may exist without a receipt.
    expect(stored.size - acknowledged.length).toBeLessThanOrEqual(1);
  });
});
