import { describe, expect, it } from 'vitest';
import {
  presenceSubmissionSchema,
  registerRequestSchema,
  registerResponseSchema,
  searchResponseSchema,
  tokenResponseSchema,
} from '../../../main/core/onss/wire-format.ts';

const submission = {
  clientPresenceRegistrationReference: 'k1-000000000042',
  inss: '85073003328',
  companyId: '0403019261',
  workPlaceId: '1Y102M7NZF7PZ',
  registrationType: 'IN',
  registrationDateTime: '2026-11-22T07:30:00+01:00',
};

describe('ONSS wire format', () => {
  it('accepts a submission within the SOAP limits', () => {
    expect(presenceSubmissionSchema.parse(submission)).toEqual(submission);
    expect(presenceSubmissionSchema.safeParse({ ...submission, registrationDateTime: '2026-11-22T06:30:00.000Z' }).success).toBe(true);
  });

  it.each([
    ['a reference over 24 characters', { clientPresenceRegistrationReference: 'x'.repeat(25) }],
    ['a workplace id over 13 characters', { workPlaceId: 'x'.repeat(14) }],
    ['an INSS that is not 11 digits', { inss: '85.07.30-033.28' }],
    ['a company id without its leading 0', { companyId: '403019261' }],
    ['a direction other than IN/OUT', { registrationType: 'BREAK' }],
    ['a time without offset', { registrationDateTime: '2026-11-22T07:30:00' }],
  ])('refuses %s', (_, change) => {
    expect(presenceSubmissionSchema.safeParse({ ...submission, ...change }).success).toBe(false);
  });

  it('limits a batch to 1..200', () => {
    expect(registerRequestSchema.safeParse({ presences: [] }).success).toBe(false);
    expect(registerRequestSchema.safeParse({ presences: Array(200).fill(submission) }).success).toBe(true);
    expect(registerRequestSchema.safeParse({ presences: Array(201).fill(submission) }).success).toBe(false);
  });

  it('reads a registration answer with remarks and errors', () => {
    const body = {
      results: [
        { clientPresenceRegistrationReference: 'a', status: 'REGISTERED', presenceRegistrationId: '123456789012345', remarks: [{ code: 21, description: 'Two INs' }], errors: [] },
        { clientPresenceRegistrationReference: 'b', status: 'REFUSED', presenceRegistrationId: null, remarks: [], errors: [{ code: 'INVALID_INSS', description: '…' }] },
      ],
    };
    expect(registerResponseSchema.parse(body)).toEqual(body);
    expect(registerResponseSchema.safeParse({ results: [{ ...body.results[0], status: 'OK' }] }).success).toBe(false);
    expect(registerResponseSchema.safeParse({ results: [{ ...body.results[0], remarks: ['21'] }] }).success).toBe(false);
    expect(registerResponseSchema.safeParse({ result: [] }).success).toBe(false);
  });

  it('reads a search answer with channels', () => {
    const presence = {
      presenceRegistrationId: '7',
      clientPresenceRegistrationReference: null,
      inss: '85073003328',
      companyId: '0403019261',
      workPlaceId: 'DEMO000000001',
      registrationType: 'OUT',
      registrationDateTime: '2026-11-22T16:00:00+01:00',
      channel: 'SMARTPHONE',
      status: 'REGISTERED',
      remarks: [],
    };
    expect(searchResponseSchema.parse({ presences: [presence] }).presences[0]?.channel).toBe('SMARTPHONE');
    expect(searchResponseSchema.safeParse({ presences: Array(501).fill(presence) }).success).toBe(false);
  });

  it('reads a token answer; the token type is case-insensitive bearer', () => {
    expect(tokenResponseSchema.parse({ access_token: 't', token_type: 'bearer', expires_in: 600 }).expires_in).toBe(600);
    expect(tokenResponseSchema.safeParse({ access_token: 't', token_type: 'mac', expires_in: 600 }).success).toBe(false);
    expect(tokenResponseSchema.safeParse({ access_token: '', token_type: 'Bearer', expires_in: 600 }).success).toBe(false);
  });
});
