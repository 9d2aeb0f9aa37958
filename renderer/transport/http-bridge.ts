/**
 * `KioskBridge` over the host's HTTP API: POST `/api/invoke/<method>` with the input as JSON, and
 * core events over server-sent events. Responses are parsed before use (network boundary): the
 * envelope and error body explicitly, events by their `type`.
 */
import type {
  KioskApi,
  KioskApiErrorBody,
  KioskApiMethod,
  KioskApiInput,
  KioskApiOutput,
  KioskBridge,
  KioskEvent,
} from '../../preload/api.ts';
import { HTTP_ROUTES, KIOSK_API_METHODS } from '../../preload/channels.ts';

export type ConnectionState = 'connecting' | 'open' | 'lost';

/** A bridge that can also say whether its event stream is live (the Electron one always is). */
export interface ConnectedBridge extends KioskBridge {
  connection(): ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

/** A failed call; `body` is what the UI shows (its `message` is an i18n key). */
export class KioskApiError extends Error {
  constructor(
    readonly body: KioskApiErrorBody,
    readonly status: number,
  ) {
    super(`${body.code}: ${body.message.key}`);
    this.name = 'KioskApiError';
  }
}

// Records, not lists: adding an error code or event type to the contract fails to compile until it is here.
const ERROR_CODE_RECORD: Record<KioskApiErrorBody['code'], true> = {
  'invalid-input': true,
  'unknown-method': true,
  'tap-expired': true,
  'not-available': true,
  'storage-failed': true,
  internal: true,
  unauthorized: true,
  'locked-out': true,
  'pin-not-set': true,
  'wrong-pin': true,
};
const ERROR_CODES: ReadonlySet<string> = new Set(Object.keys(ERROR_CODE_RECORD));

const EVENT_TYPE_RECORD: Record<KioskEvent['type'], true> = {
  tap: true,
  'tap-error': true,
  'tap-closed': true,
  reader: true,
  sync: true,
  registration: true,
  'roster-changed': true,
  'active-declaration-changed': true,
  enrolment: true,
};
const EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(EVENT_TYPE_RECORD));

/** Used when the host cannot be reached at all (the renderer's own key, not the core's). */
const UNREACHABLE: KioskApiErrorBody = { code: 'internal', message: { key: 'app.error.noConnection' } };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseErrorBody(value: unknown): KioskApiErrorBody | null {
  if (!isRecord(value) || typeof value.code !== 'string' || !isRecord(value.message)) return null;
  const code = value.code as KioskApiErrorBody['code'];
  const { key, params } = value.message;
  if (!ERROR_CODES.has(code) || typeof key !== 'string') return null;
  if (params !== undefined && !isRecord(params)) return null;
  return { code, message: params === undefined ? { key } : { key, params: params as Record<string, string | number> } };
}

/** `{ ok: true, value }` or `{ ok: false, error }`; anything else is an internal error. */
export function parseEnvelope(value: unknown, status: number): { ok: true; value: unknown } | { ok: false; error: KioskApiErrorBody } {
  if (isRecord(value) && value.ok === true && 'value' in value && status < 400) return { ok: true, value: value.value };
  if (isRecord(value) && value.ok === false) {
    const error = parseErrorBody(value.error);
    if (error) return { ok: false, error };
  }
  return { ok: false, error: { code: 'internal', message: { key: 'api.error.internal' } } };
}

export function parseEvent(data: string): KioskEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(value) || typeof value.type !== 'string' || !EVENT_TYPES.has(value.type as KioskEvent['type'])) return null;
  return value as unknown as KioskEvent;
}

export interface HttpBridgeOptions {
  fetch: typeof fetch;
  EventSource: typeof EventSource;
  /** Prefix for the routes, '' for same origin. */
  baseUrl?: string;
  /** Delay before re-opening an event stream the browser gave up on. */
  reconnectDelayMs?: number;
}

export function createHttpBridge(options: HttpBridgeOptions): ConnectedBridge {
  const base = options.baseUrl ?? '';
  const reconnectDelayMs = options.reconnectDelayMs ?? 2000;
  const eventListeners = new Set<(event: KioskEvent) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let source: EventSource | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  function setState(next: ConnectionState): void {
    if (next === state) return;
    state = next;
    for (const listener of connectionListeners) listener(next);
  }

  function open(): void {
    const es = new options.EventSource(`${base}${HTTP_ROUTES.events}`);
    source = es;
    es.onopen = () => setState('open');
    es.onmessage = (message: { data: unknown }) => {
      const event = typeof message.data === 'string' ? parseEvent(message.data) : null;
      if (!event) return;
      for (const listener of eventListeners) listener(event);
    };
    es.onerror = () => {
      setState('lost');
      // The browser retries by itself unless the stream was refused outright (CLOSED): then we do.
      if (es.readyState === options.EventSource.CLOSED && retryTimer === null) {
        es.close();
        retryTimer = setTimeout(() => {
          retryTimer = null;
          if (eventListeners.size > 0) open();
        }, reconnectDelayMs);
      }
    };
  }

  function ensureOpen(): void {
    if (!source && eventListeners.size > 0) open();
  }

  async function invoke<M extends KioskApiMethod>(method: M, input: KioskApiInput<M>): Promise<KioskApiOutput<M>> {
    let response: Response;
    try {
      response = await options.fetch(`${base}${HTTP_ROUTES.invokePrefix}${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
    } catch {
      throw new KioskApiError(UNREACHABLE, 0);
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // A non-JSON answer (proxy error page...) is reported as an internal error below.
    }
    const envelope = parseEnvelope(body, response.status);
    if (!envelope.ok) throw new KioskApiError(envelope.error, response.status);
    return envelope.value as KioskApiOutput<M>;
  }

  // One POST per contract method, built from the contract's own method list.
  const api = Object.fromEntries(
    KIOSK_API_METHODS.map((method) => [method, (input: KioskApiInput<typeof method>) => invoke(method, input)]),
  ) as unknown as KioskApi;

  return {
    api,
    onEvent(listener) {
      eventListeners.add(listener);
      ensureOpen();
      return () => {
        eventListeners.delete(listener);
        if (eventListeners.size === 0 && retryTimer !== null) {
          clearTimeout(retryTimer);
          retryTimer = null;
        }
        if (eventListeners.size === 0 && source) {
          source.close();
          source = null;
          setState('connecting');
        }
      };
    },
    connection: () => state,
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
