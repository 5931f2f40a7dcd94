import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { startWebServer as Start } from './server';

/**
 * `npm run dev:web` (through scripts/dev-web.mjs, which builds first):
 *   --data <dir>   the data folder (default: a new temporary folder)
 *   --out <dir>    where exports go (default: <data>/exports)
 *   --port <n>     the port on 127.0.0.1 (default 5180; 0 picks a free one)
 * Prints the URL to open, then serves until interrupted.
 */

// electron-store (under the services) loads `electron`, which outside Electron downloads the binary
// unless pointed at a folder that does not exist; then it yields a path and the store runs in Node.
process.env.ELECTRON_OVERRIDE_DIST_PATH ??= join(tmpdir(), 'nianbao-no-electron');

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../..');

const { values } = parseArgs({
  options: { data: { type: 'string' }, out: { type: 'string' }, port: { type: 'string', default: '5180' } },
});
const dataDir = resolve(values.data ?? mkdtempSync(join(tmpdir(), 'nianbao-web-')));
const outDir = resolve(values.out ?? join(dataDir, 'exports'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const sample: unknown = JSON.parse(
  readFileSync(join(root, 'examples', 'national-2021-township-2025.json'), 'utf8'),
);

const { startWebServer } = (await import(new URL('./server.mjs', import.meta.url).href)) as {
  startWebServer: typeof Start;
};
const server = await startWebServer({
  dataDir,
  outDir,
  rendererDir: join(root, 'dist', 'renderer'),
  port: Number(values.port),
  appVersion: pkg.version,
  sample,
});
process.stdout.write(`nianbao web: ${server.url}\n  data:    ${dataDir}\n  exports: ${outDir}\n`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
