import { describe, expect, it } from 'vitest';
import { createWedgeDecoder } from '../../../renderer/input/keyboard-wedge.ts';

/** Feeds physical key codes as a reader would: one every 8 ms, then Enter. */
function typed(codes: string[], start = 1000, gap = 8) {
  const decoder = createWedgeDecoder();
  let result: string | null = null;
  codes.forEach((code, i) => {
    result = decoder.key(code, start + i * gap) ?? result;
  });
  return result;
}

describe('keyboard-wedge badge reader', () => {
  it('reads the badge number from physical keys, whatever the layout (AZERTY types &é"\'( for 12345)', () => {
    expect(typed(['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Enter'])).toBe('12345');
  });

  it('reads hexadecimal numbers and the numeric keypad', () => {
    expect(typed(['Digit0', 'Digit4', 'KeyA', 'KeyB', 'Numpad7', 'KeyF', 'NumpadEnter'])).toBe('04AB7F');
  });

  it('ignores a person typing (slow keys)', () => {
    expect(typed(['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Enter'], 1000, 150)).toBeNull();
  });

  it('ignores too short bursts and other keys', () => {
    expect(typed(['Digit1', 'Digit2', 'Enter'])).toBeNull();
    expect(typed(['Digit1', 'Digit2', 'KeyZ', 'Digit3', 'Digit4', 'Enter'])).toBeNull();
  });

  it('knows when a burst is in progress, so the page never receives those keys', () => {
    const decoder = createWedgeDecoder();
    decoder.key('Digit1', 1000);
    expect(decoder.inBurst(1005)).toBe(true);
    expect(decoder.inBurst(1200)).toBe(false);
  });
});
