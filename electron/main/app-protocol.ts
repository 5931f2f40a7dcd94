import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import type { Log } from '../services/log';
import { APP_SCHEME, contentType, resolveAppPath } from './app-url';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * Declares app:// a standard, secure scheme (Electron security checklist §18: a custom protocol
 * instead of file://). Standard: relative URLs and the origin work as for https; secure: the page
 * is a secure context. Code cache: V8 keeps the compiled app between starts, as it does for https
 * (custom schemes get none unless asked): compiling the app's chunk is a large part of a cold
 * first render on a slow office PC. It must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

const headers = (type: string) => ({
  'content-type': type,
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
});

/**
 * Serves the built renderer (dist/renderer) on app://nianbao/. Every URL goes through
 * resolveAppPath, which refuses anything outside that folder; every response carries the CSP
 * (§7). A refused or missing file is a 404, logged: the app only ever asks for files it built.
 */
export function serveApp(root: string, log: Log): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(request.url, root);
    if (file) {
      try {
        return new Response(new Uint8Array(await readFile(file)), {
          status: 200,
          headers: headers(contentType(file)),
        });
      } catch {
        // Missing or unreadable: answered as not found below.
      }
    }
    log('error', `app:// refused or missing: ${request.url.slice(0, 300)}`);
    return new Response('not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
  });
}
