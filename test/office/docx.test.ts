import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../shared/export/docx';
import type { Draft } from '../../shared/report/draft';
import { newDraft } from '../../shared/report/draft-io';
import { documentTitle, fieldMap, resolveSections, signatureOf } from '../../shared/report/model';
import type { TableDef, TemplateDef } from '../../shared/report/template';
import { TEMPLATES } from '../../shared/report/templates';
import { national2021 } from '../../shared/report/templates/national-2021';
import { chineseDate } from '../../shared/report/text';
import { computeValues, formatValue } from '../../shared/report/totals';
import { FULL_NATIONAL, fullNationalDraft } from '../fixtures/full-national';
import { hasOffice, isA4Landscape, isA4Portrait, pdfPageSizes, tempDir, toPdf } from './soffice';

/**
 * The Word export as a reader sees it: LibreOffice renders each template's export to PDF once,
 * and poppler reads the words, page sizes and line positions back.
 */
const office = hasOffice();
if (!office)
  console.warn('SKIPPED test/office/docx.test.ts: soffice (LibreOffice) is not installed on this machine.');

/** A draft with a figure in every entered field; the national template gets the fully filled fixture. */
function draftFor(template: TemplateDef): Draft {
  if (template.id === national2021.id) return fullNationalDraft();
  const draft = newDraft({
    template,
    year: 2025,
    id: `office${template.id.replace(/-/g, '')}`,
    unit: { name: '寮步镇人民政府' },
  });
  const values = Object.fromEntries(
    template.fields
      .filter((f) => !f.sum && !f.listSum)
      .map((f, i) => [f.id, f.kind === 'money' ? 12.5 : 11 + i]),
  );
  return {
    ...draft,
    values,
    issuedOn: '2026-01-20',
    prose: { [template.preface?.id ?? 'none']: '本报告由寮步镇人民政府编制。' },
  };
}

/** Text of a table row as printed: its text cells and formatted values, in column order. */
function rowTexts(template: TemplateDef, table: TableDef, draft: Draft): string[] {
  const fields = fieldMap(template);
  const values = computeValues(template, draft);
  return table.rows.map((row) =>
    row.cells
      .map((c) => ('field' in c ? formatValue(fields.get(c.field)!, values.get(c.field)) : c.text))
      .join(''),
  );
}

const squeeze = (text: string) => text.replace(/\s+/g, '');
const pt = (twips: number) => twips / 20;

interface Rendered {
  draft: Draft;
  pdf: string;
  /** pdftotext -raw: content-stream order, so each table cell's lines follow each other. */
  raw: string;
  pages: { width: number; height: number }[];
  pageTexts: string[];
}

const rendered = new Map<string, Rendered>();

/** The national template with table 四 declared landscape, as a provincial variant might declare a wide table. */
const LANDSCAPE = 'national-2021 with table 四 landscape';
const landscapeT4: TemplateDef = {
  ...national2021,
  tables: national2021.tables.map((t) => (t.id === 't4' ? { ...t, orientation: 'landscape' } : t)),
};

beforeAll(() => {
  if (!office) return;
  const dir = tempDir('docx-office');
  const exports: [string, TemplateDef][] = [
    ...TEMPLATES.map((t): [string, TemplateDef] => [t.id, t]),
    [LANDSCAPE, landscapeT4],
  ];
  return Promise.all(
    exports.map(async ([name, template]) => {
      const draft = draftFor(template);
      const file = join(dir, `${name.replace(/\W+/g, '-')}.docx`);
      writeFileSync(file, await exportDocx(template, draft));
      const pdf = toPdf(file, dir);
      const pages = pdfPageSizes(pdf);
      const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
      rendered.set(name, {
        draft,
        pdf,
        raw,
        pages,
        pageTexts: raw.split('\f').slice(0, pages.length),
      });
    }),
  );
}, 240_000);

describe.skipIf(!office).each(TEMPLATES.map((t) => [t.id, t] as const))(
  'Word export of %s in LibreOffice',
  (id, template) => {
    const r = () => rendered.get(id)!;

    it('shows the title, then every section heading in order', () => {
      const text = squeeze(r().raw);
      const title = text.indexOf(documentTitle(template, r().draft));
      expect(title).toBeGreaterThanOrEqual(0);
      let at = title;
      for (const s of resolveSections(template, r().draft)) {
        const next = text.indexOf(s.heading, at);
        expect(next, s.heading).toBeGreaterThan(at);
        at = next;
      }
    });

    it('shows every table row, labels and figures, as the template lays it out', () => {
      const text = squeeze(r().raw);
      for (const table of template.tables)
        for (const row of rowTexts(template, table, r().draft))
          expect(text, `${table.id}: ${row}`).toContain(squeeze(row));
    });

    it('numbers every page "— n —"', () => {
      r().pageTexts.forEach((page, i) =>
        expect(page, `page ${i + 1}`).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)),
      );
    });

    it('signs with the unit name and the Arabic 成文日期', () => {
      const text = squeeze(r().raw);
      expect(text).toContain(`${signatureOf(r().draft.unit)}${chineseDate(r().draft.issuedOn)}`);
      expect(chineseDate(r().draft.issuedOn)).toBe('2026年1月20日');
    });

    it('prints every page on A4 portrait: wide tables are set in small type, not turned', () => {
      expect(r().pages.length).toBeGreaterThan(1);
      r().pages.forEach((size, i) => expect(isA4Portrait(size), `page ${i + 1}`).toBe(true));
    });
  },
);

describe.skipIf(!office)('national-2021 page layout in LibreOffice', () => {
  /** 版心 in points: left, right and bottom edges of the portrait text area. */
  const BODY = { left: pt(1587), right: pt(11906 - 1474), bottom: pt(16838 - 1984) };
  const lines = (page: number) =>
    [
      ...execFileSync(
        'pdftotext',
        ['-f', String(page), '-l', String(page), '-bbox-layout', rendered.get(national2021.id)!.pdf, '-'],
        {
          encoding: 'utf8',
        },
      ).matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g),
    ].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: [...m[5]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '),
    }));

  it('shows the distinctive figures of the draft', () => {
    const raw = rendered.get(national2021.id)!.raw;
    const { totals } = FULL_NATIONAL;
    expect(raw).toMatch(
      new RegExp(
        `一、本年新收政府信息公开申请数量\\s+29\\s+5\\s+0\\s+1\\s+2\\s+0\\s+${totals.newApplications}`,
      ),
    );
    expect(raw).toMatch(new RegExp(`（七）总计\\s+28\\s+5\\s+0\\s+1\\s+2\\s+0\\s+${totals.concluded}`));
    expect(squeeze(raw)).toContain(`主动公开政府信息${totals.activeTotal}条`);
    expect(squeeze(raw)).toContain(`行政许可${totals.licensing}`);
  });

  it('sets 22 body lines a page, 28 pt apart, with 28 characters to a full line', () => {
    // Page 2 is prose only in the fixture.
    const body = lines(2).filter((l) => l.yMax < BODY.bottom);
    expect(body).toHaveLength(22);
    body.slice(1).forEach((l, i) => expect(l.yMin - body[i]!.yMin).toBeCloseTo(28, 0));
    const full = rendered
      .get(national2021.id)!
      .raw.split('\n')
      .find((l) => l.startsWith('部署，围绕群众关切'));
    expect([...full!.trim()]).toHaveLength(28);
  });

  it('places the page number 7 mm below the 版心, a character in from the outer edge', () => {
    const mm7 = (7 / 25.4) * 72;
    for (const page of [1, 2]) {
      const number = lines(page).find((l) => l.yMin > BODY.bottom)!;
      expect((number.yMin + number.yMax) / 2 - BODY.bottom).toBeGreaterThan(mm7 - 3);
      expect((number.yMin + number.yMax) / 2 - BODY.bottom).toBeLessThan(mm7 + 3);
      // One 4号 character (14 pt): right on odd pages, left on even ones.
      if (page % 2 === 1) expect(BODY.right - number.xMax).toBeCloseTo(14, 0);
      else expect(number.xMin - BODY.left).toBeCloseTo(14, 0);
    }
  });

  it('keeps table 四 inside the 156 mm 版心, its 15 figures in one row across the whole width', () => {
    const { pageTexts } = rendered.get(national2021.id)!;
    const all = lines(pageTexts.findIndex((t) => t.includes('未经复议直接起诉')) + 1);
    const top = all.find((l) => l.text === '行政复议')!;
    const figures = all.filter((l) => l.yMin > top.yMin && /^\d+$/.test(l.text));
    expect(figures).toHaveLength(15);
    expect(new Set(figures.map((f) => f.yMin)).size).toBe(1);
    const table = all.filter((l) => l.yMin >= top.yMin && l.yMin <= figures[0]!.yMin);
    for (const l of table) {
      expect(l.xMin, l.text).toBeGreaterThanOrEqual(BODY.left);
      expect(l.xMax, l.text).toBeLessThanOrEqual(BODY.right);
    }
    const xs = figures.map((f) => f.xMin).sort((a, b) => a - b);
    expect(xs[0]).toBeLessThan(BODY.left + 20);
    expect(xs[14]).toBeGreaterThan(BODY.right - 30);
  });

  it('sets table 四 with each header word on two whole lines (结果/维持) and its 15 figures on one line', () => {
    const raw = rendered
      .get(national2021.id)!
      .raw.split('\n')
      .map((l) => l.trim());
    const head = raw.findIndex((l) => /^行政复议\s*行政诉讼$/.test(l));
    const figures = raw.findIndex((l, i) => i > head && /^\d+(\s+\d+){14}$/.test(l));
    expect(head).toBeGreaterThan(0);
    expect(figures).toBeGreaterThan(head);
    const cells = raw.slice(head + 1, figures).filter((l) => !/起诉/.test(l));
    expect(cells.filter((l) => l !== '总计').join('|')).toBe(
      Array.from({ length: 3 }, () => '结果|维持|结果|纠正|其他|结果|尚未|审结').join('|'),
    );
    expect(cells.filter((l) => l === '总计')).toHaveLength(3);
  });

  it('renders the headings in their own faces: 黑体, 楷体 and 仿宋 reach the PDF as distinct fonts', () => {
    const fonts = execFileSync('pdffonts', [rendered.get(national2021.id)!.pdf], { encoding: 'utf8' });
    // test/office/fonts.conf maps 黑体 to Noto Sans CJK, 楷体 to AR PL UKai, 仿宋 and 小标宋 to Noto Serif CJK.
    expect(fonts).toMatch(/NotoSansCJK/);
    expect(fonts).toMatch(/UKai/);
    expect(fonts).toMatch(/NotoSerifCJK\S*-Bold/);
    expect(fonts).toMatch(/NotoSerifCJK\S*-Regular/);
  });
});

describe.skipIf(!office)('a table a template declares landscape, in LibreOffice', () => {
  it('prints it on a page of its own turned to A4 landscape, the pages around it portrait, numbered on', () => {
    const { pages, pageTexts } = rendered.get(LANDSCAPE)!;
    const turned = pages.flatMap((size, i) => (isA4Landscape(size) ? [i] : []));
    expect(turned).toHaveLength(1);
    const page = squeeze(pageTexts[turned[0]!]!);
    expect(page).toContain('未经复议直接起诉');
    expect(page).not.toContain('五、存在的主要问题及改进情况');
    pages.forEach((size, i) => {
      if (i !== turned[0]) expect(isA4Portrait(size), `page ${i + 1}`).toBe(true);
    });
    pageTexts.forEach((text, i) => expect(text, `page ${i + 1}`).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)));
  });
});
