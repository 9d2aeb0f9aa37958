/**
 * Sends one command and follows the T=0 status-word protocol: `61xx` → GET RESPONSE for xx more
 * bytes, `6Cxx` → re-send the same command with Le = xx. The transport is injected, so this runs
 * against a real reader and against recorded transcripts alike.
 */
import { splitResponse, type ApduResponse } from './response.ts';

/** Sends raw command bytes, resolves with raw response bytes (data + SW1 SW2). */
export type Transmit = (command: Uint8Array) => Promise<Uint8Array>;

const MAX_CHAINED = 64;

export interface Exchange {
  (command: Uint8Array): Promise<ApduResponse>;
  /** How many APDUs went to the card so far (the reading cost a benchmark reports). */
  readonly count: number;
}

export function createExchange(transmit: Transmit): Exchange {
  let count = 0;
  async function send(command: Uint8Array): Promise<ApduResponse> {
    count += 1;
    return splitResponse(await transmit(command));
  }
  const exchange = async (command: Uint8Array): Promise<ApduResponse> => {
    let response = await send(command);
    if (response.sw >> 8 === 0x6c) {
      const retry = Uint8Array.from(command);
      retry[retry.length - 1] = response.sw & 0xff;
      response = await send(retry);
    }
    const chunks: Uint8Array[] = [response.data];
    for (let i = 0; response.sw >> 8 === 0x61 && i < MAX_CHAINED; i += 1) {
      response = await send(Uint8Array.of(0x00, 0xc0, 0x00, 0x00, response.sw & 0xff));
      chunks.push(response.data);
    }
    const total = chunks.reduce((n, c) => n + c.length, 0);
    const data = new Uint8Array(total);
    let offset = 0;
    for (const c of chunks) {
      data.set(c, offset);
      offset += c.length;
    }
    return { data, sw: response.sw };
  };
  Object.defineProperty(exchange, 'count', { get: () => count });
  return exchange as Exchange;
}
