/**
 * Every locale has exactly the keys of en.json, with the same interpolation variables, and the
 * keys the core sends as MessageRef exist. A missing translation would show a raw key on the kiosk.
 */
import { describe, expect, it } from 'vitest';
import { loadLocale, variables } from '../../support/locale-files.ts';

const LOCALES = ['nl', 'fr', 'de', 'en', 'pl', 'ro', 'pt', 'es', 'bg', 'tr', 'ar'] as const;
const DIR = new URL('../../../renderer/i18n/locales/', import.meta.url);

/** Keys the core emits (main/core) and the renderer translates with t(key, params). */
const CORE_KEYS = [
  'tap.error.unknownBadge',
  'tap.error.unknownCard',
  'tap.error.unreadableCard',
  'tap.error.cardRemoved',
  'tap.error.invalidNumber',
  'tap.error.readerError',
  'reader.noReader',
  'reader.unavailable',
  'reader.ready',
  'reader.reading',
  'sync.error.network',
  'sync.error.server',
  'sync.error.rejected',
  'api.error.invalidInput',
  'api.error.tapExpired',
  'api.error.notAvailable',
  'api.error.storageFailed',
  'api.error.internal',
];

function load(lang: string): Map<string, string> {
  return loadLocale(new URL(`${lang}.json`, DIR));
}

const en = load('en');

describe('locales', () => {
  it('en.json holds every key the core sends', () => {
    expect(CORE_KEYS.filter((key) => !en.has(key))).toEqual([]);
  });

  for (const lang of LOCALES) {
    describe(lang, () => {
      const messages = load(lang);

      it('has every key of en.json and no other', () => {
        expect({ missing: [...en.keys()].filter((k) => !messages.has(k)), extra: [...messages.keys()].filter((k) => !en.has(k)) }).toEqual({
          missing: [],
          extra: [],
        });
      });

      it('uses the same interpolation variables as en.json', () => {
        const differing = [...en.entries()]
          .filter(([key, text]) => messages.has(key) && variables(messages.get(key) ?? '').join() !== variables(text).join())
          .map(([key]) => key);
        expect(differing).toEqual([]);
      });

      it('has no empty or untranslated-looking text', () => {
        const bad = [...messages.entries()].filter(([, text]) => text.trim() === '' || text.startsWith('<not a string')).map(([key]) => key);
        expect(bad).toEqual([]);
      });
    });
  }
});
