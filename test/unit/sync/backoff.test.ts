import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../../main/core/sync/backoff.ts';

describe('backoff with full jitter', () => {
  const policy = { baseMs: 1000, maxMs: 60_000 };
  it('doubles the ceiling per failure and caps it', () => {
    expect(backoffDelayMs(1, policy, () => 1)).toBe(1000);
    expect(backoffDelayMs(3, policy, () => 1)).toBe(4000);
    expect(backoffDelayMs(30, policy, () => 1)).toBe(60_000);
  });
  it('draws uniformly below the ceiling', () => {
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(2000);
  });
});
