import { isAbsolute, join, relative, resolve } from 'node:path';

/**
 * The app's own origin. The UI is served from `app://nianbao/` rather than file:// (Electron
 * security checklist §18, "Avoid usage of the file:// protocol and prefer usage of custom
 * protocols"): a file:// page may read any file the user can, an app:// page only what the
 * protocol handler below agrees to serve. This module is pure, so its refusals are unit-tested.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'nianbao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX = `${APP_ORIGIN}/index.html`;

/** The print view of a draft (the renderer's `#/print/<id>` route), as the hidden print window loads it. */
export function printUrl(id: string, size: string, final: boolean): string {
  return `${APP_INDEX}#/print/${encodeURIComponent(id)}?size=${encodeURIComponent(size)}&final=${final ? 1 : 0}`;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether a URL is a document of the app itself: the sender check of the IPC wrapper relies on it. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * Whether a request may leave the page. The app is offline by design, so only its own origin is
 * allowed, plus `data:` and `blob:` (bytes already in memory: inlined icons, a generated file) and,
 * while developing, the DevTools' own pages. Anything else is a bug to cancel and log.
 */
export function isAllowedRequest(url: string, options: { devTools: boolean }): boolean {
  if (isAppUrl(url)) return true;
  const scheme = parse(url)?.protocol;
  return scheme === 'data:' || scheme === 'blob:' || (options.devTools && scheme === 'devtools:');
}

/** Whether the window may navigate to `url`: only to the app's own index (a reload); never away. */
export function isAllowedNavigation(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && isAppUrl(url) && parsed.pathname === '/index.html';
}

/**
 * The file an app:// URL names inside the renderer folder `root`, or null to refuse. Refused:
 * another scheme or host, credentials or a port, `..` and `.` segments (also percent-encoded),
 * empty segments (`//etc`), backslashes and drive letters (`C:`), null bytes and malformed
 * percent-encoding. The result is checked once more to lie inside `root`. Chromium already
 * normalises standard URLs before they get here; this is the check that does not rely on it.
 */
export function resolveAppPath(url: string, root: string): string | null {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.username || parsed.password || parsed.port) return null;
  const raw = parsed.pathname === '/' || parsed.pathname === '' ? '/index.html' : parsed.pathname;
  if (!raw.startsWith('/')) return null;
  const segments: string[] = [];
  for (const encoded of raw.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..') return null;
    if (/[\\/:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  const base = resolve(root);
  const file = join(base, ...segments);
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

// The protocol handler (app-protocol.ts) serves each file with the type the browser mode's server uses.
export { contentType } from '../services/content-types';
