/**
 * ONSS remarks → remark numbers of the ONSS table "Check In and Out at Work: procedure in case of a
 * technical problem, negligence or error", whose action column the renderer shows as a hint
 * (`remark.<n>.action`, English texts in remark-hints.en.json). ONSS may send the number or, in the
 * SOAP schema's wording, a text; the text → number table below is our reading of both documents.
 */
import type { RegistrationRemark } from '../../../preload/api.ts';

/** Numbers that exist in the ONSS remark table (13, 18–20, 23, 26–31 do not). */
export const KNOWN_REMARKS: ReadonlySet<number> = new Set([
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 21, 22, 24, 25, 32, 33, 34, 35, 36, 37, 38,
]);

const SOAP_TEXTS: ReadonlyArray<[string, number]> = [
  ['RELATED DIMONA NOT OK', 1],
  ["THE COMPANY DOESN'T EXISTS", 4],
  ['LIMOSA ID IS NOT KNOWN', 6],
  ['LIMOSA ID IS NOT ACTIVE AT DATE', 7],
  ['NISS-BIS IS NOT KNOWN IN LIMOSA', 8],
  ['NISS-BIS IS NOT ACTIVE AT THIS DATE IN LIMOSA', 9],
  ['DUC IS NOT EXISTING', 10],
  ['DUC IS NOT ACTIVE AT THIS DATE', 11],
  ['COMPANY IS NOT KNOWN AS BUILDER OR SUBCONTRACTOR IN THIS DUC', 12],
  ['SAME DECLARATION HAS ALREADY BEEN REGISTERED', 14],
  ['NISS IS NOT KNOW IN THE NATIONAL REGISTER', 15],
  ['EMPLOYER NOT ACTIVE', 16],
  ['THE COMPANY ID ASSOCIATED AT A NOT ACTIVE CONTRACT', 17],
];

/** "21", "Remark 21", "21 - Deux ou plusieurs IN", or a SOAP remark text; null if unrecognised. */
export function remarkNumber(raw: string): number | null {
  const text = raw.trim();
  const numbered = /^(?:remar(?:k|que)\s*)?(\d{1,2})(?!\d)/i.exec(text);
  if (numbered) {
    const n = Number(numbered[1]);
    return KNOWN_REMARKS.has(n) ? n : null;
  }
  const upper = text.toUpperCase();
  return SOAP_TEXTS.find(([t]) => upper === t)?.[1] ?? null;
}

export function describeRemark(raw: string): RegistrationRemark {
  const number = remarkNumber(raw);
  return { number, raw, hint: { key: number === null ? 'remark.unknown.action' : `remark.${number}.action` } };
}
