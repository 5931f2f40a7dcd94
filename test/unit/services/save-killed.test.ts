import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServicesChild, harness, open, removeDir, tempDir } from './helpers';

/**
 * A save killed halfway: a child process saves one draft in a tight loop and is SIGKILLed at
 * varying moments, seven times. Each time the draft must still open, unharmed, with the content of
 * the last save the child finished or of the one it was in the middle of; never anything else.
 */
let work: string;
let child: string;

beforeAll(async () => {
  work = tempDir('nianbao-kill-');
  child = await buildServicesChild(
    new URL('./fixtures/save-burst.ts', import.meta.url),
    join(work, 'save-burst.cjs'),
  );
});
afterAll(() => removeDir(work));

/** Runs the child until it has finished `atLeast` saves, waits `ms` more, kills it; returns the last save it reported. */
function burstAndKill(
  dataDir: string,
  id: string,
  mode: 'save' | 'write',
  atLeast: number,
  ms: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dataDir, id, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let last = 0;
    let out = '';
    let killing = false;
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('FAILED')) reject(new Error(line));
        else last = Number(line);
      }
      if (last >= atLeast && !killing) {
        killing = true;
        setTimeout(() => proc.kill('SIGKILL'), ms);
      }
    });
    proc.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(last) : reject(new Error(`child exited by itself`)),
    );
  });
}

describe('a save killed halfway', () => {
  it(
    'leaves the draft opening with either the old or the new content, kill after kill',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      try {
        const h = harness(dir);
        const { draft } = await (
          await open(h)
        ).drafts.create({
          template: 'national-2021',
          year: 2025,
          unit: { name: '寮步镇人民政府', kind: 'township' },
        });
        // Through the whole save three times, then on the file write alone, where a non-atomic write would show.
        const kills = [
          ['save', 3, 0],
          ['save', 3, 7],
          ['save', 3, 23],
          ['write', 5, 0],
          ['write', 5, 2],
          ['write', 5, 5],
          ['write', 5, 9],
        ] as const;
        for (const [mode, atLeast, ms] of kills) {
          const last = await burstAndKill(dir, draft.id, mode, atLeast, ms);
          const api = await open(h);
          expect(await api.app.startupNotices()).toEqual([]);
          const saved = (await api.drafts.open(draft.id)).draft.prose['s5.problems'] ?? '';
          const n = Number(/^第(\d+)稿/.exec(saved)?.[1]);
          expect([last, last + 1]).toContain(n);
          expect(saved.length).toBe(`第${n}稿`.length + 80_000);
          expect(readdirSync(join(dir, 'drafts')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        }
      } finally {
        removeDir(dir);
      }
    },
  );
});
