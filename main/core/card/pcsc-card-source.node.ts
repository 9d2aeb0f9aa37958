/**
 * The PC/SC card source: every reader pcscd (or Windows' smart-card service) offers — contact readers
 * for the eID, contactless ones for NFC badges — through nfc-pcsc with its automatic processing off.
 *
 * Guards for nfc-pcsc's known traps (domain.md §5, lab.md §2): `new NFC()` spins at 100 % CPU while
 * no PC/SC service exists, so on Linux we wait for a pcscd that listens on its socket first (a stale
 * socket after kill -9 does not count: pcscd-service.ts); `transmit` can throw synchronously; closing
 * NFC emits an `error`; and closing must wait a turn of the event loop.
 */
import { existsSync, readFileSync } from 'node:fs';
import { NFC, type Reader } from 'nfc-pcsc';
import type { CardSource, CardSourceEvent } from './card-source.ts';
import { createExchange, type Exchange } from './apdu/exchange.ts';
import { cardFamily } from './beid/atr.ts';
import { NotAnEidError, readIdentity } from './beid/read-identity.ts';
import { readBadgeUid } from './nfc/badge-uid.ts';
import { ApduError } from './apdu/response.ts';
import { judgeService, nextRetryDelay, pcscdSocketPath, type ServiceState } from './pcscd-service.ts';

/** How often a running context checks that pcscd is still there. */
const SERVICE_POLL_MS = 2_000;
/** Backoff while pcscd is away: first retry soon (a restart), then at most every 5 s. */
const SERVICE_RETRY_MIN_MS = 250;
const SERVICE_RETRY_MAX_MS = 5_000;

const REMOVAL_GRACE_MS = 500;

/** Resolves true if the reader's card is gone now or within `withinMs`. */
function cardLeft(reader: Reader, withinMs: number): Promise<boolean> {
  if (reader.card === null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      reader.off('card.off', onOff);
      resolve(false);
    }, withinMs);
    const onOff = () => {
      clearTimeout(timer);
      resolve(true);
    };
    reader.once('card.off', onOff);
  });
}

export interface PcscCardSourceOptions {
  log: (message: string) => void;
  /**
   * Linux: where pcscd listens (default: PCSCLITE_CSOCK_NAME at start, else /run/pcscd/pcscd.comm);
   * null skips the check (Windows/macOS have a system service).
   */
  serviceSocket?: string | null;
}

function serviceState(socket: string): ServiceState {
  let table: string | null;
  try {
    table = readFileSync('/proc/net/unix', 'utf8');
  } catch {
    table = null;
  }
  return judgeService(socket, existsSync(socket), table);
}

export function createPcscCardSource(options: PcscCardSourceOptions): CardSource {
  let socket: string | null = null;
  let nfc: NFC | null = null;
  let listener: ((event: CardSourceEvent) => void) | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let retryDelay: number | null = null;
  let lastUnavailable: string | null = null;
  let watchdog: ReturnType<typeof setInterval> | null = null;
  const readers = new Map<string, Reader>();
  let stopped = true;

  const emit = (event: CardSourceEvent) => listener?.(event);
  /** Reports the service away once per reason, not on every retry. */
  const unavailable = (detail: string) => {
    if (detail === lastUnavailable) return;
    lastUnavailable = detail;
    emit({ type: 'unavailable', detail });
  };
  const publishReaders = () => emit({ type: 'readers', readers: [...readers.keys()] });

  function exchangeFor(reader: Reader): Exchange {
    return createExchange(async (command) => {
      // nfc-pcsc throws synchronously once the card is gone; make that a rejection like the rest.
      const response = await Promise.resolve().then(() => reader.transmit(Buffer.from(command), 1024));
      return new Uint8Array(response);
    });
  }

  async function handleCard(reader: Reader, atr: Uint8Array): Promise<void> {
    const name = reader.name;
    const family = cardFamily(atr);
    emit({ type: 'reading', reader: name });
    const exchange = exchangeFor(reader);
    try {
      if (family === 'contactless') {
        const uid = await readBadgeUid(exchange);
        emit({ type: 'card-read', reading: { kind: 'badge', reader: name, uid } });
        return;
      }
      const result = await readIdentity(exchange);
      if (!result.ok) {
        emit({
          type: 'card-failed',
          reader: name,
          code: result.error.code === 'invalid-number' ? 'invalid-number' : 'unreadable-card',
          detail: result.error.detail,
        });
        return;
      }
      const { nationalNumber, surname, firstNames } = result.identity;
      // A second presentation of the same card is not filtered here: the kiosk service maps it onto
      // the open prompt, and after a registration it asks before a second IN or OUT in a row.
      emit({ type: 'card-read', reading: { kind: 'eid', reader: name, identity: { nationalNumber, surname, firstNames } } });
    } catch (error) {
      const cardAnswered = error instanceof NotAnEidError || error instanceof ApduError;
      // A transport failure is usually the card leaving; PC/SC reports the removal a moment later.
      const removed = !cardAnswered && (await cardLeft(reader, REMOVAL_GRACE_MS));
      const code = removed ? 'card-removed' : error instanceof NotAnEidError ? 'unknown-card' : cardAnswered ? 'unreadable-card' : 'reader-error';
      options.log(`pcsc: ${name}: ${code}: ${(error as Error).message}`);
      emit({ type: 'card-failed', reader: name, code, detail: (error as Error).message });
    }
  }

  function attachReader(owner: NFC, reader: Reader): void {
    reader.autoProcessing = false;
    readers.set(reader.name, reader);
    publishReaders();
    reader.on('card', (card: { atr?: Buffer }) => {
      void handleCard(reader, new Uint8Array(card.atr ?? []));
    });
    reader.on('card.off', () => emit({ type: 'card-removed', reader: reader.name }));
    reader.on('error', (error: Error) => {
      options.log(`pcsc: ${reader.name}: ${error.message}`);
      // The service going away is sometimes reported only by the readers, not by the context.
      if (!stopped && nfc === owner && SERVICE_GONE.test(error.message)) void reopenWhenServiceReturns(owner);
    });
    reader.on('end', () => {
      // After a pcscd restart, a dead reader's late 'end' must not remove its successor of the same name.
      if (readers.get(reader.name) !== reader) return;
      readers.delete(reader.name);
      publishReaders();
    });
  }

  /** PC/SC errors after which this context is dead: the service went away (pcscd stopped or restarted). */
  const SERVICE_GONE = /0x80100013|0x8010001D|0x8010001E|RPC transport|service/i;

  function open(): void {
    const instance = new NFC();
    nfc = instance;
    lastUnavailable = null;
    instance.on('reader', (reader: Reader) => attachReader(instance, reader));
    instance.on('error', (error: Error) => {
      // Errors of a context we already dropped (close() reports "Command cancelled") are not news.
      if (stopped || nfc !== instance) return;
      options.log(`pcsc: ${error.message}`);
      if (SERVICE_GONE.test(error.message)) void reopenWhenServiceReturns(instance);
    });
    publishReaders();
  }

  async function reopenWhenServiceReturns(dead: NFC): Promise<void> {
    nfc = null;
    readers.clear();
    publishReaders();
    await new Promise((resolve) => setImmediate(resolve));
    dead.close();
    unavailable('the PC/SC service stopped; waiting for it to come back');
    waitForService();
  }

  /** Opens a PC/SC context once pcscd listens (a context opened without it freezes the process). */
  function waitForService(): void {
    retry = null;
    if (stopped) return;
    const state: ServiceState = socket === null ? { up: true } : serviceState(socket);
    if (state.up) {
      retryDelay = null;
      open();
      return;
    }
    unavailable(state.detail);
    retryDelay = nextRetryDelay(retryDelay, SERVICE_RETRY_MIN_MS, SERVICE_RETRY_MAX_MS);
    retry = setTimeout(waitForService, retryDelay);
    retry.unref();
  }

  return {
    name: 'pcsc',
    start(onEvent) {
      listener = onEvent;
      stopped = false;
      lastUnavailable = null;
      socket = options.serviceSocket !== undefined ? options.serviceSocket : process.platform === 'linux' ? pcscdSocketPath(process.env) : null;
      waitForService();
      // Safety net: pcscd can vanish without any error event reaching us; its socket going away or
      // going stale is enough.
      const watched = socket;
      if (watched !== null) {
        watchdog = setInterval(() => {
          if (!stopped && nfc !== null && !serviceState(watched).up) void reopenWhenServiceReturns(nfc);
        }, SERVICE_POLL_MS);
        watchdog.unref();
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (retry) clearTimeout(retry);
      if (watchdog) clearInterval(watchdog);
      retry = null;
      retryDelay = null;
      lastUnavailable = null;
      watchdog = null;
      // Let nfc-pcsc's pending disconnects run before closing, or exit can deadlock (lab.md §2).
      await new Promise((resolve) => setImmediate(resolve));
      nfc?.close();
      nfc = null;
      readers.clear();
      listener = null;
    },
  };
}
