/**
 * Watches the kiosk's clock, because every registration is stamped with it and ONSS flags late or
 * mis-clocked receptions (remark 32). Two signs of a wrong clock: the wall clock jumping against the
 * monotonic clock (someone or something set it), and a difference with the time ONSS's answers carry.
 * Registrations are never blocked or altered for it: the supervisor is told.
 */
export interface ClockStatus {
  /** ONSS's clock minus ours, from the last answer's Date header; null before any answer. */
  offsetSeconds: number | null;
  /** When the wall clock last jumped against the monotonic clock, if it did. */
  lastJumpAt: string | null;
  ok: boolean;
}

export const MAX_OFFSET_SECONDS = 60;
export const JUMP_THRESHOLD_MS = 120_000;

export function createClockMonitor(options: { wallMs: () => number; monotonicMs: () => number; onChange: (status: ClockStatus) => void }) {
  let offsetSeconds: number | null = null;
  let lastJumpAt: string | null = null;
  let reference = { wall: options.wallMs(), mono: options.monotonicMs() };

  const status = (): ClockStatus => ({
    offsetSeconds,
    lastJumpAt,
    ok: lastJumpAt === null && (offsetSeconds === null || Math.abs(offsetSeconds) <= MAX_OFFSET_SECONDS),
  });

  return {
    status,
    /** Called periodically: a wall-clock step larger than the threshold is a jump. */
    tick(): void {
      const now = { wall: options.wallMs(), mono: options.monotonicMs() };
      const drift = now.wall - reference.wall - (now.mono - reference.mono);
      reference = now;
      if (Math.abs(drift) >= JUMP_THRESHOLD_MS) {
        lastJumpAt = new Date(now.wall).toISOString();
        options.onChange(status());
      }
    },
    /** From an ONSS answer: its Date header (second precision) against our clock when it arrived. */
    observeServerDate(serverDate: Date, receivedAtMs: number): void {
      if (Number.isNaN(serverDate.getTime())) return;
      const before = status().ok;
      // The Date header has whole seconds; `+ 0` turns Math.round's -0 into 0.
      offsetSeconds = Math.round((serverDate.getTime() - receivedAtMs) / 1000) + 0;
      if (status().ok !== before) options.onChange(status());
    },
  };
}

export type ClockMonitor = ReturnType<typeof createClockMonitor>;
