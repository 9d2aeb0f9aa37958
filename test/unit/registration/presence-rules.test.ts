import { describe, expect, it } from 'vitest';
import {
  directionOf,
  presenceAfter,
  suggestIntent,
  tapWarnings,
} from '../../../main/core/registration/presence-rules.ts';

const now = new Date('2026-11-22T08:00:00Z');

describe('presence rules', () => {
  it('maps intents to ONSS directions: a break is OUT then IN', () => {
    expect(directionOf('start-work')).toBe('IN');
    expect(directionOf('start-break')).toBe('OUT');
    expect(directionOf('end-break')).toBe('IN');
    expect(directionOf('end-work')).toBe('OUT');
  });

  it('derives presence and the suggested next intent', () => {
    expect(presenceAfter(null)).toEqual({ status: 'absent', since: null, lastIntent: null });
    expect(suggestIntent(presenceAfter(null))).toBe('start-work');
    const onBreak = presenceAfter({ intent: 'start-break', atUtc: '2026-11-22T07:30:00Z' });
    expect(onBreak.status).toBe('on-break');
    expect(suggestIntent(onBreak)).toBe('end-break');
    expect(suggestIntent(presenceAfter({ intent: 'start-work', atUtc: '2026-11-22T06:00:00Z' }))).toBe('end-work');
    expect(suggestIntent(presenceAfter({ intent: 'end-work', atUtc: '2026-11-22T06:00:00Z' }))).toBe('start-work');
  });

  it('warns before a second IN in a row (remark 21)', () => {
    const w = tapWarnings({ intent: 'start-work', atUtc: '2026-11-22T06:02:00Z' }, '2026-11-22T06:02:00Z', now);
    expect(w).toEqual([{ kind: 'double-in', appliesTo: ['start-work', 'end-break'], since: '2026-11-22T06:02:00Z' }]);
  });

  it('warns before a second OUT in a row (remark 22), not also remark 24', () => {
    const w = tapWarnings({ intent: 'start-break', atUtc: '2026-11-22T07:00:00Z' }, '2026-11-22T06:00:00Z', now);
    expect(w).toEqual([{ kind: 'double-out', appliesTo: ['start-break', 'end-work'], since: '2026-11-22T07:00:00Z' }]);
  });

  it('warns on OUT without an IN in the previous 24 hours (remark 24)', () => {
    expect(tapWarnings(null, null, now)).toEqual([
      { kind: 'out-without-in', appliesTo: ['start-break', 'end-work'], since: null },
    ]);
    // An IN of 25 hours ago does not count.
    const stale = tapWarnings({ intent: 'start-work', atUtc: '2026-11-21T07:00:00Z' }, '2026-11-21T07:00:00Z', now);
    expect(stale.map((x) => x.kind)).toEqual(['double-in', 'out-without-in']);
  });

  it('handles a night shift across midnight like any other shift', () => {
    const w = tapWarnings(
      { intent: 'start-work', atUtc: '2026-11-21T21:30:00Z' },
      '2026-11-21T21:30:00Z',
      new Date('2026-11-22T05:30:00Z'),
    );
    expect(w.map((x) => x.kind)).toEqual(['double-in']);
  });
});
