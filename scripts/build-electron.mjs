#!/usr/bin/env node
/**
 * `npm run build:electron`: bundles the Electron main process and the preload with esbuild.
 * - dist/electron/main.cjs: everything main needs (services, shared/, electron-store, docx,
 *   exceljs) in one CommonJS file, so the packaged app ships no node_modules (electron-builder.yml
 *   whitelists dist/ only). `electron` itself is provided by the runtime.
 * - dist/electron/preload.cjs: ONE CommonJS file. A sandboxed preload cannot load other files:
 *   its `require` knows only `electron` and a few built-ins.
 * `--quiet` prints warnings only.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const quiet = process.argv.includes('--quiet');
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  // Electron 45 runs Node 22 in main and Chromium 140 in the renderer.
  target: ['node22', 'chrome140'],
  external: ['electron'],
  sourcemap: 'linked',
  logLevel: quiet ? 'warning' : 'info',
  legalComments: 'none',
};

await Promise.all([
  build({
    ...common,
    platform: 'node',
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/electron/main.cjs',
  }),
  // Minified: the preload is parsed again for every window, and zod (for the bridge's channel table) is most of it.
  build({
    ...common,
    platform: 'browser',
    minify: true,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
  }),
]);
