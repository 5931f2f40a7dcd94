import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportXlsx } from '../../shared/export/xlsx';
import { national2021 } from '../../shared/report/templates/national-2021';
import { computeValues } from '../../shared/report/totals';
import { hasOffice, isA4Landscape, isA4Portrait, pdfPageSizes, pdfText, tempDir, toPdf } from './soffice';
import { distinctiveNationalDraft } from '../fixtures/distinctive-national';

/**
 * The national workbook as LibreOffice Calc prints it. The harness profile makes Calc recompute
 * every formula on loading, so the totals on paper are Calc's sums of our formulas, not the results
 * we cached; a second copy whose cached results are all wrong proves it.
 */
const office = hasOffice();
if (!office)
  console.warn(
    'soffice (LibreOffice) is not installed: skipping the Excel export checks in real office software.',
  );

const WRONG = '9999';

/** Replaces the cached result of every formula in every sheet with a wrong figure. */
async function spoilCachedResults(
  bytes: Uint8Array,
): Promise<{ bytes: Uint8Array; formulas: number; spoiled: number }> {
  const zip = await JSZip.loadAsync(bytes);
  let formulas = 0;
  let spoiled = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    formulas += xml.match(/<f>/g)?.length ?? 0;
    zip.file(
      name,
      xml.replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, (_m, f: string) => {
        spoiled++;
        return `${f}<v>${WRONG}</v>`;
      }),
    );
  }
  return { bytes: await zip.generateAsync({ type: 'uint8array' }), formulas, spoiled };
}

/** The numbers printed after a label on its line of `pdftotext -layout`. */
const numbersAfter = (text: string, label: string): number[] => {
  const line = text.split('\n').find((l) => l.includes(label));
  expect(line, label).toBeDefined();
  const rest = line!
    .slice(line!.indexOf(label) + label.length)
    .trim()
    .split(/\s+/);
  return rest.filter((t) => /^\d+(\.\d+)?$/.test(t)).map(Number);
};

describe.skipIf(!office)('the national Excel workbook printed by LibreOffice', () => {
  const draft = distinctiveNationalDraft();
  const values = computeValues(national2021, draft);
  const v = (id: string) => values.get(id)!;
  const T3_COLUMNS = ['natural', 'business', 'research', 'public', 'legal', 'other', 'total'];
  let pdf = '';
  let text = '';
  let spoiledPdf = '';
  let spoiled = { formulas: 0, spoiled: 0 };

  beforeAll(async () => {
    const dir = tempDir('xlsx');
    const bytes = await exportXlsx(national2021, draft);
    writeFileSync(join(dir, 'national.xlsx'), bytes);
    const wrong = await spoilCachedResults(await exportXlsx(national2021, draft, { draftMark: true }));
    spoiled = { formulas: wrong.formulas, spoiled: wrong.spoiled };
    writeFileSync(join(dir, 'spoiled.xlsx'), wrong.bytes);
    pdf = toPdf(join(dir, 'national.xlsx'), dir);
    spoiledPdf = toPdf(join(dir, 'spoiled.xlsx'), dir);
    text = pdfText(pdf, true);
  }, 120_000);

  it('prints the labels and the entered numbers', () => {
    for (const label of [
      '申请人情况',
      '法人或其他组织',
      '（七）总计',
      '四、结转下年度继续办理',
      '未经复议直接起诉',
      '行政事业性收费',
    ])
      expect(text).toContain(label);
    expect(text).toContain('三、收到和处理政府信息公开申请情况');
    expect(text).toContain('填报单位：寮步镇人民政府');
    expect(numbersAfter(text, '行政事业性收费')).toEqual([12.3456]);
  });

  it('prints the totals as LibreOffice recalculates them, equal to the app’s', () => {
    expect(v('t3.new.total')).toBe(47);
    expect(v('t3.total.total')).toBe(113);
    expect(numbersAfter(text, '一、本年新收政府信息公开申请数量')).toEqual(
      T3_COLUMNS.map((c) => v(`t3.new.${c}`)),
    );
    expect(numbersAfter(text, '（七）总计')).toEqual(T3_COLUMNS.map((c) => v(`t3.total.${c}`)));
    const t4 = ['review', 'direct', 'after'].flatMap((g) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((r) => v(`t4.${g}.${r}`)),
    );
    expect(text.split('\n').some((l) => l.trim().split(/\s+/).map(Number).join() === t4.join())).toBe(true);
    expect(numbersAfter(text, '（七）总计 / 总计')).toEqual([113]);
  });

  it('prints on A4, table 四 landscape on one page with its header words whole, the rest portrait', () => {
    const sizes = pdfPageSizes(pdf);
    const pages = pdfText(pdf).split('\f').slice(0, sizes.length);
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    const isT4 = (p: string) => p.includes('四、政府信息公开行政复议、行政诉讼情况');
    sizes.forEach((size, i) =>
      expect(isT4(pages[i]!) ? isA4Landscape(size) : isA4Portrait(size), `page ${i + 1}`).toBe(true),
    );
    const t4 = pages.filter(isT4);
    expect(t4).toHaveLength(1);
    for (const word of ['结果维持', '结果纠正', '其他结果', '尚未审结'])
      expect(t4[0]!.split(word).length - 1, word).toBe(3);
  });

  it('numbers every page', () => {
    const pages = pdfText(pdf).split('\f').slice(0, pdfPageSizes(pdf).length);
    pages.forEach((p, i) => expect(p.replace(/\s+/g, '')).toContain(`第${i + 1}页共${pages.length}页`));
  });

  it('shows recalculated totals even when every cached result in the file is wrong, and marks each page 草稿', () => {
    expect(spoiled.spoiled).toBe(spoiled.formulas);
    expect(spoiled.spoiled).toBeGreaterThan(0);
    const spoiledText = pdfText(spoiledPdf, true);
    expect(spoiledText).not.toContain(WRONG);
    const pages = pdfText(spoiledPdf)
      .split('\f')
      .filter((p) => p.trim());
    for (const p of pages) expect(p).toContain('草稿');
    const unmarked = spoiledText.replaceAll('（草稿）', '').replace(/^\s*草稿\s*$/gm, '');
    expect(unmarked.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  });
});
