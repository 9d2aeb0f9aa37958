/**
 * The JSON of the ONSS REST presenceRegistration service — UNVERIFIED.
 *
 * The official OpenAPI file could not be obtained (shared/reference/domain.md §3.3): resource paths
 * and field names below are modelled on the SOAP 1.11 types (INSS, CompanyID, WorkPlaceId,
 * ClientPresenceRegistrationReference, PresenceRegistrationId) with the REST additions REUSE lists
 * (time of day, IN/OUT), and the remark numbers of the ONSS remark table (shared/seeds/004).
 * All guesswork about the wire lives in this one module, shared by the client and the stand-in:
 * when the real specification is at hand, this file (and the paths in `ONSS_PATHS`) is what changes.
 *
 *   POST {base}/presences       { presences: PresenceSubmission[1..200] } → { results: PresenceResult[] }
 *   GET  {base}/presences?workPlaceId=&from=&to=   (ISO instants, to exclusive) → { presences: SearchedPresence[≤500] }
 *   POST {tokenUrl}             form: client_credentials + JWT client assertion → TokenResponse
 */
import { z } from 'zod';

export const ONSS_PATHS = {
  /** Relative to the API base URL, e.g. https://services.socialsecurity.be/REST/presenceRegistration/v1 */
  presences: 'presences',
} as const;

/** SOAP batches are limited to 200 registrations; we assume the same for REST. */
export const MAX_PRESENCES_PER_CALL = 200;
/** The SOAP search returns at most 500 registrations. */
export const MAX_SEARCH_RESULTS = 500;

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.number().int().positive(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const registrationTypeSchema = z.enum(['IN', 'OUT']);

export const presenceSubmissionSchema = z.object({
  /** Our idempotency key: ONSS answers a resent reference with the original registration. */
  clientPresenceRegistrationReference: z.string().min(1).max(24),
  inss: z.string().regex(/^\d{11}$/),
  /** KBO/BCE number as 10 digits (SOAP sends an xs:long, dropping the leading 0; unverified for REST). */
  companyId: z.string().regex(/^\d{10}$/),
  workPlaceId: z.string().min(1).max(13),
  registrationType: registrationTypeSchema,
  /** Local time of the registration with its offset (Europe/Brussels). */
  registrationDateTime: z.iso.datetime({ offset: true }),
});
export type PresenceSubmission = z.infer<typeof presenceSubmissionSchema>;

export const registerRequestSchema = z.object({
  presences: z.array(presenceSubmissionSchema).min(1).max(MAX_PRESENCES_PER_CALL),
});
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

/** A blocking error: the registration was not accepted. Codes are strings (SOAP `ErrorCode`). */
export const onssErrorSchema = z.object({ code: z.string(), description: z.string() });
export type OnssError = z.infer<typeof onssErrorSchema>;

/** A remark: the registration is stored, but something about it needs a look (ONSS table number). */
export const onssRemarkSchema = z.object({ code: z.number().int().positive(), description: z.string() });
export type OnssRemark = z.infer<typeof onssRemarkSchema>;

export const presenceStatusSchema = z.enum(['REGISTERED', 'REFUSED']);

export const presenceResultSchema = z.object({
  clientPresenceRegistrationReference: z.string(),
  status: presenceStatusSchema,
  presenceRegistrationId: z.string().nullable(),
  remarks: z.array(onssRemarkSchema).max(10),
  errors: z.array(onssErrorSchema).max(10),
});
export type PresenceResult = z.infer<typeof presenceResultSchema>;

export const registerResponseSchema = z.object({ results: z.array(presenceResultSchema).max(MAX_PRESENCES_PER_CALL) });
export type RegisterResponse = z.infer<typeof registerResponseSchema>;

/** How a registration reached ONSS: BADGE = a registration system like ours (SOAP `Channel`). */
export const onssChannelSchema = z.enum(['BADGE', 'SMARTPHONE', 'WEB', 'OTHER']);
export type OnssChannel = z.infer<typeof onssChannelSchema>;

export const searchedPresenceSchema = z.object({
  presenceRegistrationId: z.string(),
  clientPresenceRegistrationReference: z.string().nullable(),
  inss: z.string().regex(/^\d{11}$/),
  companyId: z.string().regex(/^\d{10}$/),
  workPlaceId: z.string(),
  registrationType: registrationTypeSchema,
  registrationDateTime: z.iso.datetime({ offset: true }),
  channel: onssChannelSchema,
  status: presenceStatusSchema,
  remarks: z.array(onssRemarkSchema).max(10),
});
export type SearchedPresence = z.infer<typeof searchedPresenceSchema>;

export const searchResponseSchema = z.object({ presences: z.array(searchedPresenceSchema).max(MAX_SEARCH_RESULTS) });
export type SearchResponse = z.infer<typeof searchResponseSchema>;

/** The search's query string, as the stand-in parses it. */
export const searchQuerySchema = z.object({
  workPlaceId: z.string().min(1).max(13),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;
