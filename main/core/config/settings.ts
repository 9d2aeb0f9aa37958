/**
 * The one settings schema. Electron stores it with electron-store, the browser host with conf;
 * both parse it here so an invalid file gets a message naming the field.
 */
import { z } from 'zod';
import { isValidNationalNumber } from '../identity/national-number.ts';
import { DEFAULT_SMARTPHONE_URL_TEMPLATE, validateDeclaration } from '../declarations/declaration.ts';

const onssSchema = z.object({
  target: z.enum(['demo-standin', 'simulation', 'production', 'custom']),
  /** Base URL of the presenceRegistration REST API (ignored for demo-standin: the stand-in picks its port). */
  baseUrl: z.url().optional(),
  tokenUrl: z.url().optional(),
  /** OAuth client id from Chaman. */
  clientId: z.string().min(1).optional(),
  /** PEM file holding the private key of the company certificate registered in Chaman. */
  privateKeyPath: z.string().min(1).optional(),
});

export const settingsSchema = z
  .object({
    kioskId: z.string().regex(/^[A-Za-z0-9-]{1,16}$/, 'letters, digits and "-", at most 16'),
    demo: z.boolean(),
    site: z.object({
      siteName: z.string().min(1).max(120),
      /** Declaration-of-works workplace id, sent as WorkPlaceId (≤13 chars). */
      workplaceId: z.string().regex(/^[A-Za-z0-9]{1,13}$/, 'letters and digits, at most 13'),
      employerName: z.string().min(1).max(160),
      enterpriseNumber: z.string().regex(/^[01]\d{9}$/, '10 digits starting with 0 or 1'),
    }),
    onss: onssSchema,
    host: z.object({
      port: z.number().int().min(0).max(65535),
      /** 127.0.0.1 unless LAN mode is explicitly enabled. */
      bind: z.string().min(1),
    }),
    /** How long a tap waits for the worker's choice. */
    tapTimeoutSeconds: z.number().int().min(5).max(120),
    /** National numbers (NISS or BIS, 11 digits) of the people who may unlock supervisor mode with their card + PIN. */
    supervisors: z
      .array(z.string().regex(/^\d{11}$/, '11 digits').refine(isValidNationalNumber, 'not a valid NISS or BIS number'))
      .default([]),
    /** Supervisor mode locks itself after this long without a supervisor call. */
    supervisorIdleSeconds: z.number().int().min(30).max(1800).default(120),
    /** Read-only roster for a second browser on the site LAN (`getLanRoster`), protected by `token`. */
    lan: z
      .object({
        enabled: z.boolean(),
        token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, '16 to 128 letters, digits, "-" or "_"').optional(),
      })
      .default({ enabled: false }),
    /**
     * Card sources the kiosk starts besides keyboard-wedge badge readers (which need no service).
     * `pcsc: false` for a site without eID or NFC readers, or a machine without a PC/SC service.
     */
    cardReaders: z.object({ pcsc: z.boolean() }).default({ pcsc: true }),
    /**
     * Days after ONSS acknowledged a registration before its national number is erased from it
     * (the row and its counts stay). At least the 30-day window in which ONSS accepts corrections.
     */
    retentionDays: z.number().int().min(31).max(3650).default(45),
    /**
     * The declarations of works of this site (main/core/declarations/declaration.ts), read once: when
     * the kiosk database has no declarations yet, these are copied into it (the first becomes the active
     * one). From then on the database is the source of truth and supervisors edit them on screen;
     * changing this list later has no effect.
     */
    declarations: z.array(z.unknown()).default([]),
    /**
     * The smartphone-channel URL behind the QR code of a declaration without an exact URL; `{dowNumber}`
     * is replaced by its number. The default is documented in main/core/declarations/declaration.ts.
     */
    smartphoneUrlTemplate: z
      .url({ protocol: /^https$/ })
      .refine((t) => t.includes('{dowNumber}'), 'must contain {dowNumber}')
      .default(DEFAULT_SMARTPHONE_URL_TEMPLATE),
    /** Also exposed as `startAtLogin` to the Electron shell (Windows/macOS). */
    startAtLogin: z.boolean().optional(),
  })
  .superRefine((s, ctx) => {
    if (!['127.0.0.1', '::1', 'localhost'].includes(s.host.bind) && !s.lan.enabled) {
      ctx.addIssue({ code: 'custom', path: ['host', 'bind'], message: 'listening beyond this machine needs lan.enabled (and its token)' });
    }
    s.declarations.forEach((raw, index) => {
      const result = validateDeclaration(raw, s.smartphoneUrlTemplate);
      if (!result.ok) {
        for (const error of result.errors) {
          ctx.addIssue({ code: 'custom', path: ['declarations', index, ...error.field.split('.')], message: error.key });
        }
      }
    });
    if (s.lan.enabled && !s.lan.token) {
      ctx.addIssue({ code: 'custom', path: ['lan', 'token'], message: 'required when lan.enabled is true' });
    }
    if (s.onss.target !== 'demo-standin') {
      for (const key of ['baseUrl', 'tokenUrl', 'clientId', 'privateKeyPath'] as const) {
        if (!s.onss[key]) {
          ctx.addIssue({ code: 'custom', path: ['onss', key], message: `required when onss.target is ${s.onss.target}` });
        }
      }
    }
  });

export type Settings = z.infer<typeof settingsSchema>;

export class SettingsError extends Error {
  constructor(readonly field: string, readonly reason: string) {
    super(`Invalid setting "${field}": ${reason}`);
    this.name = 'SettingsError';
  }
}

/** Parses raw settings; throws a SettingsError naming the first bad field. */
export function parseSettings(raw: unknown): Settings {
  const result = settingsSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
  throw new SettingsError(field, issue?.message ?? 'invalid');
}

/** The embedded demo default: local SQLite, a demo site, the ONSS stand-in. */
export function demoSettings(): Settings {
  return {
    kioskId: 'demo-kiosk',
    demo: true,
    site: {
      siteName: 'Demo site — Tour & Taxis',
      workplaceId: 'DEMO000000001',
      employerName: 'Demo Cleaning NV',
      enterpriseNumber: '0403019261',
    },
    onss: { target: 'demo-standin' },
    host: { port: 8420, bind: '127.0.0.1' },
    tapTimeoutSeconds: 30,
    // The demo person `jan` (demo-card-source.ts) is the demo supervisor.
    supervisors: ['91010145773'],
    supervisorIdleSeconds: 120,
    lan: { enabled: false },
    cardReaders: { pcsc: true },
    retentionDays: 45,
    smartphoneUrlTemplate: DEFAULT_SMARTPHONE_URL_TEMPLATE,
    declarations: [
      {
        dowNumber: 'DEMO2026A1B2C3',
        workplaceId: 'DEMO000000001',
        employerName: 'Demo Cleaning NV',
        enterpriseNumber: '0403019261',
        siteName: 'Demo site — Tour & Taxis',
        siteAddress: { street: 'Havenlaan 86C', postalCode: '1000', municipality: 'Brussel / Bruxelles' },
        region: 'brussels',
      },
    ],
  };
}
