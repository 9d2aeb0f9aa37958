#!/usr/bin/env node
/**
 * Is there an Electron binary to run? `npm start` uses this to choose between the Electron shell and
 * the browser host. Mirrors how the `electron` package finds its binary (path.txt, or
 * ELECTRON_OVERRIDE_DIST_PATH), but checks the file exists and never throws: here the package is
 * installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 and `require('electron')` would throw.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @param {{ packageDir?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {string | null} the executable's absolute path, or null when there is none
 */
export function electronBinaryPath(options = {}) {
  const env = options.env ?? process.env;
  try {
    const packageDir = options.packageDir ?? dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
    const override = env.ELECTRON_OVERRIDE_DIST_PATH;
    let candidate;
    if (override) candidate = join(override, relative || (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    else if (relative) candidate = join(packageDir, 'dist', relative);
    else return null;
    return statSync(candidate, { throwIfNoEntry: false })?.isFile() ? candidate : null;
  } catch {
    return null;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const found = electronBinaryPath();
  console.log(found ? `Electron binary: ${found}` : 'Electron binary: not available (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or the download failed)');
}
