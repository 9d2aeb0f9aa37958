import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinaryPath } from '../../../scripts/check-electron.mjs';
import { makeTempDir } from '../../support/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('electronBinaryPath', () => {
  it('finds the binary that path.txt names', () => {
    mkdirSync(join(temp.dir, 'dist'));
    writeFileSync(join(temp.dir, 'path.txt'), 'electron');
    writeFileSync(join(temp.dir, 'dist', 'electron'), '');
    expect(electronBinaryPath({ packageDir: temp.dir, env: {} })).toBe(join(temp.dir, 'dist', 'electron'));
  });

  it('returns null when the download was skipped (no path.txt)', () => {
    expect(electronBinaryPath({ packageDir: temp.dir, env: {} })).toBeNull();
  });

  it('returns null when path.txt names a missing file', () => {
    writeFileSync(join(temp.dir, 'path.txt'), 'electron');
    expect(electronBinaryPath({ packageDir: temp.dir, env: {} })).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package', () => {
    const dist = join(temp.dir, 'custom');
    mkdirSync(dist);
    writeFileSync(join(dist, process.platform === 'win32' ? 'electron.exe' : 'electron'), '');
    expect(electronBinaryPath({ packageDir: temp.dir, env: { ELECTRON_OVERRIDE_DIST_PATH: dist } })).toBe(
      join(dist, process.platform === 'win32' ? 'electron.exe' : 'electron'),
    );
  });

  it('never throws, even for a package folder that does not exist', () => {
    expect(electronBinaryPath({ packageDir: join(temp.dir, 'nope'), env: {} })).toBeNull();
  });

  it('agrees with the installed electron package, which throws where we answer null', () => {
    let fromPackage: string | null;
    try {
      fromPackage = createRequire(import.meta.url)('electron') as string;
    } catch {
      fromPackage = null;
    }
    expect(electronBinaryPath()).toBe(fromPackage);
  });
});
