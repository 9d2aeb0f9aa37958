/**
 * The worker flow as a pure state machine: idle → identified → confirmation | error → idle.
 * A new tap always wins (the next worker must never wait); a registration in flight locks the
 * identified screen against a second press (no double registrations from gloved double taps).
 */
import type { Intent, KioskEvent, MessageRef, RegistrationReceipt, TapPrompt, TapWarning } from '../../preload/api.ts';

export type FlowState =
  | { screen: 'idle'; seq: number }
  | {
      screen: 'identified';
      seq: number;
      prompt: TapPrompt;
      /** An intent with a warning, waiting for "yes, really". */
      confirming: Intent | null;
      busy: boolean;
    }
  | { screen: 'confirmation'; seq: number; receipt: RegistrationReceipt; savedOffline: boolean }
  | { screen: 'error'; seq: number; message: MessageRef; badgeUid: string | null };

export type FlowAction =
  | { type: 'event'; event: KioskEvent }
  | { type: 'snapshot'; pendingTap: TapPrompt | null; nowMs: number }
  | { type: 'ask'; intent: Intent }
  | { type: 'back' }
  | { type: 'register-started' }
  | { type: 'registered'; tapId: string; receipt: RegistrationReceipt; online: boolean }
  /** `tapId` when the failure belongs to one tap's registration (stale answers are ignored). */
  | { type: 'failed'; tapId: string | null; message: MessageRef }
  | { type: 'to-idle' };

export const INITIAL_FLOW: FlowState = { screen: 'idle', seq: 0 };

/** The warnings that apply to one choice. */
export function warningsFor(prompt: TapPrompt, intent: Intent): TapWarning[] {
  return prompt.warnings.filter((w) => w.appliesTo.includes(intent));
}

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  const seq = state.seq + 1;
  switch (action.type) {
    case 'event': {
      const { event } = action;
      switch (event.type) {
        case 'tap':
          // The same tap re-announced (same card tapped twice) keeps the screen as it is.
          if (state.screen === 'identified' && state.prompt.tapId === event.prompt.tapId) return state;
          return { screen: 'identified', seq, prompt: event.prompt, confirming: null, busy: false };
        case 'tap-error':
          if (state.screen === 'identified' && state.busy) return state;
          return { screen: 'error', seq, message: event.error.message, badgeUid: event.error.badgeUid ?? null };
        case 'tap-closed':
          // 'registered' while our own call is in flight: the call's answer moves us on.
          if (state.screen !== 'identified' || state.prompt.tapId !== event.tapId || state.busy) return state;
          return { screen: 'idle', seq };
        default:
          return state;
      }
    }
    case 'snapshot':
      if (state.screen !== 'idle' || !action.pendingTap) return state;
      if (Date.parse(action.pendingTap.expiresAt) <= action.nowMs) return state;
      return { screen: 'identified', seq, prompt: action.pendingTap, confirming: null, busy: false };
    case 'ask':
      if (state.screen !== 'identified' || state.busy) return state;
      return { ...state, confirming: action.intent };
    case 'back':
      if (state.screen !== 'identified' || state.busy) return state;
      return { ...state, confirming: null };
    case 'register-started':
      if (state.screen !== 'identified') return state;
      return { ...state, busy: true };
    case 'registered':
      // A newer tap replaced the screen meanwhile: the newer worker keeps it.
      if (state.screen !== 'identified' || state.prompt.tapId !== action.tapId) return state;
      return {
        screen: 'confirmation',
        seq,
        receipt: action.receipt,
        savedOffline: !action.online && action.receipt.state === 'queued',
      };
    case 'failed':
      if (action.tapId !== null && (state.screen !== 'identified' || state.prompt.tapId !== action.tapId)) return state;
      return { screen: 'error', seq, message: action.message, badgeUid: null };
    case 'to-idle':
      return state.screen === 'idle' ? state : { screen: 'idle', seq };
  }
}
