/**
 * Recognises a USB keyboard-wedge badge reader: it "types" the badge number and Enter much faster
 * than a person can. Decoding uses the physical key (`KeyboardEvent.code`), never the character, so
 * a Belgian AZERTY layout — where the digit row types `&é"'(` without Shift — still reads `12345`.
 */
const CODE_TO_CHAR: Readonly<Record<string, string>> = Object.fromEntries([
  ...Array.from({ length: 10 }, (_, d) => [`Digit${d}`, String(d)]),
  ...Array.from({ length: 10 }, (_, d) => [`Numpad${d}`, String(d)]),
  ...['A', 'B', 'C', 'D', 'E', 'F'].map((l) => [`Key${l}`, l]),
]);

/** A reader types a key every few ms; people need 80 ms or more. */
export const MAX_KEY_GAP_MS = 40;
export const MIN_LENGTH = 4;
export const MAX_LENGTH = 20;

export interface WedgeDecoder {
  /** Feeds one keydown; returns the badge number when this key (Enter) completes a fast burst. */
  key(code: string, timeMs: number): string | null;
  /** True while a burst is being typed: the UI swallows those keys. */
  inBurst(timeMs: number): boolean;
}

export function createWedgeDecoder(): WedgeDecoder {
  let buffer = '';
  let last = -Infinity;
  return {
    key(code, timeMs) {
      const fast = timeMs - last <= MAX_KEY_GAP_MS;
      last = timeMs;
      if (code === 'Enter' || code === 'NumpadEnter') {
        const uid = fast && buffer.length >= MIN_LENGTH && buffer.length <= MAX_LENGTH ? buffer : null;
        buffer = '';
        return uid;
      }
      const char = CODE_TO_CHAR[code];
      if (char === undefined) {
        buffer = '';
        return null;
      }
      buffer = fast ? buffer + char : char;
      return null;
    },
    inBurst(timeMs) {
      return buffer.length > 0 && timeMs - last <= MAX_KEY_GAP_MS;
    },
  };
}
