/** A card's response APDU: data followed by the two status bytes SW1 SW2 (ISO 7816-4). */
export interface ApduResponse {
  data: Uint8Array;
  sw: number;
}

export class ApduError extends Error {
  constructor(
    readonly sw: number,
    readonly command: string,
  ) {
    super(`${command}: card answered ${sw.toString(16).toUpperCase().padStart(4, '0')}`);
    this.name = 'ApduError';
  }
}

/** The card stopped answering (removed, reset, or the reader failed) during an exchange. */
export class CardGoneError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'CardGoneError';
  }
}

export const SW_OK = 0x9000;

export function splitResponse(raw: Uint8Array): ApduResponse {
  if (raw.length < 2) throw new CardGoneError(`response of ${raw.length} byte(s): no status word`);
  const n = raw.length;
  return { data: raw.subarray(0, n - 2), sw: ((raw[n - 2] as number) << 8) | (raw[n - 1] as number) };
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
}
