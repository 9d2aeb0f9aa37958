/**
 * Pure rules about a worker's presence, from their last registration. They decide what the kiosk
 * suggests and which choices need a confirmation question; they never block a registration,
 * because only the worker knows what they are doing (and ONSS remarks are only remarks).
 */
import type { Direction, Intent, PresenceStatus, TapWarning, WorkerPresence } from '../../../preload/api.ts';

export const ALL_INTENTS: readonly Intent[] = ['start-work', 'start-break', 'end-break', 'end-work'];

const DIRECTION: Record<Intent, Direction> = {
  'start-work': 'IN',
  'end-break': 'IN',
  'start-break': 'OUT',
  'end-work': 'OUT',
};

const STATUS_AFTER: Record<Intent, PresenceStatus> = {
  'start-work': 'on-site',
  'end-break': 'on-site',
  'start-break': 'on-break',
  'end-work': 'left',
};

/** ONSS remark 24 looks back 24 hours for an IN. */
export const OUT_WITHOUT_IN_WINDOW_MS = 24 * 60 * 60 * 1000;

export function directionOf(intent: Intent): Direction {
  return DIRECTION[intent];
}

export interface LastRegistration {
  intent: Intent;
  atUtc: string;
}

export function presenceAfter(last: LastRegistration | null): WorkerPresence {
  if (!last) return { status: 'absent', since: null, lastIntent: null };
  return { status: STATUS_AFTER[last.intent], since: last.atUtc, lastIntent: last.intent };
}

export function suggestIntent(presence: WorkerPresence): Intent {
  switch (presence.status) {
    case 'on-site':
      return 'end-work';
    case 'on-break':
      return 'end-break';
    case 'absent':
    case 'left':
      return 'start-work';
  }
}

/**
 * Warnings for the choices that would repeat the last direction (remarks 21 and 22), or send an
 * OUT with no IN in the previous 24 hours (remark 24). `lastIn` is the worker's latest IN, if any.
 */
export function tapWarnings(last: LastRegistration | null, lastInUtc: string | null, now: Date): TapWarning[] {
  const warnings: TapWarning[] = [];
  const outs = ALL_INTENTS.filter((i) => DIRECTION[i] === 'OUT');
  const ins = ALL_INTENTS.filter((i) => DIRECTION[i] === 'IN');
  if (last && DIRECTION[last.intent] === 'IN') {
    warnings.push({ kind: 'double-in', appliesTo: ins, since: last.atUtc });
  }
  if (last && DIRECTION[last.intent] === 'OUT') {
    warnings.push({ kind: 'double-out', appliesTo: outs, since: last.atUtc });
  }
  const recentIn = lastInUtc !== null && now.getTime() - Date.parse(lastInUtc) <= OUT_WITHOUT_IN_WINDOW_MS;
  if (!recentIn && !(last && DIRECTION[last.intent] === 'OUT')) {
    warnings.push({ kind: 'out-without-in', appliesTo: outs, since: lastInUtc });
  }
  return warnings;
}
