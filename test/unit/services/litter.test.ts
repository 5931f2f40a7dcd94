import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, open, removeDir, tempDir, type Harness } from './helpers';

/**
 * What writes killed mid-way leave behind (temporary files, locks) is cleared at start-up in every
 * folder of the data folder, but only files of our own patterns, and never a write another live
 * process (a second login, the command line) is doing right now.
 */
let dir: string;
let h: Harness;
beforeEach(() => {
  dir = tempDir();
  h = harness(dir);
});
afterEach(() => removeDir(dir));

/** A pid no process has: the highest possible on Linux, plus one. */
const DEAD = 4194305;

function put(folder: string, name: string, content = '', ageMs = 0): void {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, name);
  writeFileSync(file, content);
  const at = (Date.now() - ageMs) / 1000;
  utimesSync(file, at, at);
}

const dotFiles = (folder: string) =>
  readdirSync(folder)
    .filter((n) => n.startsWith('.'))
    .sort();

describe('litter after a crash', () => {
  it('is cleared at start in the data folder, drafts, trash and backups: dead writers’ at once, anyone’s after a minute', async () => {
    const backups = join(dir, 'backups', 'abcdef123456');
    for (const folder of [dir, join(dir, 'drafts'), join(dir, 'trash'), backups]) {
      put(folder, `.index.json.${DEAD}-0a1b2c3d.tmp`);
      put(folder, '.index.json.0a1b2c3d.tmp', '', 5 * 60_000);
      put(folder, `.rolling-x.json.${process.pid}-00ff00ff.tmp`, '', 2 * 60_000);
      put(folder, '.abcdef123456.json.lock', `${hostname()}\n${DEAD}\nx`);
    }
    await open(h);
    for (const folder of [dir, join(dir, 'drafts'), join(dir, 'trash'), backups])
      expect(dotFiles(folder), folder).toEqual([]);
  });

  it('leaves a live process’s fresh write and lock, and files that are not ours, alone', async () => {
    const drafts = join(dir, 'drafts');
    const live = [
      `.index.json.${process.pid}-0a1b2c3d.tmp`,
      '.index.json.0a1b2c3d.tmp',
      '.abcdef123456.json.lock',
      '.hidden-notes.tmp',
      '.report.docx.zz.tmp',
    ].sort();
    for (const name of live) put(dir, name, name.endsWith('.lock') ? `${hostname()}\n${process.pid}\nx` : '');
    put(drafts, '.desktop.ini.tmp', '', 10 * 60_000);
    await open(h);
    expect(dotFiles(dir)).toEqual(live);
    expect(dotFiles(drafts)).toEqual(['.desktop.ini.tmp']);
  });
});
