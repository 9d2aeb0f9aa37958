#!/usr/bin/env node
// Builds everything that runs outside the test runner: the renderer (Vite) and the Node/Electron
// entry points (esbuild). Dependencies stay external and load from node_modules at run time.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const ROOT = new URL('..', import.meta.url).pathname;
// Only this script's outputs: out/test-results belongs to test runs that may be going on.
for (const dir of ['host', 'standin', 'electron', 'preload', 'renderer']) rmSync(`${ROOT}out/${dir}`, { recursive: true, force: true });

const node = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning', absWorkingDir: ROOT };

await Promise.all([
  build({ ...node, entryPoints: ['main/host/cli.ts'], outfile: 'out/host/cli.mjs', format: 'esm' }),
  build({ ...node, entryPoints: ['standin/onss/cli.ts'], outfile: 'out/standin/cli.mjs', format: 'esm' }),
  build({ ...node, entryPoints: ['main/electron/main.main.ts'], outfile: 'out/electron/main.mjs', format: 'esm', external: ['electron'] }),
  // A sandboxed preload can only require('electron'): it must be one CommonJS file.
  build({ ...node, packages: undefined, entryPoints: ['preload/bridge.preload.ts'], outfile: 'out/preload/bridge.cjs', format: 'cjs', external: ['electron'] }),
]);

execFileSync(process.execPath, [`${ROOT}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
console.log('build: out/ ready');
