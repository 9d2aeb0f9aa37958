/**
 * The TLV format of the eID identity and address files: a 1-byte tag, then a length that is one
 * byte below 255, else a run of 0xFF bytes each adding 255 plus a final byte. Files are padded with
 * zeros to their fixed size; a 0x00 tag after the first field is padding, not data.
 */
export interface TlvField {
  tag: number;
  value: Uint8Array;
}

export class TlvError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
    this.name = 'TlvError';
  }
}

export function parseTlv(bytes: Uint8Array): TlvField[] {
  const fields: TlvField[] = [];
  let i = 0;
  let lastTag = -1;
  while (i < bytes.length) {
    const tag = bytes[i] as number;
    // Zero padding: the rest of the file must be zeros.
    if (tag === 0x00 && fields.length > 0) {
      if (bytes.subarray(i).some((b) => b !== 0)) throw new TlvError('data after zero padding', i);
      break;
    }
    if (tag <= lastTag) throw new TlvError(`tag 0x${tag.toString(16)} out of ascending order`, i);
    i += 1;
    let length = 0;
    for (;;) {
      if (i >= bytes.length) throw new TlvError('truncated length', i);
      const b = bytes[i] as number;
      i += 1;
      length += b;
      if (b !== 0xff) break;
    }
    if (i + length > bytes.length) throw new TlvError(`field 0x${tag.toString(16)} longer than the file`, i);
    fields.push({ tag, value: bytes.subarray(i, i + length) });
    i += length;
    lastTag = tag;
  }
  return fields;
}

/**
 * True once `bytes` holds a whole TLV sequence followed by zero padding, i.e. reading more of the
 * file cannot add a field. Lets the reader stop after the first chunk of a padded file.
 */
export function tlvEndsInPadding(bytes: Uint8Array): boolean {
  let i = 0;
  let fields = 0;
  while (i < bytes.length) {
    if (bytes[i] === 0x00 && fields > 0) return true;
    i += 1;
    let length = 0;
    for (;;) {
      if (i >= bytes.length) return false;
      const b = bytes[i] as number;
      i += 1;
      length += b;
      if (b !== 0xff) break;
    }
    i += length;
    fields += 1;
  }
  return false;
}
