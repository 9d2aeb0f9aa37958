/** How numbers read on the supervisor screens. */

/** `85` minutes → `1:25`. */
export function hoursMinutes(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `98472899765` → `98.47.28-997.65`, as printed on documents, also while typing. */
export function formatNationalNumber(digits: string): string {
  const cuts = [2, 4, 6, 9];
  const seps = ['.', '.', '-', '.'];
  let out = '';
  for (let i = 0; i < digits.length; i += 1) {
    const at = cuts.indexOf(i);
    if (at >= 0) out += seps[at];
    out += digits[i];
  }
  return out;
}

/** `0403019261` → `0403.019.261`, as KBO/BCE prints it. */
export function formatEnterpriseNumber(number: string): string {
  return `${number.slice(0, 4)}.${number.slice(4, 7)}.${number.slice(7)}`;
}
