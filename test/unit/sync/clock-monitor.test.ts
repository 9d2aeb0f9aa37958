import { describe, expect, it } from 'vitest';
import { createClockMonitor, type ClockStatus } from '../../../main/core/sync/clock-monitor.ts';

function setup() {
  let wall = Date.parse('2026-11-22T08:00:00Z');
  let mono = 1_000;
  const changes: ClockStatus[] = [];
  const monitor = createClockMonitor({ wallMs: () => wall, monotonicMs: () => mono, onChange: (s) => changes.push(s) });
  return {
    monitor,
    changes,
    advance(ms: number, wallStep = 0) {
      wall += ms + wallStep;
      mono += ms;
    },
    wallNow: () => wall,
  };
}

describe('clock monitor', () => {
  it('is quiet while wall and monotonic clocks advance together', () => {
    const t = setup();
    for (let i = 0; i < 10; i += 1) {
      t.advance(30_000, 50); // NTP slews of a few ms are not jumps
      t.monitor.tick();
    }
    expect(t.monitor.status()).toEqual({ offsetSeconds: null, lastJumpAt: null, ok: true });
    expect(t.changes).toEqual([]);
  });

  it('flags a wall clock set forward or back while running', () => {
    const t = setup();
    t.advance(30_000, -3_600_000);
    t.monitor.tick();
    expect(t.monitor.status()).toMatchObject({ ok: false, lastJumpAt: new Date(t.wallNow()).toISOString() });
    expect(t.changes).toHaveLength(1);
  });

  it('flags a clock that differs from ONSS by more than a minute, and clears when it agrees again', () => {
    const t = setup();
    t.monitor.observeServerDate(new Date(t.wallNow() + 5_000), t.wallNow());
    expect(t.monitor.status()).toEqual({ offsetSeconds: 5, lastJumpAt: null, ok: true });
    t.monitor.observeServerDate(new Date(t.wallNow() - 180_000), t.wallNow());
    expect(t.monitor.status()).toMatchObject({ offsetSeconds: -180, ok: false });
    t.monitor.observeServerDate(new Date(t.wallNow()), t.wallNow());
    expect(t.monitor.status().ok).toBe(true);
    expect(t.changes.map((c) => c.ok)).toEqual([false, true]);
  });
});
