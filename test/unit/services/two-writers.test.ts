import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main, type CliOutput } from '../../../cli/main';
import { isStale, lockPathFor, STALE_LOCK_MS, withFileLock } from '../../../electron/services/file-lock';
import type { Draft } from '../../../shared/report/draft';
import {
  buildServicesChild,
  harness,
  open,
  removeDir,
  tempDir,
  told,
  wizardSave,
  type Harness,
} from './helpers';

/**
 * Two processes saving one draft (the app under two logins, the app and the command line). Every
 * save that reports success must be either the content left at the end or superseded by a save
 * that was based on it; a save based on a version someone else has replaced is refused, with a
 * message, and kept where the clerk can open it.
 */
let work: string;
let child: string;

beforeAll(async () => {
  work = tempDir('nianbao-writers-');
  child = await buildServicesChild(
    new URL('./fixtures/save-writer.ts', import.meta.url),
    join(work, 'save-writer.cjs'),
  );
});
afterAll(() => removeDir(work));

let dir: string;
let h: Harness;
beforeEach(() => {
  dir = tempDir();
  h = harness(dir);
});
afterEach(() => removeDir(dir));

const unit = { name: '寮步镇人民政府', kind: 'township' as const };
const draftPath = (id: string) => join(dir, 'drafts', `${id}.json`);
const onDisk = (id: string) => JSON.parse(readFileSync(draftPath(id), 'utf8')) as Draft;

interface Line {
  writer: string;
  outcome: 'OK' | 'REFUSED';
  n: number;
  base: number;
  revision: number;
  key: string;
}

function writer(id: string, name: string, count: number): Promise<Line[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dir, id, name, String(count)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`writer ${name} exited ${code}: ${err}`));
      resolve(
        out
          .trim()
          .split('\n')
          .map((line) => {
            const [outcome, n, base, rest] = line.split(' ') as [Line['outcome'], string, string, string];
            return outcome === 'OK'
              ? { writer: name, outcome, n: Number(n), base: Number(base), revision: Number(rest), key: '' }
              : { writer: name, outcome, n: Number(n), base: Number(base), revision: -1, key: rest };
          }),
      );
    });
  });
}

describe('two processes saving one draft', () => {
  it(
    '300 saves each: no save reported as saved is lost without its writer being told',
    { timeout: 240_000 },
    async () => {
      const { draft } = await (await open(h)).drafts.create({ template: 'national-2021', year: 2025, unit });
      const [a, b] = await Promise.all([writer(draft.id, 'A', 300), writer(draft.id, 'B', 300)]);
      const lines = [...a, ...b];
      expect(lines).toHaveLength(600);

      const saved = lines.filter((l) => l.outcome === 'OK').sort((x, y) => x.revision - y.revision);
      const refused = lines.filter((l) => l.outcome === 'REFUSED');
      // The writers did contend: without the revision check, these would have overwritten each other.
      expect(refused.length).toBeGreaterThan(0);
      expect(new Set(refused.map((l) => l.key))).toEqual(new Set(['app.storage.conflict']));
      // Every success made exactly one new revision, and the next success was based on it.
      expect(new Set(saved.map((l) => l.revision)).size).toBe(saved.length);
      for (let i = 1; i < saved.length; i++) {
        expect(saved[i]!.base, `save ${saved[i]!.writer}#${saved[i]!.n}`).toBe(saved[i - 1]!.revision);
        expect(saved[i]!.revision).toBe(saved[i]!.base + 1);
      }
      // The last success is what is stored.
      const last = saved.at(-1)!;
      const stored = onDisk(draft.id);
      expect(stored.prose['s5.problems']).toBe(`${last.writer}#${last.n}`);
      expect(stored.meta.revision).toBe(last.revision);
      // The newest refused version is kept for the clerk in 历史版本.
      const api = await open(h);
      const conflicts = (await api.drafts.listBackups(draft.id)).filter((x) => x.kind === 'conflict');
      expect(conflicts.length).toBeGreaterThan(0);
      const newestRefused = JSON.parse(
        readFileSync(join(dir, 'backups', draft.id, conflicts[0]!.name), 'utf8'),
      ) as Draft;
      const refusedTexts = new Set(refused.map((l) => `${l.writer}#${l.n}`));
      expect(refusedTexts.has(newestRefused.prose['s5.problems']!)).toBe(true);
      // No lock or temporary file is left behind.
      expect(readdirSync(join(dir, 'drafts')).filter((f) => f.startsWith('.'))).toEqual([]);
    },
  );
});

describe('a save based on a version saved elsewhere', () => {
  it('is refused with a message; the other version stays the draft and this one is in 历史版本', async () => {
    const here = await open(h);
    const there = await open(harness(dir));
    const { draft } = await here.drafts.create({ template: 'national-2021', year: 2025, unit });
    const elsewhere = (await there.drafts.open(draft.id)).draft;
    expect(
      await wizardSave(there, { ...elsewhere, prose: { 's5.problems': '另一个窗口写的' } }),
    ).toMatchObject({
      ok: true,
    });

    const result = await wizardSave(here, { ...draft, prose: { 's5.problems': '这个窗口写的' } });
    expect(result).toMatchObject({ ok: false, error: { key: 'app.storage.conflict' } });
    if (!result.ok) expect(told(result.error)).toContain('历史版本');
    expect(onDisk(draft.id).prose['s5.problems']).toBe('另一个窗口写的');

    // The refused version is one backup, however often the autosave repeats it; it can be restored.
    await wizardSave(here, { ...draft, prose: { 's5.problems': '这个窗口写的' } });
    const kept = (await here.drafts.listBackups(draft.id)).filter((b) => b.kind === 'conflict');
    expect(kept).toHaveLength(1);
    const restored = await here.drafts.restoreBackup(draft.id, kept[0]!.name);
    expect(restored.draft.prose['s5.problems']).toBe('这个窗口写的');
    // Restoring is itself a save that knew the current version: the other window's text is a backup now.
    const texts = (await here.drafts.listBackups(draft.id)).map(
      (b) =>
        (JSON.parse(readFileSync(join(dir, 'backups', draft.id, b.name), 'utf8')) as Draft).prose[
          's5.problems'
        ],
    );
    expect(texts).toContain('另一个窗口写的');
    // And the home page lists what is stored, not what this window last saved.
    expect((await here.drafts.list())[0]!.updatedAt).toBe(restored.draft.meta.updatedAt);
  });

  it('holding the very work stored since is no conflict: it is told saved, and nothing is set aside', async () => {
    // A page reloaded mid-save: the unloading page's save lands, then the new page sends the same
    // edits again, based on the revision it opened.
    const api = await open(h);
    const { draft } = await api.drafts.create({ template: 'national-2021', year: 2025, unit });
    const edits = { ...draft, prose: { 's5.problems': '刚打的字' } };
    const landed = await api.drafts.save(edits);
    expect(landed).toMatchObject({ ok: true, revision: draft.meta.revision + 1 });

    const again = await api.drafts.save({ ...edits, meta: { ...draft.meta, updatedAt: 'x' } });
    expect(again).toMatchObject({ ok: true, revision: draft.meta.revision + 1 });
    if (again.ok && landed.ok) expect(again.savedAt).toBe(landed.savedAt);
    expect((await api.drafts.listBackups(draft.id)).filter((b) => b.kind === 'conflict')).toEqual([]);
    expect(onDisk(draft.id).meta.revision).toBe(draft.meta.revision + 1);

    // One character more is other work, and is refused and kept as before.
    const more = await api.drafts.save({ ...edits, prose: { 's5.problems': '刚打的字。' } });
    expect(more).toMatchObject({ ok: false, error: { key: 'app.storage.conflict' } });
  });

  it('a save that knows the current revision goes through, and returns the next one', async () => {
    const api = await open(h);
    const { draft } = await api.drafts.create({ template: 'national-2021', year: 2025, unit });
    const first = await api.drafts.save({ ...draft, prose: { 's5.problems': '一' } });
    expect(first).toMatchObject({ ok: true, revision: draft.meta.revision + 1 });
    const second = await api.drafts.save({
      ...draft,
      prose: { 's5.problems': '二' },
      meta: { ...draft.meta, revision: draft.meta.revision + 1 },
    });
    expect(second).toMatchObject({ ok: true, revision: draft.meta.revision + 2 });
    expect(onDisk(draft.id)).toMatchObject({ prose: { 's5.problems': '二' }, meta: { revision: 3 } });
  });
});

describe('nianbao new -o onto a draft the app is saving', () => {
  const capture = (): CliOutput & { lines: string[] } => {
    const lines: string[] = [];
    return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l) };
  };
  const args = (file: string) => ['new', '--unit', '另一个镇', '--year', '2025', '-o', file];

  it('refuses an existing file without --force and leaves it as it was', async () => {
    const api = await open(h);
    const { draft } = await api.drafts.create({ template: 'national-2021', year: 2025, unit });
    const before = readFileSync(draftPath(draft.id), 'utf8');
    const output = capture();
    expect(await main(args(draftPath(draft.id)), output)).toBe(2);
    expect(output.lines.join('\n')).toContain('--force');
    expect(readFileSync(draftPath(draft.id), 'utf8')).toBe(before);
  });

  it('with --force replaces it, and the app’s next autosave is refused and kept instead of overwriting it', async () => {
    const api = await open(h);
    const { draft } = await api.drafts.create({ template: 'national-2021', year: 2025, unit });
    expect(await main([...args(draftPath(draft.id)), '--force'], capture())).toBe(0);
    expect(onDisk(draft.id).unit.name).toBe('另一个镇');

    const result = await wizardSave(api, { ...draft, prose: { 's5.problems': '窗口里的内容' } });
    expect(result).toMatchObject({ ok: false, error: { key: 'app.storage.conflict' } });
    expect(onDisk(draft.id).unit.name).toBe('另一个镇');
    const kept = (await api.drafts.listBackups(draft.id)).filter((b) => b.kind === 'conflict');
    expect(kept).toHaveLength(1);
  });
});

describe('the lock between processes', () => {
  it('a lock left by a process that died is broken at once; one held by a live process is waited for', async () => {
    const target = join(dir, 'x.json');
    mkdirSync(dir, { recursive: true });
    // A pid that no process has: the highest possible on Linux, plus one.
    writeFileSync(lockPathFor(target), `${hostname()}\n4194305\nabc`);
    const started = Date.now();
    expect(await withFileLock(target, async () => 'ran')).toBe('ran');
    expect(Date.now() - started).toBeLessThan(1000);

    writeFileSync(lockPathFor(target), `${hostname()}\n${process.pid}\nlive`);
    let ran = false;
    const waiting = withFileLock(target, async () => (ran = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(ran).toBe(false);
    // An old lock is stale even if its pid was reused by a live process.
    const old = (Date.now() - STALE_LOCK_MS - 5000) / 1000;
    utimesSync(lockPathFor(target), old, old);
    await waiting;
    expect(ran).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('is stale when its holder on this machine is gone, it is too old, or it was never filled in; a fresh lock being written is not', () => {
    expect(isStale(`${hostname()}\n4194305\nt`, 10)).toBe(true);
    expect(isStale(`${hostname()}\n${process.pid}\nt`, 10)).toBe(false);
    expect(isStale(`${hostname()}\n${process.pid}\nt`, STALE_LOCK_MS + 1)).toBe(true);
    expect(isStale('another-pc\n4194305\nt', 10)).toBe(false);
    expect(isStale('', 10)).toBe(false);
    expect(isStale('', 5000)).toBe(true);
  });
});
