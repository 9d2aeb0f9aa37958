/** Synthetic but valid data for benchmarks: checksum-valid national numbers, realistic shifts. */

/** The n-th checksum-valid NISS of a person born in the 1980s (n < 10^5). */
export function syntheticNiss(n: number): string {
  const yy = 80 + (n % 10);
  const mm = 1 + (Math.floor(n / 10) % 12);
  const dd = 1 + (Math.floor(n / 120) % 28);
  const serial = 1 + (Math.floor(n / 3360) % 997);
  const nine = `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}${String(dd).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  return `${nine}${String(97 - (Number(nine) % 97)).padStart(2, '0')}`;
}
