import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** One running browser-mode server over its own data folder. */
export interface RunningApp {
  url: string;
  origin: string;
  dataDir: string;
  outDir: string;
  stop(): Promise<void>;
}

/** Starts the built server (dist/dev-web) on a free loopback port over `dataDir`, as `npm run dev:web` does. */
export async function startApp(dataDir: string): Promise<RunningApp> {
  const outDir = join(dataDir, 'exports');
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'dist/dev-web/main.mjs'), '--data', dataDir, '--out', outDir, '--port', '0'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
  );
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /nianbao web: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    outDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
}

/** Screenshots of the steps, at 1366 × 768, for a person to look at (test-results/screens/). */
export async function screen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(root, 'test-results', 'screens', `${name}.png`) });
}

/** The server of the test file running in this worker (files in one worker run one after another). */
let current: RunningApp | null = null;

/**
 * Every test file gets its own server over a fresh data folder: `useApp()` at the top of the file
 * starts it before the first test and stops it after the last. `prepare` may lay files into the
 * data folder before the server first opens it.
 */
export function useApp(prepare?: (dataDir: string) => void): {
  readonly app: RunningApp;
  /** Stops the server, lets `between` change the data folder (as a crash or a disk fault would), and starts it again. */
  restart(between: (dataDir: string) => void): Promise<RunningApp>;
} {
  const holder: { app: RunningApp | null } = { app: null };
  base.beforeAll(async () => {
    const dataDir = freshDataDir();
    prepare?.(dataDir);
    holder.app = current = await startApp(dataDir);
  });
  base.afterAll(async () => {
    await holder.app?.stop();
    if (holder.app) rmSync(holder.app.dataDir, { recursive: true, force: true });
    current = null;
  });
  return {
    get app() {
      if (!holder.app) throw new Error('useApp: the server is not running');
      return holder.app;
    },
    async restart(between) {
      const { dataDir } = this.app;
      await this.app.stop();
      between(dataDir);
      holder.app = current = await startApp(dataDir);
      return holder.app;
    },
  };
}

/**
 * Every test asserts that the page asked nothing of anyone but the app itself (the app is offline
 * by design, so a request elsewhere is a bug), and that nothing broke in the page: an exception or
 * an error on the console fails the test even when the screen happens to look right.
 */
export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page }, use) => {
      const foreign: string[] = [];
      const broken: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        const own = current !== null && url.startsWith(`${current.origin}/`);
        if (!own && !url.startsWith('data:') && !url.startsWith('blob:') && url !== 'about:blank')
          foreign.push(url);
      });
      page.on('pageerror', (error) => broken.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') broken.push(message.text());
      });
      await use();
      expect(foreign, 'requests outside the app').toEqual([]);
      expect(broken, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
