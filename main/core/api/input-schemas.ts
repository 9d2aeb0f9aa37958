/** zod schemas of every KioskApi input: what a transport receives is parsed here before the core sees it. */
import { z } from 'zod';
import type { DeclarationInput, KioskApiInput, KioskApiMethod } from '../../../preload/api.ts';
import { REGIONS } from '../declarations/declaration.ts';

const empty = z.object({}).strict();
const tapId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const intent = z.enum(['start-work', 'start-break', 'end-break', 'end-work']);
const language = z.enum(['nl', 'fr', 'de', 'en', 'pl', 'ro', 'pt', 'es', 'bg', 'tr', 'ar']);
const session = z.string().regex(/^[A-Za-z0-9_-]{20,128}$/);
/** The length rule (4–8 digits) is the core's, so a too-short PIN gets its own message, not `invalid-input`. */
const pin = z.string().regex(/^\d{1,16}$/);
const workerId = z.string().regex(/^\d{1,12}$/);
const badgeUid = z.string().regex(/^[A-Za-z0-9:-]{1,64}$/);
const personName = z.string().trim().min(1).max(80);
const declarationId = z.string().regex(/^\d{1,12}$/);
/** Only the shape and sizes: the content rules are the core's, so a bad KBO number gets its own per-field message. */
const text = z.string().max(400);
const declaration: z.ZodType<DeclarationInput> = z
  .object({
    dowNumber: text,
    workplaceId: text,
    employerName: text,
    enterpriseNumber: text,
    siteName: text,
    siteAddress: z.object({ street: text, postalCode: text, municipality: text }).strict(),
    region: z.enum(REGIONS),
    includeEnglish: z.boolean().optional(),
    gps: z.object({ lat: z.number(), lon: z.number() }).strict().nullable().optional(),
    smartphoneUrl: z.string().max(2000).nullable().optional(),
  })
  .strict();
/** A Brussels calendar day; the round trip through Date rejects 2026-02-30. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar day');

export const INPUT_SCHEMAS: { [M in KioskApiMethod]: z.ZodType<KioskApiInput<M>> } = {
  getSnapshot: empty as unknown as z.ZodType<Record<string, never>>,
  register: z.object({ tapId, intent }).strict(),
  cancelTap: z.object({ tapId }).strict(),
  getRoster: empty as unknown as z.ZodType<Record<string, never>>,
  presentDemoCard: z.object({ demoCardId: z.string().regex(/^[a-z0-9-]{1,32}$/) }).strict(),
  presentKeyboardBadge: z.object({ uid: z.string().regex(/^[0-9A-F]{4,20}$/) }).strict(),
  setWorkerLanguage: z.object({ tapId, language }).strict(),
  supervisorUnlock: z.object({ tapId, pin }).strict(),
  supervisorSetPin: z.object({ tapId, pin }).strict(),
  supervisorLock: z.object({ session }).strict(),
  getSupervisorOverview: z.object({ session }).strict(),
  listWorkers: z.object({ session, query: z.string().max(80).optional() }).strict() as z.ZodType<{
    session: string;
    query?: string;
  }>,
  startEnrolment: z.object({ session, workerId: workerId.optional() }).strict() as z.ZodType<{
    session: string;
    workerId?: string;
  }>,
  cancelEnrolment: z.object({ session }).strict(),
  enrolManualWorker: z
    .object({
      session,
      // Digits with the usual separators (85.07.30-033.61); the core checks the number itself.
      nationalNumber: z.string().regex(/^[0-9. -]{11,20}$/),
      surname: personName,
      firstNames: personName,
    })
    .strict(),
  unlinkBadge: z.object({ session, badgeUid }).strict(),
  exportRegistrations: z.object({ session, from: day, to: day, format: z.enum(['csv', 'pdf']) }).strict(),
  getLanRoster: z.object({ lanToken: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/) }).strict(),
  getFallbackQr: empty as unknown as z.ZodType<Record<string, never>>,
  getPoster: z.object({ session }).strict(),
  listDeclarations: z.object({ session }).strict(),
  saveDeclaration: z.object({ session, id: declarationId.optional(), declaration }).strict() as z.ZodType<{
    session: string;
    id?: string;
    declaration: DeclarationInput;
  }>,
  activateDeclaration: z.object({ session, id: declarationId }).strict(),
  deleteDeclaration: z.object({ session, id: declarationId }).strict(),
  previewPoster: z.object({ session, declaration }).strict(),
  exitKiosk: z.object({ session }).strict(),
};
