import { describe, expect, it } from 'vitest';
import { brusselsDayStart, brusselsHourMinute, brusselsIso } from '../../../main/core/time/brussels-time.ts';

describe('Europe/Brussels time', () => {
  it('uses CET in winter and CEST in summer', () => {
    expect(brusselsIso(new Date('2026-01-15T07:02:00Z'))).toBe('2026-01-15T08:02:00.000+01:00');
    expect(brusselsIso(new Date('2026-07-15T06:02:00Z'))).toBe('2026-07-15T08:02:00.000+02:00');
  });
  it('jumps from 02:00 to 03:00 on the last Sunday of March', () => {
    expect(brusselsHourMinute(new Date('2026-03-29T00:59:00Z'))).toBe('01:59');
    expect(brusselsHourMinute(new Date('2026-03-29T01:00:00Z'))).toBe('03:00');
  });
  it('repeats 02:00–03:00 on the last Sunday of October, with distinct offsets', () => {
    expect(brusselsIso(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00.000+02:00');
    expect(brusselsIso(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00.000+01:00');
  });
  it('starts the day at local midnight', () => {
    expect(brusselsDayStart(new Date('2026-07-15T21:59:00Z')).toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(brusselsDayStart(new Date('2026-07-15T22:00:00Z')).toISOString()).toBe('2026-07-15T22:00:00.000Z');
  });
});
