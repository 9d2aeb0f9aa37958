/**
 * Connects the kiosk to ONSS as the settings say: the real service (or its simulation) with the
 * company certificate's key from Chaman, or — in demo mode — the ONSS stand-in as a child process
 * with a key pair made for it on first run.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../config/settings.ts';
import { waitForStandinReady, type StandinLauncher } from '../demo/standin-process.node.ts';
import { createOnssClient } from '../onss/onss-client.ts';
import { createOnssRemoteRegistrations, createOnssSender } from '../onss/onss-adapters.ts';
import type { RemoteRegistrations } from '../roster/remote-registrations.ts';
import type { PresenceSender } from '../sync/presence-sender.ts';

export interface OnssConnection {
  sender: PresenceSender;
  remote: RemoteRegistrations;
  stop(): Promise<void>;
}

export const DEMO_CLIENT_ID = 'ciao-kiosk-demo';

function demoKeyPair(dir: string): { privateKeyPem: string; publicKeyPath: string } {
  const privatePath = join(dir, 'client-key.pem');
  const publicKeyPath = join(dir, 'client-public.pem');
  if (!existsSync(privatePath) || !existsSync(publicKeyPath)) {
    mkdirSync(dir, { recursive: true });
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    writeFileSync(privatePath, privateKey, { mode: 0o600 });
    writeFileSync(publicKeyPath, publicKey);
  }
  return { privateKeyPem: readFileSync(privatePath, 'utf8'), publicKeyPath };
}

export async function connectOnss(
  settings: Settings,
  dataDir: string,
  log: (message: string) => void,
  launchStandin: StandinLauncher,
  onServerDate?: (serverDate: Date, receivedAtMs: number) => void,
): Promise<OnssConnection> {
  if (settings.onss.target === 'demo-standin') {
    const dir = join(dataDir, 'demo-onss');
    const { privateKeyPem, publicKeyPath } = demoKeyPair(dir);
    const child = launchStandin([
      '--port', '0',
      '--db', join(dir, 'standin.sqlite'),
      '--client-id', DEMO_CLIENT_ID,
      '--client-public-key', publicKeyPath,
      '--workplaces', settings.site.workplaceId,
      '--exit-with-stdin',
    ]);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const endpoints = await waitForStandinReady(child);
    log(`onss: demo stand-in at ${endpoints.baseUrl}`);
    const client = createOnssClient({ ...endpoints, clientId: DEMO_CLIENT_ID, privateKeyPem, ...(onServerDate ? { onServerDate } : {}) });
    return {
      sender: createOnssSender(client),
      remote: createOnssRemoteRegistrations(client),
      async stop() {
        child.kill();
        await exited;
      },
    };
  }
  const { baseUrl, tokenUrl, clientId, privateKeyPath } = settings.onss;
  // The settings schema requires these four outside demo mode.
  if (!baseUrl || !tokenUrl || !clientId || !privateKeyPath) throw new Error('onss settings are incomplete');
  let privateKeyPem: string;
  try {
    privateKeyPem = readFileSync(privateKeyPath, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the ONSS client key onss.privateKeyPath=${privateKeyPath}: ${(error as Error).message}`);
  }
  const client = createOnssClient({ baseUrl, tokenUrl, clientId, privateKeyPem, ...(onServerDate ? { onServerDate } : {}) });
  return { sender: createOnssSender(client), remote: createOnssRemoteRegistrations(client), stop: async () => {} };
}
