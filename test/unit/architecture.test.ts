/**
 * The layering rules of CONTRIBUTING.md, checked on the source text:
 * - main/core imports neither electron nor http/https/net (whatever the transport, the core is the same);
 * - a core module without the `.node.ts` suffix is pure: no Node built-ins, no native modules;
 * - the renderer never imports from main/, and from preload/ only the contract and the channel names;
 * - preload/api.ts holds types only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Runtime imports only: `import type` creates no dependency at run time. */
function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
}

const NATIVE = ['better-sqlite3', 'nfc-pcsc', '@pokusew/pcsclite', 'pdfkit', 'conf'];
const isNodeBuiltin = (spec: string) => spec.startsWith('node:');

describe('architecture', () => {
  const core = sources('main/core');

  it('finds the core sources', () => {
    expect(core.length).toBeGreaterThan(10);
  });

  it.each(core)('%s imports neither electron nor an HTTP server module', (file) => {
    const bad = imports(file).filter((s) => s === 'electron' || /^(node:)?(http|https|net|http2)$/.test(s));
    expect(bad).toEqual([]);
  });

  it.each(core.filter((f) => !f.endsWith('.node.ts')))('%s is pure (no Node built-ins or native modules)', (file) => {
    const bad = imports(file).filter((s) => isNodeBuiltin(s) || NATIVE.includes(s) || s.endsWith('.node.ts'));
    expect(bad).toEqual([]);
  });

  it.each(sources('renderer'))('%s talks only to the contract', (file) => {
    const bad = imports(file).filter(
      (s) => s.includes('/main/') || (s.includes('preload/') && !/preload\/(api|channels)\.ts$/.test(s)) || isNodeBuiltin(s),
    );
    expect(bad).toEqual([]);
  });

  it('preload/api.ts holds types only', () => {
    const text = readFileSync(join(ROOT, 'preload/api.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const statements = text.match(/^(export\s+)?(const|let|var|function|class|enum)\b/gm) ?? [];
    expect(statements).toEqual([]);
  });
});
