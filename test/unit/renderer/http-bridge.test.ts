import { describe, expect, it } from 'vitest';
import { createHttpBridge, KioskApiError, parseEnvelope, parseEvent } from '../../../renderer/transport/http-bridge.ts';

class NoEventSource {
  static readonly CLOSED = 2;
}

function bridgeAnswering(status: number, body: unknown, calls: Array<{ url: string; init: RequestInit | undefined }> = []) {
  const fetchStub = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }) as unknown as typeof fetch;
  return createHttpBridge({ fetch: fetchStub, EventSource: NoEventSource as unknown as typeof EventSource });
}

describe('http bridge', () => {
  it('POSTs the input as JSON to /api/invoke/<method> and returns the value', async () => {
    const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
    const bridge = bridgeAnswering(200, { ok: true, value: null }, calls);
    await expect(bridge.api.cancelTap({ tapId: 'abc' })).resolves.toBeNull();
    expect(calls[0]?.url).toBe('/api/invoke/cancelTap');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ tapId: 'abc' });
  });

  it('turns an error answer into a KioskApiError carrying the message key', async () => {
    const bridge = bridgeAnswering(409, { ok: false, error: { code: 'tap-expired', message: { key: 'api.error.tapExpired' } } });
    const error = await bridge.api.register({ tapId: 'x', intent: 'start-work' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KioskApiError);
    expect((error as KioskApiError).body).toEqual({ code: 'tap-expired', message: { key: 'api.error.tapExpired' } });
  });

  it('reports an unreachable host with the renderer key', async () => {
    const bridge = createHttpBridge({
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch,
      EventSource: NoEventSource as unknown as typeof EventSource,
    });
    const error = (await bridge.api.getRoster({}).catch((e: unknown) => e)) as KioskApiError;
    expect(error.body.message.key).toBe('app.error.noConnection');
  });

  it('rejects malformed envelopes and events', () => {
    expect(parseEnvelope({ value: 1 }, 200)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(parseEnvelope({ ok: false, error: { code: 'nope', message: { key: 'x' } } }, 400)).toMatchObject({ error: { code: 'internal' } });
    expect(parseEvent('not json')).toBeNull();
    expect(parseEvent(JSON.stringify({ type: 'unheard-of' }))).toBeNull();
    expect(parseEvent(JSON.stringify({ type: 'roster-changed' }))).toEqual({ type: 'roster-changed' });
  });
});
