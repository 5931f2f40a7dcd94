#!/usr/bin/env node
/**
 * `npm start`: builds the renderer (vite) and the Electron bundles, then launches the desktop app,
 * which opens on the sample report the first time. Arguments after `--` go to Electron.
 *
 * Where Electron cannot start — its binary is missing (electron ≥ 42 downloads it on first launch,
 * which an office network without internet cannot), there is no display, or it exits at once — the
 * same command runs the browser mode instead (scripts/dev-web.mjs): the same wizard against the
 * real storage and exporters on 127.0.0.1, over the same data folder the desktop app would use. It
 * says so in one line with the address, and opens that address in the default browser where there
 * is one (best effort: no browser is no failure).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
/** The port the browser mode prefers, so the clerk's bookmark keeps working; another is taken when it is busy. */
const WEB_PORT = 5180;
/** An Electron that exits with an error sooner than this did not start: the browser mode takes over. */
const FAILED_START_MS = 15_000;

/** The line that says where the app runs, from the app's own locale files (app.json, start.browserMode). */
function browserModeLine(url) {
  const say = (lang) =>
    JSON.parse(
      readFileSync(join(root, 'shared', 'locales', lang, 'app.json'), 'utf8'),
    ).start.browserMode.replace('{{url}}', url);
  return `${say('zh-CN')}\n${say('en')}`;
}

/** The desktop app's data folder (electron/main/index.ts): NIANBAO_HOME, else `nianbao` in the OS's application-data folder. */
function dataFolder() {
  if (process.env.NIANBAO_HOME) return join(resolve(process.env.NIANBAO_HOME), 'data');
  const appData =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return join(appData, 'nianbao', 'data');
}

function portFree(port) {
  return new Promise((answer) => {
    const probe = createServer();
    probe.once('error', () => answer(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => answer(true)));
  });
}

/** Opens `url` in the default browser, if the system has a way to; any failure is ignored. */
function openInBrowser(url) {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const opener = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
    opener.on('error', () => undefined);
    opener.unref();
  } catch {
    // No opener on this system: the address is printed above.
  }
}

async function browserMode() {
  const port = (await portFree(WEB_PORT)) ? WEB_PORT : 0;
  const web = spawn(
    process.execPath,
    [join(root, 'scripts', 'dev-web.mjs'), '--data', dataFolder(), '--port', String(port)],
    { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] },
  );
  let pending = '';
  let told = false;
  web.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (told) return;
    pending += chunk.toString();
    const url = /nianbao web: (http:\/\/\S+)/.exec(pending)?.[1];
    if (!url) return;
    told = true;
    process.stdout.write(`${browserModeLine(url)}\n`);
    openInBrowser(url);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => web.kill(signal));
  web.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function build(step, command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`npm start: ${step} failed\n`);
    process.exit(result.status ?? 1);
  }
}

/** Electron on Linux needs a display; without one it exits at once. */
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const electron = noDisplay ? null : electronBinary();
if (!electron) {
  await browserMode();
} else {
  build('vite build', process.execPath, [require.resolve('vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
  build('build:electron', process.execPath, [join(root, 'scripts', 'build-electron.mjs'), '--quiet']);

  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const started = Date.now();
  const app = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => app.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward);
  let fellBack = false;
  const fallBack = () => {
    if (fellBack) return;
    fellBack = true;
    for (const signal of ['SIGINT', 'SIGTERM']) process.off(signal, forward);
    void browserMode();
  };
  app.on('error', fallBack);
  app.on('exit', (code, signal) => {
    if (code !== 0 && signal === null && Date.now() - started < FAILED_START_MS) return fallBack();
    if (!fellBack) process.exit(code ?? (signal ? 1 : 0));
  });
}
