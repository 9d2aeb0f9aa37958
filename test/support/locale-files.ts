/** Reading translation files for the locale completeness tests: dotted key → text. */
import { readFileSync } from 'node:fs';

function flatten(node: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Record<string, unknown>, path)) out.set(k, v);
    } else {
      // A non-string leaf is reported as such, so a comparison shows it.
      out.set(path, typeof value === 'string' ? value : `<not a string: ${JSON.stringify(value)}>`);
    }
  }
  return out;
}

export function loadLocale(url: URL): Map<string, string> {
  return flatten(JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>);
}

/** The i18next interpolation variables of a text, sorted: `{{time}}` → ['time']. */
export function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}
