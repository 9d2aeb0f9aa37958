#!/usr/bin/env node
// `npm run bench`: builds, then runs bench/run.ts (which writes bench/results.json).
import { ensureNodeModules, run } from './setup.mjs';

ensureNodeModules();
if (run(process.execPath, ['scripts/build.mjs']) !== 0) process.exit(1);
process.exit(run(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...process.argv.slice(2)]));
