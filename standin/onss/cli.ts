/**
 * The ONSS stand-in as its own process:
 *
 *   npx tsx standin/onss/cli.ts --db FILE --client-id ID --client-public-key PEMFILE
 *     [--port 0] [--workplaces A,B] [--token-lifetime-s 3600] [--max-delay-s 600]
 *     [--clock-skew-tolerance-s 120] [--fault-rate 0.3 --faults drop-after-commit,500-after-commit,...]
 *     [--latency-ms 200] [--seed 1] [--verbose] [--exit-with-stdin]
 *
 * (built: `node out/standin/cli.mjs …`). Prints one JSON line
 * `{"event":"ready","port":N,"baseUrl":…,"tokenUrl":…}` on stdout once it listens; SIGTERM/SIGINT
 * close it cleanly. With --verbose, one JSON line per request goes to stderr.
 * With --exit-with-stdin it stops when its stdin closes, i.e. when the parent that started it dies.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_WORKPLACES, FAULT_KINDS, faultConfigSchema, startStandinServer } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    db: { type: 'string' },
    'client-id': { type: 'string' },
    'client-public-key': { type: 'string' },
    workplaces: { type: 'string', default: DEFAULT_WORKPLACES.join(',') },
    'token-lifetime-s': { type: 'string', default: '3600' },
    'max-delay-s': { type: 'string', default: '600' },
    'clock-skew-tolerance-s': { type: 'string', default: '120' },
    'fault-rate': { type: 'string', default: '0' },
    faults: { type: 'string', default: '' },
    'latency-ms': { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    verbose: { type: 'boolean', default: false },
    'exit-with-stdin': { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`onss-standin: ${message}`);
  process.exit(2);
}

if (!values.db) fail('--db is required');
if (!values['client-id']) fail('--client-id is required');
if (!values['client-public-key']) fail('--client-public-key is required');
const faults = faultConfigSchema.safeParse({
  rate: Number(values['fault-rate']),
  kinds: values.faults ? values.faults.split(',') : [],
  latencyMs: Number(values['latency-ms']),
});
if (!faults.success) fail(`invalid faults; kinds are ${FAULT_KINDS.join(', ')}`);

function integerFlag(flag: 'port' | 'token-lifetime-s' | 'max-delay-s' | 'clock-skew-tolerance-s' | 'seed', min: number): number {
  const n = Number(values[flag]);
  if (!Number.isInteger(n) || n < min) fail(`--${flag} must be an integer ≥ ${min}`);
  return n;
}

const server = await startStandinServer({
  port: integerFlag('port', 0),
  dbFile: values.db,
  clientId: values['client-id'],
  clientPublicKeyPem: readFileSync(values['client-public-key'], 'utf8'),
  workplaces: values.workplaces.split(',').filter(Boolean),
  tokenLifetimeSeconds: integerFlag('token-lifetime-s', 1),
  maxDelaySeconds: integerFlag('max-delay-s', 0),
  clockSkewToleranceSeconds: integerFlag('clock-skew-tolerance-s', 0),
  seed: integerFlag('seed', 0),
  faults: faults.data,
  verbose: values.verbose,
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
if (values['exit-with-stdin']) {
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
}
process.stdout.write(`${JSON.stringify({ event: 'ready', port: server.port, baseUrl: server.baseUrl, tokenUrl: server.tokenUrl })}\n`);
