/**
 * The rows of a registration export (CSV and PDF): one per registration, in Europe/Brussels
 * local time, national numbers masked like every other view. Column titles are English: an
 * export is a document for the office, not kiosk UI.
 */
import { DateTime } from 'luxon';
import { maskNationalNumber } from '../identity/national-number.ts';
import { SITE_ZONE } from '../time/brussels-time.ts';
import type { RosterRegistration } from './anomalies.ts';
import { describeRemark } from './remarks.ts';

export const EXPORT_COLUMNS = ['Date', 'Time', 'Worker', 'National number', 'Direction', 'Intent', 'Channel', 'Status', 'Remarks'] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string>;

export function toExportRows(registrations: readonly RosterRegistration[]): ExportRow[] {
  return registrations.map((r) => {
    const local = DateTime.fromISO(r.atUtc, { zone: SITE_ZONE });
    return {
      Date: local.toFormat('yyyy-MM-dd'),
      Time: local.toFormat('HH:mm:ss'),
      Worker: r.displayName ?? '',
      'National number': maskNationalNumber(r.niss),
      Direction: r.direction,
      Intent: r.intent ?? '',
      Channel: r.channel,
      Status: r.state,
      Remarks: r.remarks
        .map((raw) => {
          const n = describeRemark(raw).number;
          return n === null ? raw : `${n}`;
        })
        .join(', '),
    };
  });
}

/** Cells that a spreadsheet would run as a formula are prefixed with ' (CSV injection). */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Semicolon-separated with a UTF-8 BOM and CRLF: what Excel opens directly with Belgian regional settings. */
export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.join(';'), ...rows.map((row) => EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
