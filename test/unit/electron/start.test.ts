import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../../scripts/electron-binary.mjs';
import { tempDir, removeDir } from '../services/helpers';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `npm start` where Electron cannot start runs the browser mode by itself. This builds the
 * renderer into dist/ like the end-to-end setup does: run it under the e2e lock when other
 * builds may run at the same time (flock /tmp/e2e.lock npx vitest run test/unit/electron/start.test.ts).
 */
describe('npm start without an Electron binary', () => {
  it(
    'starts the browser mode on the sample report, prints the address and opens it in the default browser',
    { timeout: 180_000 },
    async () => {
      const home = tempDir();
      const bin = join(home, 'bin');
      const opened = join(home, 'opened.txt');
      mkdirSync(bin);
      // The default browser, as the system would start it: it notes the address it was given.
      writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`, { mode: 0o755 });
      const start = spawn(process.execPath, ['scripts/start.mjs'], {
        cwd: root,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          ELECTRON_OVERRIDE_DIST_PATH: join(home, 'no-electron-here'),
          NIANBAO_HOME: home,
          PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
        },
      });
      let out = '';
      let err = '';
      start.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      try {
        const url = await new Promise<string>((found, fail) => {
          start.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const line = out.split('\n').find((l) => l.includes('浏览器版'));
            const address = line && /http:\/\/127\.0\.0\.1:\d+\//.exec(line)?.[0];
            if (address) found(address);
          });
          start.on('exit', (code) => fail(new Error(`npm start exited ${code}: ${out}${err}`)));
        });
        expect(out).toContain('browser mode');
        expect(err).not.toMatch(/\bat .+:\d+:\d+/);

        const page = await fetch(url);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<div id="root">');
        // The same data folder the desktop app would use, seeded with the sample report.
        const list = await fetch(`${url}api/drafts:list`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '[]',
        });
        const drafts = (await list.json()) as { unitName: string }[];
        expect(drafts.map((d) => d.unitName)).toEqual(['清溪县云岭镇人民政府']);
        expect(readdirSync(join(home, 'data', 'drafts'))).toHaveLength(1);

        await expect
          .poll(() => (existsSync(opened) ? readFileSync(opened, 'utf8') : ''), { timeout: 5000 })
          .toBe(url);
      } finally {
        if (start.exitCode === null && start.pid) process.kill(-start.pid, 'SIGTERM');
        await new Promise((done) => (start.exitCode === null ? start.once('exit', done) : done(null)));
        removeDir(home);
      }
    },
  );
});

describe('the Electron binary npm start and the end-to-end test look for', () => {
  it('is the one the electron package would start: ELECTRON_OVERRIDE_DIST_PATH is honoured, and a missing one is null', () => {
    const dir = tempDir();
    try {
      const dist = join(dir, 'electron-dist');
      expect(electronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist })).toBeNull();
      mkdirSync(dist);
      writeFileSync(join(dist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
      expect(electronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist })).toBe(join(dist, 'electron'));
    } finally {
      removeDir(dir);
    }
  });
});
