/**
 * The JSON of the ONSS REST presenceRegistration service — UNVERIFIED.
 *
 * The official OpenAPI file could not be obtained (shared/reference/domain.md §3.3): resource paths
 * and field names below are modelled on the SOAP 1.11 types (INSS, CompanyID, WorkPlaceId,
 * ClientPresenceRegistrationReference, PresenceRegistrationId) with the REST additions REUSE lists
 * (time of day, IN/OUT). All guesswork about the wire lives in this one module, shared by the client
 * and the stand-in: when the real specification is at hand, this file (and the paths in
 * `ONSS_PATHS`) is what changes.
 */
import { z } from 'zod';

export const ONSS_PATHS = {
  /** Relative to the API base URL, e.g. https://services.socialsecurity.be/REST/presenceRegistration/v1 */
  presences: 'presences',
} as const;

/** SOAP batches are limited to 200 registrations; we assume the same for REST. */
export const MAX_PRESENCES_PER_CALL = 200;

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.number().int().positive(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const presenceSubmissionSchema = z.object({
  clientPresenceRegistrationReference: z.string().min(1).max(24),
  inss: z.string().regex(/^\d{11}$/),
  /** KBO/BCE number as 10 digits (SOAP sends an xs:long, dropping the leading 0; unverified for REST). */
  companyId: z.string().regex(/^\d{10}$/),
  workPlaceId: z.string().min(1).max(13),
  registrationType: z.enum(['IN', 'OUT']),
  /** Local time of the registration with its offset (Europe/Brussels). */
  registrationDateTime: z.iso.datetime({ offset: true }),
});
export type PresenceSubmission = z.infer<typeof presenceSubmissionSchema>;

export const registerRequestSchema = z.object({
  presences: z.array(presenceSubmissionSchema).min(1).max(MAX_PRESENCES_PER_CALL),
});
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

const errorSchema = z.object({ code: z.string(), description: z.string() });

export const presenceResultSchema = z.object({
  clientPresenceRegistrationReference: z.string(),
  status: z.enum(['REGISTERED', 'REFUSED']),
  presenceRegistrationId: z.string().nullable(),
  /** Remark numbers of the ONSS remark table (e.g. "21"), possibly empty. */
  remarks: z.array(z.string()).max(10),
  errors: z.array(errorSchema).max(10),
});
export type PresenceResult = z.infer<typeof presenceResultSchema>;

export const registerResponseSchema = z.object({ results: z.array(presenceResultSchema) });
export type RegisterResponse = z.infer<typeof registerResponseSchema>;

export const onssChannelSchema = z.enum(['BADGE', 'SMARTPHONE', 'WEB', 'OTHER']);

export const searchedPresenceSchema = z.object({
  presenceRegistrationId: z.string(),
  clientPresenceRegistrationReference: z.string().nullable(),
  inss: z.string().regex(/^\d{11}$/),
  workPlaceId: z.string(),
  registrationType: z.enum(['IN', 'OUT']),
  registrationDateTime: z.iso.datetime({ offset: true }),
  channel: onssChannelSchema,
  status: z.enum(['REGISTERED', 'REFUSED']),
  remarks: z.array(z.string()),
});
export type SearchedPresence = z.infer<typeof searchedPresenceSchema>;

/** GET presences?workPlaceId=&from=&to= (ISO instants); at most 500 results, like the SOAP search. */
export const searchResponseSchema = z.object({ presences: z.array(searchedPresenceSchema).max(500) });
export type SearchResponse = z.infer<typeof searchResponseSchema>;
