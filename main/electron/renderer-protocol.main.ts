/**
 * The renderer is served from a privileged custom scheme (`app://kiosk/`) instead of file://
 * (checklist: prefer custom protocols): it gets a real origin for CSP 'self' and for the IPC
 * sender check, and the file fuse `grantFileProtocolExtraPrivileges` can stay off.
 */
import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY, CONTENT_TYPES } from '../core/renderer-serving.ts';

export const RENDERER_SCHEME = 'app';
const RENDERER_HOST = 'kiosk';
export const RENDERER_ENTRY_URL = `${RENDERER_SCHEME}://${RENDERER_HOST}/index.html`;

export function isTrustedRendererUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${RENDERER_SCHEME}:` && parsed.host === RENDERER_HOST;
  } catch {
    return false;
  }
}

/** Must run before `app` is ready. */
export function registerRendererScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: RENDERER_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** Answers one `app://kiosk/...` request from the built renderer folder. */
export async function rendererResponse(rendererDir: string, requestUrl: string): Promise<Response> {
  const root = resolve(rendererDir);
  const url = new URL(requestUrl);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return new Response(null, { status: 400 });
  }
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  if (url.host !== RENDERER_HOST || path.includes('\0') || !file.startsWith(root + sep)) {
    return new Response(null, { status: 404 });
  }
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response(null, { status: 404 });
  }
}

/** Must run after `app` is ready. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(RENDERER_SCHEME, (request) => rendererResponse(rendererDir, request.url));
}
