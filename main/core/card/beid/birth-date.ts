/**
 * Birth date as printed in the identity file (tag 0x0C): `DD MMM YYYY` on French and Dutch cards,
 * `DD.MMM.YYYY` on German ones, with the official month tokens (3 or 4 letters, matched by prefix).
 * Unknown day or month appear as blanks; they come back as null.
 */
export interface BirthDate {
  year: number;
  month: number | null;
  day: number | null;
}

/** Official tokens per month (FR, NL, DE), from the BOSA "ID and Address file contents" list. */
const MONTH_TOKENS: ReadonlyArray<readonly string[]> = [
  ['JAN'],
  ['FEV', 'FEB'],
  ['MARS', 'MAAR', 'MÄR', 'MAR'],
  ['AVR', 'APR'],
  ['MAI', 'MEI'],
  ['JUIN', 'JUN'],
  ['JUIL', 'JUL'],
  ['AOUT', 'AUG'],
  ['SEPT', 'SEP'],
  ['OCT', 'OKT'],
  ['NOV'],
  ['DEC', 'DEZ'],
];

function monthOf(token: string): number | null {
  const t = token.trim().toUpperCase();
  if (t === '') return null;
  // Longest token first so MAI (May) is not taken for MA(rs/ar).
  let best: { month: number; length: number } | null = null;
  MONTH_TOKENS.forEach((tokens, index) => {
    for (const candidate of tokens) {
      if ((t.startsWith(candidate) || candidate.startsWith(t)) && (!best || candidate.length > best.length)) {
        best = { month: index + 1, length: candidate.length };
      }
    }
  });
  return best === null ? Number.NaN : (best as { month: number }).month;
}

export function parseBirthDate(text: string): BirthDate | null {
  const separator = text.includes('.') ? '.' : ' ';
  const first = text.indexOf(separator);
  const last = text.lastIndexOf(separator);
  if (first < 0 || last === first) return null;
  const dayText = text.slice(0, first).trim();
  const month = monthOf(text.slice(first + 1, last));
  const year = Number(text.slice(last + 1).trim());
  if (!Number.isInteger(year) || year < 1850 || year > 2200 || Number.isNaN(month)) return null;
  const day = dayText === '' ? null : Number(dayText);
  if (day !== null && !(Number.isInteger(day) && day >= 1 && day <= 31)) return null;
  return { year, month, day };
}
