/**
 * `npm run bench`: the engine's performance targets on this 2-core machine — exporting the
 * complete national example to .docx and to .xlsx (under 150 ms each) and checking 1,000 drafts
 * (under 2 s), and the .docx export against zipping its own parts again (the packing floor).
 * Medians over repeated warm runs; the first run (module warm-up) is not counted.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readDraft } from '../shared/report/draft-io';
import { runChecks } from '../shared/report/checks';
import { exportDocx } from '../shared/export/docx';
import { exportXlsx } from '../shared/export/xlsx';
import type { Draft } from '../shared/report/draft';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CountyWorkspaces } from '../electron/services/county-workspace';
import { sortRows } from '../shared/county/sort';
import { emptyWorkspace } from '../shared/county/workspace';
import { serializeDraft } from '../shared/report/draft-io';
import { importDocument } from '../shared/import';
import { main as cli } from '../cli/main';

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

/**
 * The same parts zipped again (JSZip, DEFLATE): the floor of any .docx writer. Export ÷ zip shows how
 * much of an export is building and serialising the document rather than packing it.
 */
async function zipOwnParts(docx: Uint8Array): Promise<() => Promise<Uint8Array>> {
  const source = await JSZip.loadAsync(docx);
  const parts = await Promise.all(
    Object.values(source.files).map(async (f) => [f.name, await f.async('uint8array')] as const),
  );
  return () => {
    const zip = new JSZip();
    for (const [name, data] of parts) zip.file(name, data);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  };
}

const docxMs = await median(20, () => exportDocx(template, draft));
const zipMs = await median(20, await zipOwnParts(await exportDocx(template, draft)));

const rows: [string, number, number][] = [
  ['export .docx (national example)', docxMs, 150],
  ['export .xlsx (national example)', await median(20, () => exportXlsx(template, draft)), 150],
  ['check 1,000 drafts', await median(5, () => drafts.forEach((d) => runChecks(template, d))), 2000],
];
// County: a workspace of 500 units' drafts, opened cold (read, parse, check every file, build the board).
const countyDir = mkdtempSync(join(tmpdir(), 'nianbao-bench-county-'));
const county = emptyWorkspace(2025);
mkdirSync(join(countyDir, 'county', '2025', 'files'), { recursive: true });
drafts.slice(0, 500).forEach((d, i) => {
  const unit = `第${i + 1}镇人民政府`;
  const id = i.toString(16).padStart(16, '0');
  county.roster.push({ name: unit, kind: 'township', contact: '' });
  county.files.push({
    id,
    fileName: `${unit}.json`,
    receivedAt: '2026-01-20T02:00:00.000Z',
    unit,
    ownName: unit,
    match: 'auto',
    candidates: [],
    year: d.year,
    template: d.template,
    savedAt: d.meta.updatedAt,
  });
  writeFileSync(
    join(countyDir, 'county', '2025', 'files', `${id}.json`),
    serializeDraft({ ...d, unit: { ...d.unit, name: unit } }),
  );
});
writeFileSync(join(countyDir, 'county', '2025', 'workspace.json'), JSON.stringify(county));
const openCounty = () =>
  new CountyWorkspaces({ dataDir: countyDir, now: () => new Date(), log: () => undefined }).view(2025);
const board = (await openCounty()).rows;
rows.push(
  ['open a county workspace of 500 drafts', await median(3, openCounty), 5000],
  [
    'sort the county board of 500 units',
    await median(20, () => sortRows(board, { column: 'unit', descending: true })),
    100,
  ],
);
rmSync(countyDir, { recursive: true, force: true });

// Import: a long report written by Word (the example with its prose five times over: 24 pages in LibreOffice),
// and a county folder of 40 units that sent .docx files instead of drafts.
const longDraft: Draft = {
  ...draft,
  prose: Object.fromEntries(
    Object.entries(draft.prose).map(([slot, text]) => [
      slot,
      Array.from({ length: 5 }, () => text).join('\n'),
    ]),
  ),
};
const longDocx = await exportDocx(template, longDraft);
rows.push(['import a 20-page .docx', await median(20, () => importDocument(longDocx, 'report.docx')), 300]);
const importDir = mkdtempSync(join(tmpdir(), 'nianbao-bench-import-'));
for (let i = 0; i < 40; i++) {
  const unit = { ...draft.unit, name: `第${i + 1}镇人民政府` };
  writeFileSync(join(importDir, `${unit.name}.docx`), await exportDocx(template, { ...drafts[i]!, unit }));
}
const silent = { out: () => undefined, err: () => undefined };
rows.push([
  'consolidate over 40 .docx',
  await median(3, () => cli(['consolidate', importDir, '--json'], silent)),
  10000,
]);
rmSync(importDir, { recursive: true, force: true });

console.log('benchmark                              median     target');
for (const [name, ms, target] of rows)
  console.log(
    `${name.padEnd(38)} ${ms.toFixed(1).padStart(7)} ms  < ${target} ms  ${ms < target ? 'ok' : 'SLOW'}`,
  );
const ratio = docxMs / zipMs;
console.log(
  `${'.docx export ÷ zip of its own parts'.padEnd(38)} ${ratio.toFixed(1).padStart(7)} ×   < 3 ×     ${ratio < 3 ? 'ok' : 'SLOW'}  (zip ${zipMs.toFixed(1)} ms)`,
);
if (ratio >= 3) console.log('  whose code the rest of the export is: npm run bench:docx-profile');
