#!/usr/bin/env node
// `npm start`: sets itself up on a fresh clone, builds, then runs the kiosk in Electron — or, where no
// Electron binary exists (as on machines that cannot download it), in browser mode on 127.0.0.1.
import { spawn } from 'node:child_process';
import { ensureNodeModules, ROOT, run } from './setup.mjs';

ensureNodeModules();
if (run(process.execPath, ['scripts/build.mjs']) !== 0) process.exit(1);

const { electronBinaryPath } = await import('./check-electron.mjs');
const electron = electronBinaryPath();
const args = process.argv.slice(2);
const child = electron
  ? spawn(electron, [ROOT, ...args], { cwd: ROOT, stdio: 'inherit' })
  : (console.log('Electron is not available on this machine (its binary cannot be downloaded here): starting the browser mode instead.'),
    spawn(process.execPath, ['out/host/cli.mjs', '--data-dir', '.data/demo', ...args], { cwd: ROOT, stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
