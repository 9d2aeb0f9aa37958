/**
 * Belgian eID answer-to-reset patterns (domain.md §1.1). Only a hint: the reader still proves a
 * BEID by selecting the identity file, as eid-mw does, so an unknown variant is not rejected here.
 */
export type CardFamily = 'beid' | 'contactless' | 'other';

/** 13-byte applet ≤1.7 ATRs: 3B 98 xx 40 xx A5 03 01 01 01 AD 13 xx. */
function isBeid17(atr: Uint8Array): boolean {
  const mask = [0xff, 0xff, 0x00, 0xff, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00];
  const value = [0x3b, 0x98, 0x00, 0x40, 0x00, 0xa5, 0x03, 0x01, 0x01, 0x01, 0xad, 0x13, 0x00];
  return atr.length === 13 && mask.every((m, i) => ((atr[i] as number) & m) === value[i]);
}

const BEID_18 = [0x3b, 0x7f, 0x96, 0x00, 0x00, 0x80, 0x31, 0x80, 0x65, 0xb0, 0x85, 0x04, 0x01, 0x20, 0x12, 0x0f, 0xff, 0x82, 0x90, 0x00];

export function isBeidAtr(atr: Uint8Array): boolean {
  return isBeid17(atr) || (atr.length === BEID_18.length && BEID_18.every((b, i) => atr[i] === b));
}

/** PC/SC pseudo-ATR of a contactless card seen through a PICC reader (PC/SC part 3): 3B 8x 80 01 … */
export function isContactlessAtr(atr: Uint8Array): boolean {
  return atr.length >= 4 && atr[0] === 0x3b && ((atr[1] as number) & 0xf0) === 0x80 && atr[2] === 0x80 && atr[3] === 0x01;
}

export function cardFamily(atr: Uint8Array): CardFamily {
  if (isContactlessAtr(atr)) return 'contactless';
  return isBeidAtr(atr) ? 'beid' : 'other';
}
