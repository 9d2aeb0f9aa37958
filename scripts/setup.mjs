// Shared set-up for `npm start` and `npm test` on a fresh clone: plain Node, no dependencies,
// because it runs before node_modules exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

export const ROOT = new URL('..', import.meta.url).pathname;

/** Debian packages the tests (and a real reader) need, with the file that proves each is installed. */
export const SYSTEM_PACKAGES = [
  { pkg: 'pcscd', proof: '/usr/sbin/pcscd' },
  { pkg: 'libpcsclite-dev', proof: '/usr/include/PCSC/winscard.h' },
  { pkg: 'vsmartcard-vpcd', proof: '/usr/lib/pcsc/drivers/serial/libifdvpcd.so' },
  { pkg: 'chromium', proof: '/usr/bin/chromium' },
  { pkg: 'xvfb', proof: '/usr/bin/xvfb-run' },
  { pkg: 'poppler-utils', proof: '/usr/bin/pdftoppm' },
  { pkg: 'zbar-tools', proof: '/usr/bin/zbarimg' },
  { pkg: 'iproute2', proof: '/usr/bin/ss' },
  { pkg: 'fonts-noto-core', proof: '/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf' },
];

/** Installs missing Debian packages when root; otherwise prints the exact command and fails. */
export function ensureSystemPackages(packages) {
  const missing = packages.filter((p) => !existsSync(p.proof)).map((p) => p.pkg);
  if (missing.length === 0) return;
  const line = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`Missing system packages. Install them with:\n  sudo apt-get update && sudo ${line}`);
    process.exit(1);
  }
  console.log(`setup: installing ${missing.join(', ')}`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${line} -qq`], { stdio: 'inherit' });
}

/** `npm ci` when node_modules is missing or older than the lock file. Electron's binary cannot be downloaded here. */
export function ensureNodeModules() {
  const marker = `${ROOT}node_modules/.package-lock.json`;
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(`${ROOT}package-lock.json`).mtimeMs) return;
  if (!existsSync('/usr/include/PCSC/winscard.h')) ensureSystemPackages(SYSTEM_PACKAGES.filter((p) => p.pkg === 'libpcsclite-dev'));
  console.log('setup: npm ci (native modules build from source: about 2 minutes)');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', JOBS: 'max' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  return result.status ?? 1;
}
