import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType } from '../../../electron/main/app-url';
import { startWebServer, type WebServer } from '../../../scripts/web/server';
import { removeDir, tempDir } from '../services/helpers';

/** Files a renderer build may hold, with the type a browser needs to use each one. */
const FILES: [string, RegExp][] = [
  ['index.html', /^text\/html/],
  ['assets/index-3f2a.js', /^text\/javascript/],
  ['assets/worker-9c1d.mjs', /^text\/javascript/],
  ['assets/index-3f2a.js.map', /^application\/json/],
  ['assets/index-77aa.css', /^text\/css/],
  ['assets/fangsong-01.woff', /^font\/woff$/],
  ['assets/FANGSONG-02.WOFF2', /^font\/woff2$/],
  ['assets/seal.svg', /^image\/svg\+xml$/],
  ['favicon.ico', /^image\/x-icon$/],
];

let dir: string;
let server: WebServer;
beforeAll(async () => {
  dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  for (const [name] of FILES) {
    mkdirSync(dirname(join(rendererDir, name)), { recursive: true });
    writeFileSync(join(rendererDir, name), name);
  }
  server = await startWebServer({
    dataDir: join(dir, 'data'),
    outDir: join(dir, 'out'),
    rendererDir,
    port: 0,
    appVersion: '0.1.0-test',
  });
});
afterAll(async () => {
  await server.close();
  removeDir(dir);
});

describe('the type each renderer file is served with', () => {
  it.each(FILES)('%s: the same from app:// and from the browser mode’s server', async (name, expected) => {
    const response = await fetch(new URL(name, server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toMatch(expected);
    expect(response.headers.get('content-type')).toBe(contentType(`/opt/nianbao/dist/renderer/${name}`));
  });
});
