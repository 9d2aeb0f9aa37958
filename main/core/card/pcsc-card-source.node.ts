/**
 * The PC/SC card source: every reader pcscd (or Windows' smart-card service) offers — contact readers
 * for the eID, contactless ones for NFC badges — through nfc-pcsc with its automatic processing off.
 *
 * Guards for nfc-pcsc's known traps (domain.md §5, lab.md §2): `new NFC()` spins at 100 % CPU while
 * no PC/SC service exists, so on Linux we wait for pcscd's socket first; `transmit` can throw
 * synchronously; closing NFC emits an `error`; and closing must wait a turn of the event loop.
 */
import { existsSync } from 'node:fs';
import { NFC, type Reader } from 'nfc-pcsc';
import type { CardSource, CardSourceEvent } from './card-source.ts';
import { createExchange, type Exchange } from './apdu/exchange.ts';
import { cardFamily } from './beid/atr.ts';
import { NotAnEidError, readIdentity } from './beid/read-identity.ts';
import { readBadgeUid } from './nfc/badge-uid.ts';
import { ApduError } from './apdu/response.ts';

const PCSCD_SOCKET = '/run/pcscd/pcscd.comm';
const SERVICE_POLL_MS = 2_000;

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
  /** Linux: where pcscd listens; null skips the check (Windows/macOS have a system service). */
  serviceSocket?: string | null;
}

export function createPcscCardSource(options: PcscCardSourceOptions): CardSource {
  const socket = options.serviceSocket === undefined ? (process.platform === 'linux' ? PCSCD_SOCKET : null) : options.serviceSocket;
  let nfc: NFC | null = null;
  let listener: ((event: CardSourceEvent) => void) | null = null;
  let poll: ReturnType<typeof setInterval> | null = null;
  let watchdog: ReturnType<typeof setInterval> | null = null;
  const readers = new Map<string, Reader>();
  let stopped = true;

  const emit = (event: CardSourceEvent) => listener?.(event);
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
    emit({ type: 'unavailable', detail: 'the PC/SC service stopped; waiting for it to come back' });
    waitForService();
  }

  /** Opens a PC/SC context once the service exists (a context opened without it spins the CPU). */
  function waitForService(): void {
    if (socket === null || existsSync(socket)) {
      open();
      return;
    }
    emit({ type: 'unavailable', detail: `no PC/SC service (${socket} is missing): is pcscd running?` });
    poll = setInterval(() => {
      if (stopped || !existsSync(socket)) return;
      if (poll) clearInterval(poll);
      poll = null;
      open();
    }, SERVICE_POLL_MS);
    poll.unref();
  }

  return {
    name: 'pcsc',
    start(onEvent) {
      listener = onEvent;
      stopped = false;
      waitForService();
      // Safety net: pcscd can vanish without any error event reaching us; its socket going away is enough.
      if (socket !== null) {
        watchdog = setInterval(() => {
          if (!stopped && nfc !== null && !existsSync(socket)) void reopenWhenServiceReturns(nfc);
        }, SERVICE_POLL_MS);
        watchdog.unref();
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (poll) clearInterval(poll);
      if (watchdog) clearInterval(watchdog);
      poll = null;
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
