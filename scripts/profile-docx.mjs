#!/usr/bin/env node
/**
 * Where the .docx export spends its time (`npm run bench:docx-profile`): exports the national
 * example 40 times under Node's CPU profiler and prints the share of samples by where the code
 * lives — this project's modules, the `docx` library, the garbage collector. The benchmark's
 * "export ÷ zip" ratio says how far the export is from the packing floor; this says whose code the
 * rest is, which decides whether it can be made faster without leaving the library.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 40;
const entry = `
import { readFileSync } from 'node:fs';
import { exportDocx } from './shared/export/docx';
import { readDraft } from './shared/report/draft-io';
import { findTemplate } from './shared/report/templates';
const read = readDraft(readFileSync('examples/national-2021-township-2025.json', 'utf8'));
if (!read.ok) throw new Error('the national example does not read');
const template = findTemplate(read.draft.template);
for (let i = 0; i < 5; i++) await exportDocx(template, read.draft);
const start = performance.now();
for (let i = 0; i < ${RUNS}; i++) await exportDocx(template, read.draft);
console.log(((performance.now() - start) / ${RUNS}).toFixed(1));
`;
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Libraries stay in node_modules, so each sample's file says whose code it is.
  packages: 'external',
  sourcemap: 'inline',
  outfile: join(root, 'dist/profile-docx.mjs'),
  logLevel: 'warning',
});

const dir = mkdtempSync(join(tmpdir(), 'nianbao-docx-profile-'));
try {
  const perExport = execFileSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--enable-source-maps', 'dist/profile-docx.mjs'],
    { cwd: root, encoding: 'utf8' },
  ).trim();
  const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const shares = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const { url, functionName } = nodes.get(id).callFrame;
    const path = url.startsWith('file://') ? relative(root, fileURLToPath(url)) : '';
    const owner = path.startsWith('node_modules/')
      ? path.split('/')[1]
      : path.startsWith('dist/')
        ? 'this project (shared/export, shared/report)'
        : functionName === '(garbage collector)'
          ? 'garbage collector'
          : 'Node and V8 (module loading, idle)';
    shares.set(owner, (shares.get(owner) ?? 0) + dt);
    total += dt;
  });
  console.log(`.docx export of the national example: ${perExport} ms each (${RUNS} runs, profiled)`);
  for (const [owner, us] of [...shares].sort((a, b) => b[1] - a[1]))
    console.log(`  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${owner}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
