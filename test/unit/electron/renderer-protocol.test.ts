import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/core/renderer-serving.ts';
import {
  isTrustedRendererUrl,
  registerRendererScheme,
  RENDERER_ENTRY_URL,
  rendererResponse,
} from '../../../main/electron/renderer-protocol.main.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const temp = makeTempDir();
const rendererDir = join(temp.dir, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(temp.dir, 'secret.txt'), 'national numbers');
afterAll(() => temp.cleanup());

describe('app:// renderer protocol', () => {
  it('registers app:// as a standard, secure scheme', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerRendererScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  });

  it('serves the built renderer with the strict CSP and nosniff', async () => {
    const response = await rendererResponse(rendererDir, RENDERER_ENTRY_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>kiosk</title>');
    const script = await rendererResponse(rendererDir, 'app://kiosk/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each(['app://kiosk/..%2Fsecret.txt', 'app://kiosk/%2e%2e/secret.txt', 'app://kiosk/missing.js', 'app://other/index.html', 'app://kiosk/%00'])(
    'answers 404 for %s',
    async (url) => {
      expect((await rendererResponse(rendererDir, url)).status).toBe(404);
    },
  );

  it('trusts only app://kiosk', () => {
    expect(isTrustedRendererUrl('app://kiosk/index.html')).toBe(true);
    expect(isTrustedRendererUrl('app://kiosk.evil/index.html')).toBe(false);
    expect(isTrustedRendererUrl('http://kiosk/index.html')).toBe(false);
    expect(isTrustedRendererUrl('file:///index.html')).toBe(false);
    expect(isTrustedRendererUrl('not a url')).toBe(false);
  });
});
