/**
 * The supervisor namespace (all 11 kiosk languages): every locale has exactly en's keys with the same
 * interpolation variables, and en holds every remark/anomaly key and supervisor error key the core sends.
 */
import { describe, expect, it } from 'vitest';
import { loadLocale, variables } from '../../support/locale-files.ts';

const DIR = new URL('../../../renderer/i18n/supervisor/', import.meta.url);
const HINTS = new URL('../../../main/core/roster/remark-hints.en.json', import.meta.url);

/** Keys the supervisor and declaration services send as MessageRef (grep `key:` in main/core/supervisor and
 *  main/core/declarations; the declaration schema's messages are its `declaration.error.*` strings). */
const CORE_KEYS = [
  'supervisor.error.exportRange',
  'supervisor.error.lanDisabled',
  'supervisor.error.lanToken',
  'supervisor.error.notSupervisor',
  'supervisor.error.sessionExpired',
  'supervisor.error.lockedOut',
  'supervisor.error.pinAlreadySet',
  'supervisor.error.pinFormat',
  'supervisor.error.pinNotSet',
  'supervisor.error.unknownBadge',
  'supervisor.error.unknownWorker',
  'supervisor.error.wrongPin',
  'supervisor.error.nationalNumber.format',
  'supervisor.error.nationalNumber.checksum',
  'supervisor.error.nationalNumber.date',
  'enrolment.error.badgeInUse',
  'enrolment.error.eidFirst',
  'enrolment.cancelled.locked',
  ...['dowNumber', 'workplaceId', 'employerName', 'siteName', 'street', 'postalCode', 'municipality', 'gps', 'smartphoneUrl'].map((f) => `declaration.error.${f}`),
  ...['format', 'establishment-unit', 'checksum'].map((reason) => `declaration.error.enterpriseNumber.${reason}`),
  'declaration.error.unknown',
  'declaration.error.deleteActive',
  'declaration.error.noneActive',
];

const en = loadLocale(new URL('en.json', DIR));

describe('supervisor locales', () => {
  it('en holds every key of remark-hints.en.json, with the same text', () => {
    const hints = loadLocale(HINTS);
    expect(hints.size).toBeGreaterThan(0);
    expect([...hints.keys()].filter((key) => !en.has(key))).toEqual([]);
    for (const [key, text] of hints) expect(en.get(key), key).toBe(text);
  });

  it('en holds every supervisor and enrolment key the core sends', () => {
    expect(CORE_KEYS.filter((key) => !en.has(key))).toEqual([]);
  });

  for (const lang of ['nl', 'fr', 'de', 'pl', 'ro', 'pt', 'es', 'bg', 'tr', 'ar'] as const) {
    describe(lang, () => {
      const locale = loadLocale(new URL(`${lang}.json`, DIR));
      it('has exactly the keys of en', () => {
        expect([...en.keys()].filter((key) => !locale.has(key))).toEqual([]);
        expect([...locale.keys()].filter((key) => !en.has(key))).toEqual([]);
      });
      it('uses the same interpolation variables as en, and no empty or untranslated text', () => {
        for (const [key, text] of en) {
          const translated = locale.get(key) ?? '';
          expect(variables(translated), `${lang}:${key}`).toEqual(variables(text));
          expect(translated.trim(), `${lang}:${key}`).not.toBe('');
        }
      });
    });
  }
});
