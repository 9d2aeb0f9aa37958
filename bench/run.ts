/**
 * `npm run bench`: runs every benchmark module and merges its metrics into bench/results.json
 * (`{ "<metric>": { "value": number, "unit": string } }`). `npm run bench -- host` runs only the
 * modules whose file name contains "host".
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Metrics } from './metrics.ts';

const dir = import.meta.dirname;
const resultsFile = join(dir, 'results.json');
const filters = process.argv.slice(2);
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const results: Metrics = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Metrics) : {};
let failed = false;
for (const file of modules) {
  const started = performance.now();
  try {
    const mod = (await import(join(dir, file))) as { run: () => Promise<Metrics> };
    const metrics = await mod.run();
    Object.assign(results, metrics);
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`${file} (${Math.round(performance.now() - started)} ms):`);
    for (const [name, m] of Object.entries(metrics)) console.log(`  ${name} = ${m.value} ${m.unit}`);
  } catch (error) {
    failed = true;
    console.error(`${file}: FAILED: ${(error as Error).stack ?? String(error)}`);
  }
}
process.exit(failed ? 1 : 0);
