import { describe, expect, it } from 'vitest';
import type { RegistrationReceipt, TapPrompt } from '../../../preload/api.ts';
import { flowReducer, INITIAL_FLOW, warningsFor, type FlowState } from '../../../renderer/flow/flow.ts';

function prompt(tapId: string, overrides: Partial<TapPrompt> = {}): TapPrompt {
  return {
    tapId,
    cardKind: 'demo',
    worker: { displayName: 'Ana Popescu', language: 'ro' },
    presence: { status: 'on-site', since: '2025-03-03T07:02:00.000Z', lastIntent: 'start-work' },
    suggested: 'end-work',
    allowed: ['start-work', 'start-break', 'end-break', 'end-work'],
    warnings: [{ kind: 'double-in', appliesTo: ['start-work', 'end-break'], since: '2025-03-03T07:02:00.000Z' }],
    expiresAt: '2025-03-03T09:00:30.000Z',
    supervisor: false,
    ...overrides,
  };
}

const receipt: RegistrationReceipt = {
  registrationId: 'r1',
  workerName: 'Ana Popescu',
  intent: 'end-work',
  direction: 'OUT',
  at: '2025-03-03T15:00:00.000Z',
  localTime: '16:00',
  state: 'queued',
};

function tapped(id = 't1'): FlowState {
  return flowReducer(INITIAL_FLOW, { type: 'event', event: { type: 'tap', prompt: prompt(id) } });
}

describe('worker flow', () => {
  it('a tap identifies the worker; registering shows the confirmation', () => {
    let state = tapped();
    expect(state.screen).toBe('identified');
    state = flowReducer(state, { type: 'register-started' });
    state = flowReducer(state, { type: 'registered', tapId: 't1', receipt, online: true });
    expect(state).toMatchObject({ screen: 'confirmation', savedOffline: false });
  });

  it('says "saved, sent later" when registered offline', () => {
    const state = flowReducer(flowReducer(tapped(), { type: 'register-started' }), { type: 'registered', tapId: 't1', receipt, online: false });
    expect(state).toMatchObject({ screen: 'confirmation', savedOffline: true });
  });

  it('a new tap wins over a confirmation, an error, or another worker', () => {
    const confirmation = flowReducer(flowReducer(tapped(), { type: 'register-started' }), { type: 'registered', tapId: 't1', receipt, online: true });
    expect(flowReducer(confirmation, { type: 'event', event: { type: 'tap', prompt: prompt('t2') } })).toMatchObject({ screen: 'identified' });
    const error = flowReducer(INITIAL_FLOW, { type: 'failed', tapId: null, message: { key: 'api.error.internal' } });
    expect(flowReducer(error, { type: 'event', event: { type: 'tap', prompt: prompt('t2') } })).toMatchObject({ screen: 'identified' });
  });

  it('ignores the answer for a tap that a newer tap replaced', () => {
    let state = flowReducer(tapped('t1'), { type: 'register-started' });
    state = flowReducer(state, { type: 'event', event: { type: 'tap', prompt: prompt('t2') } });
    const after = flowReducer(state, { type: 'registered', tapId: 't1', receipt, online: true });
    expect(after).toBe(state);
  });

  it('the same tap announced twice keeps the screen (no reset of a pending question)', () => {
    const asking = flowReducer(tapped(), { type: 'ask', intent: 'start-work' });
    expect(flowReducer(asking, { type: 'event', event: { type: 'tap', prompt: prompt('t1') } })).toBe(asking);
  });

  it('closing the tap elsewhere (expired, cancelled) returns to idle, but not while our call is in flight', () => {
    const closed = flowReducer(tapped(), { type: 'event', event: { type: 'tap-closed', tapId: 't1', reason: 'expired' } });
    expect(closed.screen).toBe('idle');
    const busy = flowReducer(tapped(), { type: 'register-started' });
    expect(flowReducer(busy, { type: 'event', event: { type: 'tap-closed', tapId: 't1', reason: 'registered' } })).toBe(busy);
  });

  it('a tap error shows the error screen with the badge number', () => {
    const state = flowReducer(INITIAL_FLOW, {
      type: 'event',
      event: { type: 'tap-error', error: { code: 'unknown-badge', message: { key: 'tap.error.unknownBadge', params: { badge: '04A1' } }, badgeUid: '04A1' } },
    });
    expect(state).toMatchObject({ screen: 'error', badgeUid: '04A1', message: { key: 'tap.error.unknownBadge' } });
  });

  it('a pending tap in the first snapshot opens the identified screen unless expired', () => {
    const live = flowReducer(INITIAL_FLOW, { type: 'snapshot', pendingTap: prompt('t1'), nowMs: Date.parse('2025-03-03T09:00:00.000Z') });
    expect(live.screen).toBe('identified');
    const stale = flowReducer(INITIAL_FLOW, { type: 'snapshot', pendingTap: prompt('t1'), nowMs: Date.parse('2025-03-03T09:01:00.000Z') });
    expect(stale.screen).toBe('idle');
  });

  it('finds the warnings for one choice', () => {
    expect(warningsFor(prompt('t1'), 'start-work').map((w) => w.kind)).toEqual(['double-in']);
    expect(warningsFor(prompt('t1'), 'end-work')).toEqual([]);
  });
});
