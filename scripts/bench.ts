/**
 * `npm run bench`: the engine's performance targets on this 2-core machine — exporting the
 * complete national example to .docx and to .xlsx (under 150 ms each) and checking 1,000 drafts
 * (under 2 s). Medians over repeated warm runs; the first run (module warm-up) is not counted.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readDraft } from '../shared/report/draft-io';
import { runChecks } from '../shared/report/checks';
import { exportDocx } from '../shared/export/docx';
import { exportXlsx } from '../shared/export/xlsx';
import type { Draft } from '../shared/report/draft';

const EXAMPLE = 'examples/national-2021-township-2025.json';

async function median(runs: number, fn: () => unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const read = readDraft(readFileSync(EXAMPLE, 'utf8'));
if (!read.ok) throw new Error(`${EXAMPLE}: ${read.error.key} ${JSON.stringify(read.error.params)}`);
const { draft, template } = read;

// A thousand distinct drafts: the example with its numbers and prose varied, as a county would collect.
const drafts: Draft[] = Array.from({ length: 1000 }, (_, i) => ({
  ...draft,
  id: `bench${String(i).padStart(6, '0')}`,
  values: Object.fromEntries(
    Object.entries(draft.values).map(([k, v]) => [
      k,
      template.fields.find((f) => f.id === k)?.kind === 'count' ? v + (i % 7) : v,
    ]),
  ),
  prose: { ...draft.prose, 's1.intro': `${draft.prose['s1.intro'] ?? ''}${i}` },
}));

const rows: [string, number, number][] = [
  ['export .docx (national example)', await median(20, () => exportDocx(template, draft)), 150],
  ['export .xlsx (national example)', await median(20, () => exportXlsx(template, draft)), 150],
  ['check 1,000 drafts', await median(5, () => drafts.forEach((d) => runChecks(template, d))), 2000],
];
console.log('benchmark                              median     target');
for (const [name, ms, target] of rows)
  console.log(
    `${name.padEnd(38)} ${ms.toFixed(1).padStart(7)} ms  < ${target} ms  ${ms < target ? 'ok' : 'SLOW'}`,
  );
