/**
 * A declaration of works (DoW) as the kiosk knows it: the workplace the registrations are for, the
 * employer, and the smartphone-channel URL for the poster's QR code.
 *
 * Unverified (domain.md §4): the format of the DoW number and of the URL behind the DoW's QR code.
 * We accept DoW numbers of 1–20 letters and digits, and build the URL from a template — by default
 * `DEFAULT_SMARTPHONE_URL_TEMPLATE` with `{dowNumber}` replaced — unless the employer gives the exact
 * URL printed on their DoW, which then wins.
 */
import { z } from 'zod';
import type { DeclarationInput, DeclarationRegion } from '../../../preload/api.ts';
import { checkEnterpriseNumber } from '../identity/enterprise-number.ts';

export const DEFAULT_SMARTPHONE_URL_TEMPLATE = 'https://www.socialsecurity.be/citizen/fr/static/applics/check-in-and-out-at-work/index.htm?dow={dowNumber}';

export const REGIONS = ['flanders', 'wallonia', 'brussels', 'east-cantons'] as const satisfies readonly DeclarationRegion[];
export type Region = (typeof REGIONS)[number];
export type PosterLanguage = 'nl' | 'fr' | 'de' | 'en';

/** The languages a site poster must use, by region (Brussels is bilingual). */
export const REGION_LANGUAGES: Record<Region, PosterLanguage[]> = {
  flanders: ['nl'],
  wallonia: ['fr'],
  brussels: ['nl', 'fr'],
  'east-cantons': ['de'],
};

const BELGIUM = { minLat: 49.45, maxLat: 51.55, minLon: 2.5, maxLon: 6.45 };

export const declarationInputSchema = z.object({
  dowNumber: z.string().trim().regex(/^[A-Za-z0-9]{1,20}$/, 'declaration.error.dowNumber'),
  workplaceId: z.string().trim().regex(/^[A-Za-z0-9]{1,13}$/, 'declaration.error.workplaceId'),
  employerName: z.string().trim().min(1, 'declaration.error.employerName').max(160, 'declaration.error.employerName'),
  enterpriseNumber: z.string(),
  siteName: z.string().trim().min(1, 'declaration.error.siteName').max(120, 'declaration.error.siteName'),
  siteAddress: z.object({
    street: z.string().trim().min(1, 'declaration.error.street').max(120, 'declaration.error.street'),
    postalCode: z.string().trim().regex(/^[1-9]\d{3}$/, 'declaration.error.postalCode'),
    municipality: z.string().trim().min(1, 'declaration.error.municipality').max(80, 'declaration.error.municipality'),
  }),
  region: z.enum(REGIONS),
  includeEnglish: z.boolean().default(false),
  gps: z
    .object({ lat: z.number(), lon: z.number() })
    .refine((g) => g.lat >= BELGIUM.minLat && g.lat <= BELGIUM.maxLat && g.lon >= BELGIUM.minLon && g.lon <= BELGIUM.maxLon, 'declaration.error.gps')
    .nullable()
    .default(null),
  /** The exact URL from the employer's DoW, if they have it; otherwise built from the template. */
  smartphoneUrl: z.url({ protocol: /^https$/, error: 'declaration.error.smartphoneUrl' }).nullable().default(null),
});

/** Exact type equality (optional and readonly modifiers count too, unlike mutual assignability). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
/** Compile-time only: the contract's DeclarationInput (preload/api.ts) is exactly what this schema accepts. */
export type DeclarationInputInSync = Assert<Same<DeclarationInput, z.input<typeof declarationInputSchema>>>;

/** The input as stored: trimmed, defaults filled in, the KBO number normalised to 10 digits. */
export type NormalisedDeclarationInput = z.output<typeof declarationInputSchema>;

export interface Declaration extends Omit<z.output<typeof declarationInputSchema>, 'smartphoneUrl'> {
  /** Normalised 10-digit KBO number. */
  enterpriseNumber: string;
  smartphoneUrl: string;
  languages: PosterLanguage[];
}

export type DeclarationValidation =
  | { ok: true; declaration: Declaration; input: NormalisedDeclarationInput }
  | { ok: false; errors: Array<{ field: string; key: string }> };

export function validateDeclaration(input: unknown, urlTemplate = DEFAULT_SMARTPHONE_URL_TEMPLATE): DeclarationValidation {
  const parsed = declarationInputSchema.safeParse(input);
  const errors: Array<{ field: string; key: string }> = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ field: i.path.join('.'), key: i.message.startsWith('declaration.error.') ? i.message : `declaration.error.${String(i.path[0] ?? 'input')}` }));
  const kbo = checkEnterpriseNumber(typeof (input as { enterpriseNumber?: unknown })?.enterpriseNumber === 'string' ? (input as { enterpriseNumber: string }).enterpriseNumber : '');
  if (!kbo.ok) errors.push({ field: 'enterpriseNumber', key: `declaration.error.enterpriseNumber.${kbo.reason}` });
  if (!parsed.success || !kbo.ok || errors.length > 0) return { ok: false, errors };
  const d = parsed.data;
  const languages = [...REGION_LANGUAGES[d.region], ...(d.includeEnglish ? (['en'] as const) : [])];
  return {
    ok: true,
    input: { ...d, enterpriseNumber: kbo.number },
    declaration: {
      ...d,
      enterpriseNumber: kbo.number,
      smartphoneUrl: d.smartphoneUrl ?? urlTemplate.replaceAll('{dowNumber}', encodeURIComponent(d.dowNumber)),
      languages,
    },
  };
}
