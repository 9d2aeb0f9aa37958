/** Every time on screen is Brussels wall-clock time, whatever the device's zone. */
import { DateTime } from 'luxon';

export const ZONE = 'Europe/Brussels';

export function hhmm(iso: string): string {
  return DateTime.fromISO(iso).setZone(ZONE).toFormat('HH:mm');
}

export function clockParts(epochMs: number, locale: string): { time: string; date: string } {
  const at = DateTime.fromMillis(epochMs).setZone(ZONE).setLocale(locale);
  return { time: at.toFormat('HH:mm'), date: at.toFormat('cccc d MMMM') };
}
