/**
 * The ONSS presence-registration client: register batches and search a workplace's registrations,
 * over global fetch with a bearer token. Every answer is parsed with the wire schemas; anything else
 * becomes a typed `OnssTransportError`, which is all the sync worker needs to decide on a retry.
 */
import type { z } from 'zod';
import { createTokenProvider } from './token-provider.ts';
import { OnssTransportError } from './transport-error.ts';
import {
  MAX_PRESENCES_PER_CALL,
  ONSS_PATHS,
  presenceSubmissionSchema,
  registerResponseSchema,
  searchResponseSchema,
  type OnssError,
  type OnssRemark,
  type PresenceResult,
  type PresenceSubmission,
  type SearchedPresence,
} from './wire-format.ts';

export interface OnssClientOptions {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  privateKeyPem: string;
  fetch?: typeof fetch;
  /** Per HTTP request (token or API call); default 15 s. */
  timeoutMs?: number;
  /** Each answer's Date header, with our clock when it arrived: lets the kiosk check its clock. */
  onServerDate?: (serverDate: Date, receivedAtMs: number) => void;
}

/** ONSS's verdict on one submission. */
export type PresenceOutcome =
  | { reference: string; kind: 'accepted'; presenceRegistrationId: string | null; remarks: [] }
  | { reference: string; kind: 'accepted-with-remarks'; presenceRegistrationId: string | null; remarks: OnssRemark[] }
  | { reference: string; kind: 'rejected'; presenceRegistrationId: string | null; remarks: OnssRemark[]; errors: OnssError[] };

export interface SearchPresencesQuery {
  workPlaceId: string;
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** A submission that breaks the wire schema would make ONSS refuse the whole batch on every retry. */
export const INVALID_SUBMISSION_CODE = 'CLIENT_INVALID_SUBMISSION';

function toOutcome(result: PresenceResult): PresenceOutcome {
  const { clientPresenceRegistrationReference: reference, presenceRegistrationId, remarks, errors } = result;
  if (result.status === 'REFUSED') return { reference, kind: 'rejected', presenceRegistrationId, remarks, errors };
  return remarks.length === 0
    ? { reference, kind: 'accepted', presenceRegistrationId, remarks: [] }
    : { reference, kind: 'accepted-with-remarks', presenceRegistrationId, remarks };
}

export function createOnssClient(options: OnssClientOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const tokens = createTokenProvider({ ...options, fetch: fetchImpl, timeoutMs });
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;

  /** One authorised call; a 401 gets one retry with a fresh token (it may simply have expired). */
  async function call<T>(what: string, url: URL, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      const token = await tokens.token();
      let text: string;
      try {
        const response = await fetchImpl(url, {
          ...init,
          headers: { ...init.headers, authorization: `Bearer ${token}`, accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        });
        const date = response.headers.get('date');
        if (date) options.onServerDate?.(new Date(date), Date.now());
        if (response.status === 401 && attempt === 0) {
          await response.body?.cancel().catch(() => {});
          tokens.invalidate(token);
          continue;
        }
        if (!response.ok) throw await OnssTransportError.fromResponse(response, what);
        // Read the body here: a connection lost half-way is a network failure, not a malformed answer.
        text = await response.text();
      } catch (error) {
        if (error instanceof OnssTransportError) throw error;
        throw OnssTransportError.fromFetchFailure(error, what);
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new OnssTransportError('malformed', `${what}: the body is not JSON`);
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new OnssTransportError('malformed', `${what}: unexpected shape at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
      }
      return parsed.data;
    }
  }

  return {
    /**
     * One outcome per submission, in the same order. Throws `OnssTransportError` when the batch's fate
     * is unknown (nothing or no complete answer came back): resend it as is, references make that safe.
     */
    async registerPresences(submissions: readonly PresenceSubmission[]): Promise<PresenceOutcome[]> {
      if (submissions.length === 0 || submissions.length > MAX_PRESENCES_PER_CALL) {
        throw new RangeError(`a batch holds 1 to ${MAX_PRESENCES_PER_CALL} registrations, got ${submissions.length}`);
      }
      const local = new Map<number, PresenceOutcome>();
      const valid: PresenceSubmission[] = [];
      submissions.forEach((submission, i) => {
        const check = presenceSubmissionSchema.safeParse(submission);
        if (check.success) valid.push(check.data);
        else {
          const issue = check.error.issues[0];
          local.set(i, {
            reference: submission.clientPresenceRegistrationReference,
            kind: 'rejected',
            presenceRegistrationId: null,
            remarks: [],
            errors: [{ code: INVALID_SUBMISSION_CODE, description: `${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}` }],
          });
        }
      });
      const answered = new Map<string, PresenceResult>();
      if (valid.length > 0) {
        const { results } = await call(
          'register presences',
          new URL(ONSS_PATHS.presences, base),
          { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ presences: valid }) },
          registerResponseSchema,
        );
        for (const r of results) answered.set(r.clientPresenceRegistrationReference, r);
      }
      return submissions.map((submission, i) => {
        const own = local.get(i);
        if (own) return own;
        const result = answered.get(submission.clientPresenceRegistrationReference);
        if (!result) {
          throw new OnssTransportError('malformed', `register presences: no answer for reference ${submission.clientPresenceRegistrationReference}`);
        }
        return toOutcome(result);
      });
    },

    /** Registrations at a workplace in [from, to), from every channel; ONSS returns at most 500. */
    async searchPresences(query: SearchPresencesQuery): Promise<SearchedPresence[]> {
      const url = new URL(ONSS_PATHS.presences, base);
      url.searchParams.set('workPlaceId', query.workPlaceId);
      url.searchParams.set('from', query.from.toISOString());
      url.searchParams.set('to', query.to.toISOString());
      const { presences } = await call('search presences', url, { method: 'GET' }, searchResponseSchema);
      return presences;
    },
  };
}

export type OnssClient = ReturnType<typeof createOnssClient>;
