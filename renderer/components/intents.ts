import type { Direction, Intent } from '../../preload/api.ts';

export const INTENTS: readonly Intent[] = ['start-work', 'start-break', 'end-break', 'end-work'];

/** Display only; the core decides the direction it records. */
export const INTENT_DIRECTION: Record<Intent, Direction> = {
  'start-work': 'IN',
  'end-break': 'IN',
  'start-break': 'OUT',
  'end-work': 'OUT',
};
