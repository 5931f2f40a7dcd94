#!/usr/bin/env node
/**
 * `npm run dev:web`: builds the renderer (vite) and the loopback server (esbuild), then starts the
 * server with the arguments given (see scripts/web/main.ts). `--build-only` builds and stops, for
 * the end-to-end tests; `--no-build` starts what was built last.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build as bundle } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const buildOnly = args.includes('--build-only');
const skipBuild = args.includes('--no-build');
const serverArgs = args.filter((a) => a !== '--build-only' && a !== '--no-build');

if (!skipBuild) {
  await viteBuild({ configFile: `${root}vite.config.ts`, logLevel: 'warn' });
  await bundle({
    entryPoints: { main: `${root}scripts/web/main.ts`, server: `${root}scripts/web/server.ts` },
    outdir: `${root}dist/dev-web`,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

if (!buildOnly) {
  const child = spawn(process.execPath, [`${root}dist/dev-web/main.mjs`, ...serverArgs], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
