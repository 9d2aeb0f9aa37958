import { describe, expect, it } from 'vitest';
import { detectAnomalies, workedMinutes, type RosterRegistration } from '../../../main/core/roster/anomalies.ts';
import { remarkNumber } from '../../../main/core/roster/remarks.ts';
import { ECHO_TOLERANCE_MS, mergeRegistrations, type RemoteRegistration } from '../../../main/core/roster/remote-registrations.ts';
import hints from '../../../main/core/roster/remark-hints.en.json' with { type: 'json' };
import type { Intent } from '../../../preload/api.ts';

const DIR = { 'start-work': 'IN', 'end-break': 'IN', 'start-break': 'OUT', 'end-work': 'OUT' } as const;
let seq = 0;
const ANA = '88041212335';

function reg(atUtc: string, intent: Intent, extra: Partial<RosterRegistration> = {}): RosterRegistration {
  seq += 1;
  return {
    registrationId: `r${seq}`, niss: ANA, workerId: 1, displayName: 'Ana', intent, direction: DIR[intent],
    atUtc, channel: 'this-kiosk', state: 'queued', remarks: [], ...extra,
  };
}
// 2026-11-22 in Brussels (CET, UTC+1) starts at 2026-11-21T23:00Z.
const dayStart = new Date('2026-11-21T23:00:00Z');

describe('anomalies', () => {
  it('a normal day with a break has none and counts the worked time without the break', () => {
    const list = [reg('2026-11-22T06:00:00Z', 'start-work'), reg('2026-11-22T09:00:00Z', 'start-break'), reg('2026-11-22T09:30:00Z', 'end-break'), reg('2026-11-22T14:00:00Z', 'end-work')];
    const now = new Date('2026-11-22T15:00:00Z');
    expect(detectAnomalies(list, now, dayStart)).toEqual([]);
    expect(workedMinutes(list, now, dayStart)).toBe(3 * 60 + 4 * 60 + 30);
  });

  it('a night shift across midnight is not a missing OUT; only the part after midnight counts today', () => {
    const list = [reg('2026-11-21T21:00:00Z', 'start-work'), reg('2026-11-22T05:00:00Z', 'end-work')];
    expect(detectAnomalies(list, new Date('2026-11-22T06:00:00Z'), dayStart)).toEqual([]);
    expect(workedMinutes(list, new Date('2026-11-22T06:00:00Z'), dayStart)).toBe(6 * 60);
    // Still inside at 03:00 local, 5 h after the IN: a night shift, no anomaly; open interval counts until now.
    const open = [reg('2026-11-21T21:00:00Z', 'start-work')];
    expect(detectAnomalies(open, new Date('2026-11-22T02:00:00Z'), dayStart)).toEqual([]);
    expect(workedMinutes(open, new Date('2026-11-22T02:00:00Z'), dayStart)).toBe(3 * 60);
  });

  it('an IN still open after 14 h, or on break since yesterday, is a missing OUT', () => {
    const open = reg('2026-11-21T07:00:00Z', 'start-work');
    expect(detectAnomalies([open], new Date('2026-11-22T08:00:00Z'), dayStart)).toMatchObject([
      { kind: 'missing-out', registrationId: open.registrationId, hint: { key: 'anomaly.missingOut.action' } },
    ]);
    const onBreak = reg('2026-11-21T12:00:00Z', 'start-break');
    expect(detectAnomalies([onBreak], new Date('2026-11-22T08:00:00Z'), dayStart)[0]?.kind).toBe('missing-out');
  });

  it('yesterday IN then today IN is a missing OUT for yesterday, not a double IN', () => {
    const y = reg('2026-11-21T07:00:00Z', 'start-work');
    const list = [y, reg('2026-11-22T07:00:00Z', 'start-work')];
    expect(detectAnomalies(list, new Date('2026-11-22T08:00:00Z'), dayStart).map((a) => [a.kind, a.registrationId])).toEqual([
      ['missing-out', y.registrationId],
    ]);
  });

  it('double IN and double OUT in a row, with the hints of remarks 21 and 22', () => {
    const list = [reg('2026-11-22T06:00:00Z', 'start-work'), reg('2026-11-22T06:01:00Z', 'start-work'), reg('2026-11-22T10:00:00Z', 'start-break'), reg('2026-11-22T14:00:00Z', 'end-work')];
    expect(detectAnomalies(list, new Date('2026-11-22T15:00:00Z'), dayStart).map((a) => [a.kind, a.hint.key])).toEqual([
      ['double-in', 'remark.21.action'],
      ['double-out', 'remark.22.action'],
    ]);
  });

  it('rejected registrations and ONSS remarks, numbered or in SOAP wording, get action hints', () => {
    const list = [
      reg('2026-11-22T06:00:00Z', 'start-work', { state: 'rejected' }),
      reg('2026-11-22T14:00:00Z', 'end-work', { state: 'accepted', remarks: ['32', 'RELATED DIMONA NOT OK', 'something new'] }),
    ];
    expect(detectAnomalies(list, new Date('2026-11-22T15:00:00Z'), dayStart).map((a) => [a.kind, a.remark, a.label.key, a.hint.key])).toEqual([
      ['rejected', null, 'anomaly.rejected', 'anomaly.rejected.action'],
      ['remark', 32, 'remark.32.label', 'remark.32.action'],
      ['remark', 1, 'remark.1.label', 'remark.1.action'],
      ['remark', null, 'anomaly.remark', 'remark.unknown.action'],
    ]);
  });

  it('remark numbers are parsed and every numbered key has an English text', () => {
    expect([remarkNumber('21'), remarkNumber('Remark 24'), remarkNumber('14 - Un enregistrement similaire'), remarkNumber('13'), remarkNumber('SAME DECLARATION HAS ALREADY BEEN REGISTERED')]).toEqual([21, 24, 14, null, 14]);
    for (const n of [1, 2, 10, 11, 12, 14, 17, 21, 22, 24, 32]) {
      expect(hints).toHaveProperty([`remark.${n}.action`]);
      expect(hints).toHaveProperty([`remark.${n}.label`]);
    }
  });
});

describe('merging the ONSS search', () => {
  const known = new Map([[ANA, { workerId: 1, displayName: 'Ana' }]]);
  function remote(onssId: string, atUtc: string, extra: Partial<RemoteRegistration> = {}): RemoteRegistration {
    return { onssId, clientReference: null, niss: ANA, direction: 'IN', atUtc, channel: 'other-kiosk', state: 'accepted', remarks: [], ...extra };
  }
  const ids = (rows: readonly RosterRegistration[]) => rows.map((r) => [r.registrationId, r.channel, r.displayName]);

  it('adds registrations made elsewhere and drops our own echo by its client reference; only the others are counted', () => {
    const ours = reg('2026-11-22T06:00:00Z', 'start-work');
    const merged = mergeRegistrations([ours], [
      remote('1', ours.atUtc, { clientReference: ours.registrationId }),
      remote('2', '2026-11-22T05:00:00Z', { direction: 'OUT', channel: 'smartphone' }),
    ], known);
    expect(ids(merged.rows)).toEqual([
      ['remote:2', 'smartphone', 'Ana'],
      [ours.registrationId, 'this-kiosk', 'Ana'],
    ]);
    expect(merged.elsewhere).toBe(1);
  });

  it('without a client reference in the answer, our echo is recognised by worker, direction and time (ONSS may cut the seconds)', () => {
    const tapIn = reg('2026-11-22T06:00:42.517Z', 'start-work');
    const tapOut = reg('2026-11-22T09:30:05Z', 'start-break');
    const merged = mergeRegistrations([tapIn, tapOut], [
      remote('1', '2026-11-22T06:00:00Z'),
      remote('2', '2026-11-22T09:30:05Z', { direction: 'OUT' }),
    ], known);
    expect(ids(merged.rows)).toEqual([
      [tapIn.registrationId, 'this-kiosk', 'Ana'],
      [tapOut.registrationId, 'this-kiosk', 'Ana'],
    ]);
    expect(merged.elsewhere).toBe(0);
  });

  it('is not ours: another direction, more than a minute apart, another worker, or another kiosk\'s reference', () => {
    const ours = reg('2026-11-22T06:00:30Z', 'start-work');
    const others = [
      remote('1', ours.atUtc, { direction: 'OUT' }),
      remote('2', new Date(Date.parse(ours.atUtc) + ECHO_TOLERANCE_MS + 1).toISOString()),
      remote('3', ours.atUtc, { niss: '75092331155' }),
      remote('4', ours.atUtc, { clientReference: 'another-kiosks-ref-0001' }),
    ];
    const merged = mergeRegistrations([ours], others, known);
    expect(merged.elsewhere).toBe(4);
    expect(merged.rows.filter((r) => r.channel === 'this-kiosk')).toEqual([ours]);
  });

  it('each of ours has one echo at most: a second registration in the same minute, made elsewhere, stays', () => {
    const ours = reg('2026-11-22T06:00:10Z', 'start-work');
    // Recognised by reference, so the one without a reference is someone else's.
    const byRef = mergeRegistrations([ours], [remote('1', ours.atUtc, { clientReference: ours.registrationId }), remote('2', '2026-11-22T06:00:00Z', { channel: 'smartphone' })], known);
    expect(ids(byRef.rows)).toEqual([
      ['remote:2', 'smartphone', 'Ana'],
      [ours.registrationId, 'this-kiosk', 'Ana'],
    ]);
    expect(byRef.elsewhere).toBe(1);
    // Two without a reference: the nearer one in time is ours.
    const byTime = mergeRegistrations([ours], [remote('3', '2026-11-22T06:00:50Z', { channel: 'smartphone' }), remote('4', '2026-11-22T06:00:00Z')], known);
    expect(ids(byTime.rows)).toEqual([
      [ours.registrationId, 'this-kiosk', 'Ana'],
      ['remote:3', 'smartphone', 'Ana'],
    ]);
    expect(byTime.elsewhere).toBe(1);
  });
});
