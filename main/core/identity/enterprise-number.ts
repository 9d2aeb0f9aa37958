/**
 * Belgian enterprise number (KBO/BCE, domain.md §2.3): 10 digits, the first 0 or 1 for enterprises
 * (2–8 are establishment units, not employers), check = 97 − (first 8 digits mod 97). Accepts the
 * usual writings: `BE`, dots, spaces, and old 9-digit numbers (a 0 is prefixed).
 */
export type EnterpriseNumberCheck = { ok: true; number: string } | { ok: false; reason: 'format' | 'establishment-unit' | 'checksum' };

export function checkEnterpriseNumber(input: string): EnterpriseNumberCheck {
  let digits = input.replace(/^\s*BE/i, '').replace(/[\s.]/g, '');
  if (/^\d{9}$/.test(digits)) digits = `0${digits}`;
  if (!/^\d{10}$/.test(digits)) return { ok: false, reason: 'format' };
  if (digits[0] !== '0' && digits[0] !== '1') return { ok: false, reason: 'establishment-unit' };
  if (97 - (Number(digits.slice(0, 8)) % 97) !== Number(digits.slice(8))) return { ok: false, reason: 'checksum' };
  return { ok: true, number: digits };
}

/** `0403.019.261` */
export function formatEnterpriseNumber(number: string): string {
  return `${number.slice(0, 4)}.${number.slice(4, 7)}.${number.slice(7)}`;
}
