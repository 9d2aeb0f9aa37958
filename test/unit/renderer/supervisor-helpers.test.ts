/** Pure helpers of the supervisor screens: name search, status chips, NISS display, export ranges. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { SupervisorRosterEntry } from '../../../preload/api.ts';
import { formatNationalNumber, hoursMinutes } from '../../../renderer/screens/supervisor/display.ts';
import { exportRange } from '../../../renderer/screens/supervisor/export-range.ts';
import { filterCounts, filterRoster, foldName, nameMatches } from '../../../renderer/screens/supervisor/filters.ts';

function entry(name: string | null, status: SupervisorRosterEntry['presence']['status'], anomalies = 0): SupervisorRosterEntry {
  return {
    workerId: name,
    displayName: name,
    maskedNationalNumber: '85.07.30-***.**',
    presence: { status, since: null, lastIntent: null },
    workedMinutesToday: 0,
    registrationsToday: 1,
    unsynced: 0,
    anomalies: Array.from({ length: anomalies }, () => ({
      kind: 'double-in' as const,
      registrationId: null,
      at: null,
      remark: null,
      label: { key: 'anomaly.doubleIn' },
      hint: { key: 'remark.21.action' },
    })),
    channels: ['this-kiosk'],
  };
}

describe('name search', () => {
  it('ignores case and accents, also letters without a decomposition', () => {
    expect(foldName('Krzysztof Wiśniewski')).toBe('krzysztof wisniewski');
    expect(foldName('ŁUKASZ Ørsted İlker')).toBe('lukasz orsted ilker');
    expect(nameMatches('Krzysztof Wiśniewski', 'WIS')).toBe(true);
    expect(nameMatches('Łukasz Nowak', 'luk')).toBe(true);
  });
  it('matches word starts, every typed word', () => {
    expect(nameMatches('Ana Maria Popescu', 'ana pop')).toBe(true);
    expect(nameMatches('Ana Maria Popescu', 'escu')).toBe(false);
    expect(nameMatches('Fatima El Amrani', 'el-am')).toBe(false);
    expect(nameMatches('Jean-Luc Dupont', 'luc')).toBe(true);
    expect(nameMatches('Anyone', '  ')).toBe(true);
  });
});

describe('status chips', () => {
  const entries = [entry('Ana', 'on-site'), entry('Jan', 'on-break', 2), entry('Fatima', 'left'), entry(null, 'on-site')];
  it('filter by status, anomalies and name together', () => {
    expect(filterRoster(entries, 'on-site', '').map((e) => e.displayName)).toEqual(['Ana', null]);
    expect(filterRoster(entries, 'anomalies', '').map((e) => e.displayName)).toEqual(['Jan']);
    expect(filterRoster(entries, 'all', 'fa').map((e) => e.displayName)).toEqual(['Fatima']);
    expect(filterRoster(entries, 'on-break', 'ana')).toEqual([]);
  });
  it('count per chip', () => {
    expect(filterCounts(entries)).toEqual({ all: 4, 'on-site': 2, 'on-break': 1, left: 1, anomalies: 1 });
  });
});

describe('display', () => {
  it('formats a national number while it is typed', () => {
    expect(formatNationalNumber('')).toBe('');
    expect(formatNationalNumber('98')).toBe('98');
    expect(formatNationalNumber('984')).toBe('98.4');
    expect(formatNationalNumber('9847289')).toBe('98.47.28-9');
    expect(formatNationalNumber('98472899765')).toBe('98.47.28-997.65');
  });
  it('worked minutes as h:mm', () => {
    expect(hoursMinutes(0)).toBe('0:00');
    expect(hoursMinutes(485)).toBe('8:05');
  });
});

describe('export ranges (Europe/Brussels days)', () => {
  const today = DateTime.fromISO('2026-11-19T10:00:00', { zone: 'Europe/Brussels' }); // a Thursday
  it('one day', () => {
    expect(exportRange('day', today.minus({ days: 3 }), today)).toEqual({ from: '2026-11-16', to: '2026-11-16' });
  });
  it('this week runs Monday to today, an earlier week Monday to Sunday', () => {
    expect(exportRange('week', today, today)).toEqual({ from: '2026-11-16', to: '2026-11-19' });
    expect(exportRange('week', today.minus({ weeks: 1 }), today)).toEqual({ from: '2026-11-09', to: '2026-11-15' });
  });
  it('uses the Brussels date, not UTC: 23:30 UTC on Sunday is already Monday in Brussels', () => {
    const lateUtc = DateTime.fromISO('2026-11-15T23:30:00Z');
    expect(exportRange('day', lateUtc, lateUtc)).toEqual({ from: '2026-11-16', to: '2026-11-16' });
  });
});
