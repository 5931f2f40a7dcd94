import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../../scripts/electron-binary.mjs';
import { tempDir, removeDir } from '../services/helpers';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('npm start without an Electron binary', () => {
  it('prints one line, in Chinese and English, naming the browser mode, and exits 1 without a stack trace', () => {
    const missing = tempDir();
    try {
      const run = spawnSync(process.execPath, ['scripts/start.mjs'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(missing, 'no-electron-here') },
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('npm run dev:web');
      expect(lines[0]).toContain('浏览器版');
      expect(lines[0]).toContain('browser mode');
      expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
      expect(run.stdout).toBe('');
    } finally {
      removeDir(missing);
    }
  });
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
