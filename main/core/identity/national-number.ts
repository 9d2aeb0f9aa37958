/**
 * Belgian NISS (national register number) and BIS numbers: YYMMDD SSS CC, check = 97 − (N mod 97)
 * over the first 9 digits, with a `2` prefixed for births from 2000 on. BIS numbers add 20 (sex
 * unknown) or 40 (sex known) to the month. Day and month may be 00 when the birth date is unknown.
 * Pure; used for manual enrolment and for validating the supervisors in the settings.
 */

export type NationalNumberKind = 'niss' | 'bis';

export type NationalNumberCheck =
  | { ok: true; number: string; kind: NationalNumberKind }
  | { ok: false; reason: 'format' | 'checksum' | 'date' };

/** Strips the usual separators (85.07.30-033.61, spaces). */
export function normaliseNationalNumber(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

export function checkNationalNumber(input: string): NationalNumberCheck {
  const number = normaliseNationalNumber(input);
  if (!/^\d{11}$/.test(number)) return { ok: false, reason: 'format' };
  const first9 = Number(number.slice(0, 9));
  const check = Number(number.slice(9));
  let century: 1900 | 2000;
  if (97 - (first9 % 97) === check) century = 1900;
  else if (97 - ((2_000_000_000 + first9) % 97) === check) century = 2000;
  else return { ok: false, reason: 'checksum' };

  const yy = Number(number.slice(0, 2));
  const mm = Number(number.slice(2, 4));
  const dd = Number(number.slice(4, 6));
  let kind: NationalNumberKind;
  let month: number;
  if (mm <= 12) [kind, month] = ['niss', mm];
  else if (mm >= 20 && mm <= 32) [kind, month] = ['bis', mm - 20];
  else if (mm >= 40 && mm <= 52) [kind, month] = ['bis', mm - 40];
  else return { ok: false, reason: 'date' };
  if (dd > 31) return { ok: false, reason: 'date' };
  if (month > 0 && dd > 0) {
    const date = new Date(Date.UTC(century + yy, month - 1, dd));
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dd) return { ok: false, reason: 'date' };
  }
  return { ok: true, number, kind };
}

export function isValidNationalNumber(input: string): boolean {
  return checkNationalNumber(input).ok;
}

/**
 * What views show (GDPR): the birth-date part only, e.g. `85.07.30-***.**`; nothing for a number
 * already erased by the retention purge.
 */
export function maskNationalNumber(number: string | null): string {
  if (number === null) return '';
  return `${number.slice(0, 2)}.${number.slice(2, 4)}.${number.slice(4, 6)}-***.**`;
}
