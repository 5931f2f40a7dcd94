#!/usr/bin/env node
/**
 * `npm start`: builds the renderer (vite) and the Electron bundles, then launches the desktop app,
 * which opens on the sample report the first time. Arguments after `--` go to Electron.
 *
 * electron ≥ 42 has no install script: its binary is downloaded on first launch. Where it is not
 * there (no internet, as on an office network), this says so in one line, in Chinese and English,
 * names the browser mode, and exits 1 — before building, and without a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const BROWSER_MODE = 'npm run dev:web';

/** The one line, from the app's own locale files (shared/locales/<lang>/app.json, key start.noElectron). */
function noElectronLine() {
  const say = (lang) =>
    JSON.parse(
      readFileSync(join(root, 'shared', 'locales', lang, 'app.json'), 'utf8'),
    ).start.noElectron.replace('{{command}}', BROWSER_MODE);
  return `${say('zh-CN')} / ${say('en')}`;
}

function run(step, command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`npm start: ${step} failed\n`);
    process.exit(result.status ?? 1);
  }
}

const electron = electronBinary();
if (!electron) {
  process.stderr.write(`${noElectronLine()}\n`);
  process.exit(1);
}

run('vite build', process.execPath, [require.resolve('vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
run('build:electron', process.execPath, [join(root, 'scripts', 'build-electron.mjs'), '--quiet']);

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const app = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
app.on('error', () => {
  process.stderr.write(`${noElectronLine()}\n`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
