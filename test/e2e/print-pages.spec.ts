import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportDocx } from '../../shared/export/docx/index';
import { openCounts, runChecks } from '../../shared/report/checks/index';
import type { Draft } from '../../shared/report/draft';
import { readDraft, serializeDraft } from '../../shared/report/draft-io';
import { findTemplate } from '../../shared/report/templates/index';
import { distinctiveNationalDraft } from '../fixtures/distinctive-national';
import { fullNationalDraft } from '../fixtures/full-national';
import { heyouTownshipDraft } from '../fixtures/heyou-township';
import { hasOffice, pdfInfo, pdfText, tempDir, toPdfs } from '../office/soffice';
import { expect, test, useApp } from './app';

/**
 * The print view (the route Electron's printToPDF and the browser mode's PDF export render)
 * paginates as the Word file does: for every example and test fixture, the PDF Chromium prints
 * has as many pages as LibreOffice gives the exported .docx, and each page ends on the same words.
 * Tables wrap their label cells where Word does, and a heading after a table keeps the Word file's
 * gap above it.
 */
const server = useApp();
const office = hasOffice();

function example(name: string): Draft {
  const read = readDraft(readFileSync(`examples/${name}.json`, 'utf8'));
  if (!read.ok) throw new Error(`examples/${name}.json does not read`);
  return read.draft;
}

const DRAFTS: [string, () => Draft][] = [
  ['national-2021-township-2025', () => example('national-2021-township-2025')],
  ['liaobu-2012', () => example('liaobu-2012')],
  ['guangzhou-chengguan-2012', () => example('guangzhou-chengguan-2012')],
  ['fixture full-national', fullNationalDraft],
  ['fixture distinctive-national', distinctiveNationalDraft],
  ['fixture heyou-township (empty)', () => heyouTownshipDraft('heyou-print-pages')],
];

async function imported(draft: Draft): Promise<string> {
  const response = await fetch(`${server.app.url}api/drafts:importFile`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([{ fileName: `${draft.id}.json`, text: serializeDraft(draft) }]),
  });
  const result = (await response.json()) as { ok: boolean; opened: { draft: Draft } };
  expect(result.ok).toBe(true);
  return result.opened.draft.id;
}

/**
 * The last characters of each page's text in content order, without the page number and the 草稿
 * mark: where a page breaks, in a paragraph or between the rows of a table.
 */
function pageEnds(pdf: string): string[] {
  const pages = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  return pages.map((text) =>
    text
      .replace(/—\s*\d+\s*—/g, '')
      .replace(/草稿/g, '')
      .replace(/\s/g, '')
      .slice(-10),
  );
}

test.describe('the print view has the Word file’s page count', () => {
  test.skip(!office, 'LibreOffice (soffice) is not installed: bash scripts/install-system-deps.sh');
  const out = tempDir('print-pages');
  /** Per draft: whether it exports final, and the pages LibreOffice gives its .docx. */
  const word = new Map<string, { draft: Draft; final: boolean; pdf: string }>();

  test.beforeAll(async () => {
    // One LibreOffice start for all the Word files: a conversion is mostly LibreOffice starting.
    test.setTimeout(240_000);
    const files: string[] = [];
    for (const [name, make] of DRAFTS) {
      const draft = make();
      const template = findTemplate(draft.template)!;
      // A draft with errors leaves as 草稿 in both: the mark in the header must not change the pages.
      const final = openCounts(runChecks(template, draft)).errors === 0;
      const docx = join(out, `${files.length}.docx`);
      writeFileSync(docx, await exportDocx(template, draft, { draftMark: !final }));
      files.push(docx);
      word.set(name, { draft, final, pdf: '' });
    }
    toPdfs(files, out).forEach((pdf, i) => (word.get(DRAFTS[i]![0])!.pdf = pdf));
  });
  test.afterAll(() => rmSync(out, { recursive: true, force: true }));

  for (const [name] of DRAFTS)
    test(name, async ({ page }) => {
      const { draft, final, pdf } = word.get(name)!;
      const id = await imported(draft);
      await page.goto(`${server.app.url}#/print/${id}?size=a4&final=${final ? 1 : 0}`);
      await page.waitForFunction(() => document.documentElement.dataset.printReady === '1');
      const printed = join(out, `${id}.pdf`);
      writeFileSync(printed, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      expect(pdfInfo(printed).pages, 'pages printed by Chromium').toBe(pdfInfo(pdf).pages);
      expect(pageEnds(printed), 'the last words of each page').toEqual(pageEnds(pdf));
    });
});

test('a heading after a table stands a table line below its rule, as in the Word file', async ({ page }) => {
  const id = await imported(example('national-2021-township-2025'));
  await page.goto(`${server.app.url}#/print/${id}?size=a4&final=1`);
  await page.waitForFunction(() => document.documentElement.dataset.printReady === '1');
  const gaps = await page.evaluate(() =>
    [...document.querySelectorAll('.doc-table-block')].map((block) => {
      const table = [...block.querySelectorAll('table')].at(-1)!.getBoundingClientRect();
      const next = block.nextElementSibling!.getBoundingClientRect();
      return { heading: block.nextElementSibling!.textContent, gapPt: ((next.top - table.bottom) * 72) / 96 };
    }),
  );
  expect(gaps.map((g) => g.heading)).toEqual([
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
  ]);
  // The empty paragraph after a table: one line of the table's type (1.3 × 10.5 or 12 pt).
  for (const g of gaps) expect(g.gapPt, g.heading!).toBeGreaterThanOrEqual(13.5);
});

test('导出 PDF twice: the warm print page prints the draft as saved in between', async () => {
  const api = async (channel: string, ...args: unknown[]) => {
    const response = await fetch(`${server.app.url}api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    expect(response.ok, channel).toBe(true);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const id = await imported(example('national-2021-township-2025'));
  const pdf = async () => {
    const result = (await api('exports:pdf', { id, final: false, size: 'a4' })) as { path: string };
    return pdfText(result.path).replace(/\s/g, '');
  };
  expect(await pdf()).toContain('清溪县云岭镇人民政府');
  const { draft } = (await api('drafts:open', id)) as { draft: Draft };
  await api('drafts:save', { ...draft, unit: { ...draft.unit, name: '清溪县白石镇人民政府' } });
  const second = await pdf();
  expect(second).toContain('清溪县白石镇人民政府');
  expect(second).not.toContain('云岭镇人民政府2025');
});
