import type { BridgeApi, UserMessage } from '../shared/bridge';

/**
 * Browser mode (`npm run dev:web`): the same `window.nianbao` methods the preload exposes in
 * Electron, sent as `POST /api/<channel>` with the arguments as a JSON array to the loopback
 * server, which parses them with the bridge's schemas and calls the real services.
 *
 * The channel of `nianbao.<namespace>.<method>` is `<namespace>:<method>` (shared/bridge.ts names
 * every channel so; test/unit/bridge-web.test.ts holds it to that), so this client needs only the
 * bridge's types: the zod schemas stay out of the renderer's bundle and start-up.
 */

/** A failed call, carrying the service's message for the user when it sent one. */
export class BridgeError extends Error {
  constructor(
    message: string,
    readonly userMessage?: UserMessage,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

/**
 * A save sent while the page unloads must outlive it: `keepalive` lets the request finish after
 * a reload or close. Chromium allows 64 KB of keepalive bodies in flight, so larger drafts go
 * as ordinary requests (the unsaved-edits journal covers them; see app/journal.ts).
 */
const KEEPALIVE_LIMIT = 60_000;

async function post(channel: string, args: unknown[]): Promise<unknown> {
  const body = JSON.stringify(args);
  const init: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
  let response: Response;
  if (channel === 'drafts:save' && body.length < KEEPALIVE_LIMIT) {
    // The keepalive quota is shared by requests in flight; when it is used up, send normally.
    response = await fetch(`/api/${channel}`, { ...init, keepalive: true }).catch(() =>
      fetch(`/api/${channel}`, init),
    );
  } else {
    response = await fetch(`/api/${channel}`, init);
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: UserMessage } | null)?.error;
    throw new BridgeError(`${channel}: HTTP ${response.status}`, error);
  }
  return payload;
}

/**
 * Fonts and layout of a long report take a moment; a print view that never reports ready is a bug,
 * and the clerk is told so instead of waiting for a dialog that will not come. The same budget as
 * the shell's print window (electron/main/print-window.ts) and the web PDF renderer (scripts/web/pdf.ts).
 */
const PRINT_READY_TIMEOUT_MS = 30_000;

/** Resolves once the print view in `frame` says its layout is done (the same signal the shell waits for). */
function whenPrintReady(frame: HTMLIFrameElement): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (frame.contentDocument?.documentElement.dataset.printReady === '1') resolve();
      else if (Date.now() - started > PRINT_READY_TIMEOUT_MS)
        reject(new BridgeError('print view did not become ready'));
      else setTimeout(poll, 100);
    };
    poll();
  });
}

/**
 * A browser cannot be asked by its server to print, so browser mode prints where the clerk is:
 * the print route in an invisible frame, then the browser's own print dialog.
 */
async function printInBrowser(args: { id: string; size?: 'a4' | 'a3' | 'a4-enlarged'; final: boolean }) {
  const frame = document.createElement('iframe');
  frame.title = 'print';
  Object.assign(frame.style, {
    position: 'fixed',
    right: '0',
    bottom: '0',
    width: '0',
    height: '0',
    border: '0',
  });
  frame.src = `${location.pathname}#/print/${encodeURIComponent(args.id)}?size=${args.size ?? 'a4'}&final=${args.final ? 1 : 0}`;
  document.body.append(frame);
  try {
    await whenPrintReady(frame);
    frame.contentWindow?.print();
    return { ok: true as const };
  } finally {
    frame.remove();
  }
}

type Call = (...args: never[]) => Promise<unknown>;

/** Methods answered in the page itself rather than by the server. */
const IN_PAGE: Record<string, Call> = { 'exports:print': printInBrowser };

export function createWebBridge(): BridgeApi {
  const namespace = (ns: string) =>
    new Proxy({} as Record<string, Call>, {
      get: (_, name) => {
        if (typeof name !== 'string') return undefined;
        const channel = `${ns}:${name}`;
        return IN_PAGE[channel] ?? ((...args: unknown[]) => post(channel, args));
      },
    });
  return new Proxy({} as Record<string, Record<string, Call>>, {
    get: (_, ns) => (typeof ns === 'string' ? namespace(ns) : undefined),
  }) as unknown as BridgeApi;
}

/** Installs the HTTP bridge when no preload provided `window.nianbao` (an ordinary browser). */
export function installWebBridge(): void {
  if (!(window as Partial<Window>).nianbao) window.nianbao = createWebBridge();
}
