/**
 * Every locale has exactly the keys of en.json, with the same interpolation variables, and the
 * keys the core sends as MessageRef exist. A missing translation would show a raw key on the kiosk.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

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

function load(lang: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${lang}.json`, DIR), 'utf8')) as Record<string, unknown>;
}

/** dotted key → text; a non-string leaf is reported as such. */
function flatten(node: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Record<string, unknown>, path)) out.set(k, v);
    } else {
      out.set(path, typeof value === 'string' ? value : `<not a string: ${JSON.stringify(value)}>`);
    }
  }
  return out;
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const en = flatten(load('en'));

describe('locales', () => {
  it('en.json holds every key the core sends', () => {
    expect(CORE_KEYS.filter((key) => !en.has(key))).toEqual([]);
  });

  for (const lang of LOCALES) {
    describe(lang, () => {
      const messages = flatten(load(lang));

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
