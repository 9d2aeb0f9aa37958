/** Every wall-clock time the kiosk shows or stores is Europe/Brussels, DST included (luxon + ICU). */
import { DateTime } from 'luxon';

export const SITE_ZONE = 'Europe/Brussels';

/** ISO-8601 local time with its offset, e.g. 2026-03-29T03:05:00.000+02:00. */
export function brusselsIso(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: SITE_ZONE }).toISO() as string;
}

export function brusselsHourMinute(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: SITE_ZONE }).toFormat('HH:mm');
}

/** The UTC instant at which the Brussels calendar day containing `instant` began. */
export function brusselsDayStart(instant: Date): Date {
  return DateTime.fromJSDate(instant, { zone: SITE_ZONE }).startOf('day').toJSDate();
}
