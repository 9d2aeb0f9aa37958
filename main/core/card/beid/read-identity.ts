/**
 * Reads the identity file with as few APDUs as possible: one SELECT by path (falling back to
 * FID-by-FID selection, as eid-mw does, if a card refuses it), then READ BINARY with Le=00 — a file
 * shorter than 256 bytes answers 6Cxx with its length and is read by the re-issued command.
 * No photo, address or certificate is read: the kiosk needs the national number and the names.
 */
import { ApduError, SW_OK } from '../apdu/response.ts';
import type { Exchange } from '../apdu/exchange.ts';
import { parseIdentityFile, type IdentityFileResult } from './identity-file.ts';
import { tlvEndsInPadding } from './tlv.ts';

const SELECT_IDENTITY_BY_PATH = Uint8Array.of(0x00, 0xa4, 0x08, 0x0c, 0x04, 0xdf, 0x01, 0x40, 0x31);
const SELECT_FID = (hi: number, lo: number) => Uint8Array.of(0x00, 0xa4, 0x02, 0x0c, 0x02, hi, lo);
const READ_BINARY = (offset: number) => Uint8Array.of(0x00, 0xb0, (offset >> 8) & 0x7f, offset & 0xff, 0x00);
/** Larger than any identity file (816 bytes at the envisioned maximum): a guard against looping cards. */
const MAX_FILE = 4096;

/** Thrown when the card is not a Belgian eID (it has no identity file). */
export class NotAnEidError extends Error {
  constructor(readonly sw: number) {
    super(`no eID identity file (SELECT answered ${sw.toString(16).toUpperCase()})`);
    this.name = 'NotAnEidError';
  }
}

async function selectIdentityFile(exchange: Exchange): Promise<void> {
  const direct = await exchange(SELECT_IDENTITY_BY_PATH);
  if (direct.sw === SW_OK) return;
  if (direct.sw !== 0x6a82 && direct.sw !== 0x6a86 && direct.sw !== 0x6a87) throw new NotAnEidError(direct.sw);
  for (const [hi, lo] of [[0x3f, 0x00], [0xdf, 0x01], [0x40, 0x31]] as const) {
    const step = await exchange(SELECT_FID(hi, lo));
    if (step.sw !== SW_OK) throw new NotAnEidError(step.sw);
  }
}

/** Reads a transparent EF from offset 0 until its end — or until `complete` says the rest is padding. */
export async function readTransparentFile(exchange: Exchange, complete: (soFar: Uint8Array) => boolean = () => false): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (;;) {
    const { data, sw } = await exchange(READ_BINARY(offset));
    if (sw === 0x6b00 && offset > 0) break; // the file ended exactly on a chunk boundary
    if (sw !== SW_OK && sw !== 0x6282) throw new ApduError(sw, 'READ BINARY');
    chunks.push(data);
    offset += data.length;
    if (sw === 0x6282 || data.length < 256 || offset >= MAX_FILE || complete(concat(chunks, offset))) break;
  }
  return concat(chunks, offset);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const file = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    file.set(c, at);
    at += c.length;
  }
  return file;
}

export async function readIdentity(exchange: Exchange): Promise<IdentityFileResult> {
  await selectIdentityFile(exchange);
  return parseIdentityFile(await readTransparentFile(exchange, tlvEndsInPadding));
}
