import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDraft } from '../../shared/report/draft-io';
import { documentTitle, resolveSections } from '../../shared/report/model';
import { hasOffice, isA4Landscape, isA4Portrait, pdfPageSizes, pdfText, tempDir, toPdf } from './soffice';

/**
 * What issue 2 promises a user: `nianbao export` of each example writes a .docx and an .xlsx
 * that LibreOffice opens and prints on A4, showing the title, every heading in order and the
 * example's numbers. Runs the real command-line tool as a separate process.
 */
const EXAMPLES = ['national-2021-township-2025', 'liaobu-2012', 'guangzhou-chengguan-2012'];
const office = hasOffice();
if (!office)
  console.warn('\n*** test/office/examples.test.ts SKIPPED: LibreOffice (soffice) is not installed ***\n');

const flat = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!office).each(EXAMPLES)('nianbao export examples/%s.json', (name) => {
  const out = tempDir('examples');
  const source = readDraft(readFileSync(`examples/${name}.json`, 'utf8'));
  if (!source.ok) throw new Error(`examples/${name}.json does not read`);
  const { draft, template } = source;
  let docxText = '';
  let xlsxText = '';
  let pages: { width: number; height: number }[] = [];

  beforeAll(() => {
    execFileSync('node', ['scripts/build-cli.mjs', '--quiet']);
    const docx = join(out, `${name}.docx`);
    const xlsx = join(out, `${name}.xlsx`);
    // The legacy examples carry their real errors, so they export only as 草稿.
    execFileSync('node', [
      'cli/nianbao.mjs',
      'export',
      `examples/${name}.json`,
      '--docx',
      docx,
      '--xlsx',
      xlsx,
      '--allow-errors',
    ]);
    const docxPdf = toPdf(docx, join(out, 'docx'));
    const xlsxPdf = toPdf(xlsx, join(out, 'xlsx'));
    docxText = flat(pdfText(docxPdf));
    xlsxText = flat(pdfText(xlsxPdf));
    pages = [...pdfPageSizes(docxPdf), ...pdfPageSizes(xlsxPdf)];
  });

  it('prints both files on A4, portrait but for a workbook table too wide for it (table 四)', () => {
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(isA4Portrait(p) || isA4Landscape(p), JSON.stringify(p)).toBe(true);
    expect(pages.filter(isA4Landscape).length).toBe(
      template.tables.some((t) => t.columns.length > 10) ? 1 : 0,
    );
  });

  it('shows the title and every section heading in order in the Word file', () => {
    const lines = documentTitle(template, draft);
    expect(docxText).toContain(flat(lines));
    let from = 0;
    for (const s of resolveSections(template, draft)) {
      const at = docxText.indexOf(flat(s.heading), from);
      expect(at, s.heading).toBeGreaterThanOrEqual(from);
      from = at;
    }
  });

  it('shows the entered numbers and their totals in both files', () => {
    const entered = Object.values(draft.values).filter((v) => v >= 10);
    for (const v of entered) {
      expect(docxText).toContain(String(v));
      expect(xlsxText).toContain(String(v));
    }
  });
});
