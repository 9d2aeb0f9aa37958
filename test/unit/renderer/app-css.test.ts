/**
 * Accessibility rules checked on renderer/styles/app.css itself. WCAG AA contrast: every rule that sets
 * both a text colour and a background, and the text rules that inherit their background from a known
 * screen or box (listed below), reach 4.5:1 (AA for normal-size text). Touch only: no hover styles.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const AA = 4.5;
const css = readFileSync(new URL('../../../renderer/styles/app.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** Innermost `selector { declarations }` blocks (at-rules' own selectors are not needed here). */
const rules = new Map<string, Record<string, string>>();
for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
  const declarations = Object.fromEntries([...(body ?? '').matchAll(/([\w-]+)\s*:\s*([^;]+)/g)].map(([, k, v]) => [k, (v ?? '').trim()]));
  for (const selector of (selectors ?? '').split(',')) {
    const key = selector.trim().replace(/\s+/g, ' ');
    rules.set(key, { ...rules.get(key), ...declarations });
  }
}
const root = rules.get(':root') ?? {};

type Rgba = [number, number, number, number];

function parseColour(value: string): Rgba {
  const v = value.trim();
  const variable = /^var\((--[\w-]+)\)$/.exec(v);
  if (variable) {
    const defined = root[variable[1] as string];
    if (!defined) throw new Error(`${v} is not defined in :root`);
    return parseColour(defined);
  }
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(v);
  if (hex) {
    const digits = (hex[1] as string).length === 3 ? [...(hex[1] as string)].map((c) => c + c).join('') : (hex[1] as string);
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)).concat(1) as Rgba;
  }
  const rgba = /^rgba?\(([^)]+)\)$/.exec(v);
  if (rgba) {
    const [r = 0, g = 0, b = 0, a = 1] = (rgba[1] as string).split(',').map(Number);
    return [r, g, b, a];
  }
  throw new Error(`not a colour: ${v}`);
}

/** The colours a background shows: one colour, or every stop of a gradient. */
function backgroundColours(value: string): string[] {
  if (!value.includes('gradient(')) return [value];
  return [...value.matchAll(/var\(--[\w-]+\)|#[0-9a-f]{3,6}\b|rgba?\([^)]*\)/gi)].map((m) => m[0]);
}

function over(top: Rgba, backdrop: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => (top[i] as number) * a + (backdrop[i] as number) * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function declared(selector: string, property: 'color' | 'background'): string {
  const rule = rules.get(selector);
  const value = property === 'color' ? rule?.color : (rule?.['background-color'] ?? rule?.background);
  if (!value) throw new Error(`${selector} has no ${property} in app.css`);
  return value;
}

/** Translucent backgrounds, and what they are drawn over. */
const BACKDROPS: Record<string, string> = {
  '.demo-card': '.idle-screen',
};

/** Text rules without a background of their own → the boxes they are shown on. */
const INHERITED: Array<[text: string, backgrounds: string[]]> = [
  ['.clock-date', ['.idle-screen']],
  ['.idle-hint-other', ['.idle-screen']],
  ['.identified-hello', ['.identified-screen']],
  ['.countdown', ['.identified-screen']],
  ['.presence-on-site', ['.identified-screen']],
  ['.presence-on-break', ['.identified-screen']],
  ['.presence-absent', ['.identified-screen']],
  ['.intent', ['.intent-in', '.intent-out']],
  ['.confirmation-screen', ['.confirmation-in', '.confirmation-out']],
  ['.confirmation-out .confirmation-check', ['.confirmation-check']],
  // The other statuses set their own text colour (checked above).
  ['.status-chip', ['.status-absent']],
  ['.roster-updated', ['.roster-page']],
  ['.roster-table th', ['.roster-page']],
  ['.unsynced', ['.roster-page']],
  ['.pin-who', ['.pin-screen']],
  ['.search-label', ['.search-box']],
  ['.search-placeholder', ['.search-box']],
  ['.supervisor-table th', ['.supervisor-table']],
  ['.roster-since', ['.supervisor-table']],
  ['.supervisor-number', ['.supervisor-table', '.worker-item']],
  ['.registration-intent', ['.supervisor-table']],
  ['.supervisor-empty', ['.supervisor-screen']],
  ['.sync-item dt', ['.sync-item']],
  ['.badge-none', ['.worker-item']],
  ['.manual-label', ['.manual-field']],
  ['.export-saved', ['.supervisor-screen', '.export-dates']],
  ['.supervisor-screen .secondary-button.danger', ['.secondary-button']],
  ['.pin-screen .secondary-button', ['.secondary-button']],
  ['.supervisor-screen', ['.remote-state', '.remote-offline', '.supervisor-table', '.osk-key']],
];

function ratiosOf(textSelector: string, backgroundSelector: string): number[] {
  const text = parseColour(declared(textSelector, 'color'));
  return backgroundColours(declared(backgroundSelector, 'background')).map((value) => {
    let background = parseColour(value);
    if (background[3] < 1) {
      const backdrop = BACKDROPS[backgroundSelector];
      if (!backdrop) throw new Error(`${backgroundSelector} is translucent: add what it is drawn over to BACKDROPS`);
      background = over(background, parseColour(backgroundColours(declared(backdrop, 'background'))[0] as string));
    }
    return contrast(text, background);
  });
}

describe('contrast (WCAG AA) of app.css', () => {
  it('computes the reference ratios right', () => {
    expect(contrast(parseColour('#000'), parseColour('#fff'))).toBeCloseTo(21, 5);
    expect(contrast(parseColour('#777777'), parseColour('#ffffff'))).toBeCloseTo(4.48, 2);
  });

  const both = [...rules].filter(([, d]) => d.color && (d.background ?? d['background-color']) && !['inherit', 'currentColor'].includes(d.color));
  it('has rules with both a text colour and a background to check', () => {
    expect(both.length).toBeGreaterThan(30);
  });
  for (const [selector] of both) {
    it(`${selector}: its text on its own background`, () => {
      for (const ratio of ratiosOf(selector, selector)) expect(ratio, selector).toBeGreaterThanOrEqual(AA);
    });
  }

  for (const [text, backgrounds] of INHERITED) {
    for (const background of backgrounds) {
      it(`${text} on ${background}`, () => {
        for (const ratio of ratiosOf(text, background)) expect(ratio, `${text} on ${background}`).toBeGreaterThanOrEqual(AA);
      });
    }
  }
});

describe('touch only (app.css)', () => {
  it('has no hover styles: a touch screen has no hover, so nothing may depend on it', () => {
    expect(css).not.toMatch(/:hover/);
  });
});
