#!/usr/bin/env node
// `npm test`: every test, after doing its own set-up (system packages when root, npm ci, build).
// Prints one closing line "N passed, N failed, N skipped" summed over all runners.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureNodeModules, ensureSystemPackages, ROOT, run, SYSTEM_PACKAGES } from './setup.mjs';

ensureSystemPackages(SYSTEM_PACKAGES);
ensureNodeModules();

const results = `${ROOT}out/test-results`;
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function step(name, command, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const status = run(command, args, { env: { ...process.env, ...env } });
  if (status !== 0) {
    console.error(`=== ${name}: FAILED (exit ${status}) ===`);
    ok = false;
  }
  return status;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
}

const tsc = `${ROOT}node_modules/typescript/bin/tsc`;
const vitest = `${ROOT}node_modules/vitest/vitest.mjs`;
const playwright = `${ROOT}node_modules/@playwright/test/cli.js`;

step('type-check (node)', process.execPath, [tsc, '-p', 'tsconfig.node.json']);
step('type-check (web)', process.execPath, [tsc, '-p', 'tsconfig.web.json']);
if (step('build', process.execPath, ['scripts/build.mjs']) !== 0) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
for (const project of ['unit', 'integration']) {
  const out = `${results}/${project}.json`;
  step(`${project} tests`, process.execPath, [vitest, 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  countVitest(out);
}
step('end-to-end tests (Playwright + Chromium)', process.execPath, [playwright, 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/e2e.json`,
});
countPlaywright(`${results}/e2e.json`);

if (!ok && totals.failed === 0) totals.failed = 1; // a step failed outside any test (type errors, crashes)
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok ? 0 : 1);
