import { spawn } from 'node:child_process';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { UserMessage } from '../../shared/bridge';
import { contentType } from '../../electron/services/content-types';
import { createDispatcher, MAX_PAYLOAD_CHARS } from '../../electron/services/dispatch';
import { UserError } from '../../electron/services/errors';
import { createHandlers } from '../../electron/services/handlers';
import { dataLayout } from '../../electron/services/layout';
import { fileLog } from '../../electron/services/log';
import { pdfRenderer } from './pdf';
// The desktop shell's policy, so the browser mode breaks where the app would.
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';

/**
 * The browser mode's server (`npm run dev:web`): the built renderer and the real services over
 * loopback HTTP, for development where no Electron binary can run. It listens on 127.0.0.1 only,
 * answers only requests addressed to that host (a web page elsewhere cannot reach it through DNS
 * rebinding), and takes calls only as JSON from its own origin.
 */
export interface WebServerOptions {
  /** The data folder: drafts, backups, settings. */
  dataDir: string;
  /** Where exports are written: browser mode has no save dialog. */
  outDir: string;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  appVersion: string;
  sample?: unknown;
}

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, cache = 'no-store') {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolveBody(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Opens the folder of an exported file in the desktop's file manager, where there is one. */
function revealFolder(path: string) {
  const folder = dirname(path);
  const [command, args] =
    process.platform === 'win32'
      ? ['explorer.exe', [`/select,${path}`]]
      : process.platform === 'darwin'
        ? ['open', ['-R', path]]
        : ['xdg-open', [folder]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', (error) =>
    process.stderr.write(`nianbao web: cannot open ${folder}: ${error.message}\n`),
  );
  child.unref();
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const rendererDir = resolve(options.rendererDir);
  const pdf = pdfRenderer();
  let origin = '';
  const handlers = await createHandlers({
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    mode: 'web',
    sample: options.sample,
    async chooseSavePath(suggestedName) {
      await mkdir(options.outDir, { recursive: true });
      return join(options.outDir, suggestedName);
    },
    renderPdf: (id, size, final) => pdf.render(origin, id, size, final),
    // The renderer's browser bridge prints in the page itself (renderer/bridge-web.ts).
    print: async () => {
      throw new UserError('ui.export.webPrint');
    },
    showInFolder: revealFolder,
  });
  const dispatch = createDispatcher(handlers, fileLog(dataLayout(options.dataDir).logs));

  const serveFile = async (res: ServerResponse, urlPath: string) => {
    let path: string;
    try {
      path = decodeURIComponent(urlPath);
    } catch {
      return send(res, 400, 'bad path', 'text/plain; charset=utf-8');
    }
    const file = resolve(rendererDir, `.${path === '/' ? '/index.html' : path}`);
    const inside = relative(rendererDir, file);
    if (inside.startsWith('..') || isAbsolute(inside) || inside === '')
      return send(res, 404, 'not found', 'text/plain; charset=utf-8');
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      // Vite names assets by their content hash: they never change, so the browser may keep them
      // (and its compiled code) as Electron keeps them on disk; index.html is always asked afresh.
      const immutable = inside.startsWith(`assets${sep}`) ? 'max-age=31536000, immutable' : 'no-store';
      send(res, 200, await readFile(file), contentType(file), immutable);
    } catch {
      send(res, 404, 'not found', 'text/plain; charset=utf-8');
    }
  };

  const call = async (req: IncomingMessage, res: ServerResponse, channel: string) => {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return sendJson(res, 415, { error: { key: 'app.ipc.refused', params: { channel } } });
    if (req.headers.origin !== undefined && req.headers.origin !== origin)
      return sendJson(res, 403, { error: { key: 'app.ipc.refused', params: { channel } } });
    const body = await readBody(req, MAX_PAYLOAD_CHARS * 4);
    if (body === null) return sendJson(res, 413, { error: { key: 'app.ipc.tooLarge', params: { channel } } });
    let args: unknown;
    try {
      args = JSON.parse(body);
    } catch {
      return sendJson(res, 400, { error: { key: 'app.ipc.invalidArgs', params: { channel } } });
    }
    try {
      sendJson(res, 200, await dispatch(channel, args));
    } catch (error) {
      const message: UserMessage =
        error instanceof UserError
          ? error.userMessage
          : {
              key: 'app.error.unexpected',
              params: { detail: error instanceof Error ? error.message : String(error) },
            };
      sendJson(res, error instanceof UserError ? 422 : 500, { error: message });
    }
  };

  const server = createServer((req, res) => {
    const host = req.headers.host ?? '';
    const port = (server.address() as AddressInfo).port;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
      return send(res, 421, 'wrong host', 'text/plain');
    const url = new URL(req.url ?? '/', origin);
    const api = /^\/api\/([a-zA-Z]+:[a-zA-Z]+)$/.exec(url.pathname);
    if (api && req.method === 'POST') return void call(req, res, api[1]!);
    if (req.method === 'GET' || req.method === 'HEAD') return void serveFile(res, url.pathname);
    send(res, 405, 'method not allowed', 'text/plain');
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', ready);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/`,
    async close() {
      await pdf.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
