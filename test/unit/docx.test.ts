import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx, type DocxOptions } from '../../shared/export/docx';
import { balancedLines, subHeading, titleLines } from '../../shared/export/layout/lines';
import { emWidth } from '../../shared/export/layout/metrics';
import type { Draft } from '../../shared/report/draft';
import { newDraft } from '../../shared/report/draft-io';
import { documentTitle, resolveSections } from '../../shared/report/model';
import type { TableDef, TemplateDef } from '../../shared/report/template';
import { TEMPLATES } from '../../shared/report/templates';
import { national2021 } from '../../shared/report/templates/national-2021';
import { FULL_NATIONAL, fullNationalDraft } from '../fixtures/full-national';
import { hasSchemas, schemaErrors, tempDir } from '../office/soffice';
import { documentRuns } from '../../renderer/preview/document';

// ── Reading the package back ────────────────────────────────────────────────────────────
type Parts = Record<string, string>;

async function unpack(bytes: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Parts = {};
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels')))
    parts[name] = await zip.file(name)!.async('string');
  return parts;
}

const attrs = (tag: string): Record<string, string> =>
  Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
/** Every start tag of one element, as its attributes. */
const elements = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map((m) => attrs(m[0]));
/** Every top-level block of one element type (w:p, w:tbl, w:tr, w:tc …); these never nest here except tables in body. */
const blocks = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>[\\s\\S]*?</${name}>`, 'g'))].map((m) => m[0]);
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const runs = (p: string) => blocks(p, 'w:r');
const fontOf = (run: string) => elements(run, 'w:rFonts')[0]?.['w:eastAsia'];
const sizeOf = (run: string) => elements(run, 'w:sz')[0]?.['w:val'];
const isBold = (run: string) => /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(run);
const paragraphsOf = (doc: string) => blocks(doc.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, ''), 'w:p');
const paragraphWith = (doc: string, text: string) => {
  const p = paragraphsOf(doc).find((x) => textOf(x).includes(text));
  if (!p) throw new Error(`no paragraph with ${text}`);
  return p;
};
const styleOf = (p: string) => elements(p, 'w:pStyle')[0]?.['w:val'];
/** The part a relationship id of document.xml points to. */
const partOf = (parts: Parts, id: string) => {
  const rel = elements(parts['word/_rels/document.xml.rels']!, 'Relationship').find((r) => r.Id === id)!;
  return parts[`word/${rel.Target}`]!;
};
const headerFooterParts = (parts: Parts) =>
  Object.keys(parts).filter((n) => /^word\/(header|footer)\d+\.xml$/.test(n));

/** The tables in the order the document prints them: inline ones by section, then attachments. */
function printedTables(template: TemplateDef, draft: Draft): TableDef[] {
  const byId = (id: string) => template.tables.find((t) => t.id === id)!;
  const inline = resolveSections(template, draft).flatMap((s) =>
    s.blocks.flatMap((b) => (b.kind === 'table' ? [byId(b.table)] : [])),
  );
  return [...inline, ...template.attachments.map(byId)];
}

/** Some figures in every field a clerk enters, so tables print non-zero numbers. */
function sampleDraft(template: TemplateDef): Draft {
  const draft = newDraft({
    template,
    year: 2025,
    id: `sample${template.id.replace(/-/g, '')}`,
    unit: { name: '寮步镇人民政府' },
  });
  const values = Object.fromEntries(
    template.fields
      .filter((f) => !f.sum && !f.listSum)
      .map((f, i) => [f.id, f.kind === 'money' ? 1.5 : (i % 7) + 1]),
  );
  return { ...draft, values, issuedOn: '2026-01-20' };
}

// ── The exports under test, built once ─────────────────────────────────────────────────────
const full = fullNationalDraft();
let plain: Parts;
let styled: Parts;
let robust: Parts;
let undated: Parts;
const samples = new Map<string, Parts>();
const empties = new Map<string, Parts>();

const exportParts = async (template: TemplateDef, draft: Draft, options?: DocxOptions) =>
  unpack(await exportDocx(template, draft, options));

beforeAll(async () => {
  plain = await exportParts(national2021, full);
  styled = await exportParts(national2021, full, { boldHeadings: true, lineSpacing: 29, draftMark: true });
  robust = await exportParts(national2021, {
    ...full,
    unit: { ...full.unit, name: '寮步镇\u0007人民政府' },
    prose: { ...full.prose, 's1.intro': '含\u0001非法\u000B字符\uD800与\uDFFF𠮷字\u001F。' },
  });
  undated = await exportParts(national2021, { ...full, issuedOn: '' });
  for (const t of TEMPLATES) {
    samples.set(t.id, await exportParts(t, sampleDraft(t)));
    empties.set(
      t.id,
      await exportParts(t, newDraft({ template: t, year: 2025, unit: { name: '某镇人民政府' } })),
    );
  }
});

describe('exportDocx, national-2021 full draft', () => {
  const doc = () => plain['word/document.xml']!;

  it('returns plain bytes, not a Node Buffer, so the renderer can use it too', async () => {
    const bytes = await exportDocx(national2021, full);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(bytes)).toBe(false);
  });

  it('sets every section on A4 portrait with the GB/T 9704 margins and a 22-line grid', () => {
    const sizes = elements(doc(), 'w:pgSz');
    const margins = elements(doc(), 'w:pgMar');
    expect(sizes.length).toBeGreaterThan(0);
    sizes.forEach((size, i) => {
      expect(size).toEqual({ 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' });
      expect(margins[i]).toMatchObject({
        'w:top': '2098',
        'w:bottom': '1984',
        'w:left': '1587',
        'w:right': '1474',
      });
    });
    for (const grid of elements(doc(), 'w:docGrid'))
      expect(grid).toMatchObject({ 'w:type': 'linesAndChars', 'w:linePitch': '560' });
  });

  it('sets table 四 inline under its heading, its 15 columns across the 156 mm line in 五号, headers broken 结果/维持', () => {
    const t4 = blocks(doc(), 'w:tbl').find((t) => textOf(t).includes('未经复议直接起诉'))!;
    const at = doc().indexOf(t4);
    expect(doc().lastIndexOf('四、政府信息公开行政复议、行政诉讼情况', at)).toBeGreaterThan(
      doc().lastIndexOf('三、收到和处理政府信息公开申请情况', at),
    );
    expect(doc().indexOf('五、存在的主要问题及改进情况')).toBeGreaterThan(at);
    // No section break between them: the table stays on the portrait pages of the text around it.
    expect(doc().slice(doc().indexOf('三、收到和处理政府信息公开申请情况'), at)).not.toMatch(/<w:sectPr\b/);
    const grid = elements(t4, 'w:gridCol').map((g) => Number(g['w:w']));
    expect(grid).toHaveLength(15);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(8845);
    for (const r of runs(t4)) expect(sizeOf(r)).toBe('21');
    const lines = (cell: string) => blocks(cell, 'w:p').flatMap((p) => p.split('<w:br/>').map(textOf));
    const heads = blocks(t4, 'w:tc').filter((c) => /^(结果维持|结果纠正|其他结果|尚未审结)$/.test(textOf(c)));
    expect(heads).toHaveLength(12);
    for (const cell of heads) expect(lines(cell).map((l) => l.length)).toEqual([2, 2]);
    // Every line of every cell fits its column: 五号 is 210 twips an em, less 1 mm of padding each side.
    for (const cell of blocks(t4, 'w:tc')) {
      const width = Number(elements(cell, 'w:tcW')[0]!['w:w']);
      for (const line of lines(cell)) expect(emWidth(line) * 210, line).toBeLessThanOrEqual(width - 114);
    }
  });

  it('sets the title in 2号方正小标宋简体, centred, broken after the unit name', () => {
    const title = paragraphsOf(doc()).filter((p) => styleOf(p) === 'Title');
    expect(title.map(textOf)).toEqual(['寮步镇人民政府', '2025年政府信息公开工作年度报告']);
    expect(title.map(textOf).join('')).toBe(documentTitle(national2021, full));
    for (const p of title) {
      expect(elements(p, 'w:jc')[0]?.['w:val']).toBe('center');
      for (const r of runs(p)) expect([fontOf(r), sizeOf(r)]).toEqual(['方正小标宋简体', '44']);
    }
  });

  it('sets body text in 3号仿宋_GB2312, exact 28 pt, justified, first line indented two characters', () => {
    const p = paragraphWith(doc(), '我镇坚持以习近平');
    expect(elements(p, 'w:spacing')[0]).toMatchObject({ 'w:line': '560', 'w:lineRule': 'exact' });
    expect(elements(p, 'w:ind')[0]).toMatchObject({ 'w:firstLineChars': '200', 'w:firstLine': '640' });
    expect(elements(p, 'w:jc')[0]?.['w:val']).toBe('both');
    for (const r of runs(p)) expect([fontOf(r), sizeOf(r)]).toEqual(['仿宋_GB2312', '32']);
  });

  it('prints the section headings in order, in 黑体', () => {
    const headings = paragraphsOf(doc()).filter((p) => styleOf(p) === 'Heading1');
    expect(headings.map(textOf)).toEqual(resolveSections(national2021).map((s) => s.heading));
    for (const h of headings) for (const r of runs(h)) expect(fontOf(r)).toBe('黑体');
  });

  it('sets sub-headings by level: （一） in 楷体, 1. and （1） in 仿宋, run-in headings up to their 。', () => {
    expect(runs(paragraphWith(doc(), '（一）主动公开')).map(fontOf)).toEqual(['楷体_GB2312']);
    expect(styleOf(paragraphWith(doc(), '（一）信息处理费收取情况'))).toBe('Heading2');
    const runIn = runs(paragraphWith(doc(), '（三）人大代表建议'));
    expect(runIn.map((r) => [textOf(r), fontOf(r)])).toEqual([
      ['（三）人大代表建议和政协委员提案办理情况。', '楷体_GB2312'],
      ['全年承办人大代表建议5件、政协委员提案3件，均已按期办结并公开办理结果。', '仿宋_GB2312'],
    ]);
    expect(styleOf(paragraphWith(doc(), '2.清理行政规范性文件'))).toBe('Heading3');
    expect(runs(paragraphWith(doc(), '（1）网站平台')).map(fontOf)).toEqual(['仿宋_GB2312', '仿宋_GB2312']);
    // No bold unless asked for: GB/T 9704 prescribes none.
    expect(runs(doc()).some(isBold)).toBe(false);
  });

  it('names all four font slots on every run and in the style defaults, and no theme font anywhere', () => {
    for (const name of ['word/document.xml', 'word/styles.xml', ...headerFooterParts(styled)]) {
      const xml = (name === 'word/document.xml' ? plain : styled)[name]!;
      const fonts = elements(xml, 'w:rFonts');
      expect(fonts.length, name).toBeGreaterThan(0);
      for (const f of fonts) {
        expect(Object.keys(f).sort(), name).toEqual(['w:ascii', 'w:cs', 'w:eastAsia', 'w:hAnsi']);
        expect(new Set(Object.values(f)).size, name).toBe(1);
      }
      expect(xml, name).not.toMatch(/Theme="/);
    }
    const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(plain['word/styles.xml']!)![0];
    expect(elements(defaults, 'w:rFonts')[0]?.['w:eastAsia']).toBe('仿宋_GB2312');
    for (const r of runs(doc())) expect(r).toMatch(/<w:rFonts /);
  });

  it('marks every run en-US with East Asian zh-CN, as Word does: Chinese glyph forms, digits kept whole', () => {
    const langs = runs(doc()).map((r) => JSON.stringify(elements(r, 'w:lang')[0]));
    const wordLike = JSON.stringify({ 'w:val': 'en-US', 'w:eastAsia': 'zh-CN' });
    expect(new Set(langs)).toEqual(new Set([wordLike]));
    expect(JSON.stringify(elements(plain['word/styles.xml']!, 'w:lang')[0])).toBe(wordLike);
  });

  it('writes w:overflowPunct in the defaults and Normal, which LibreOffice needs to draw a mark after a full line', () => {
    const styles = plain['word/styles.xml']!;
    expect(/<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(styles)![0]).toContain('<w:overflowPunct/>');
    expect(/<w:style [^>]*w:styleId="Normal"[\s\S]*?<\/w:style>/.exec(styles)![0]).toContain(
      '<w:overflowPunct/>',
    );
  });

  it('names the stand-ins Word and WPS use for the 公文 faces, and embeds none', () => {
    const fonts = plain['word/fontTable.xml']!;
    expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    expect(fonts).toMatch(/<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
    expect(fonts).not.toMatch(/embed/i);
    expect(Object.keys(plain).some((n) => n.startsWith('word/fonts/'))).toBe(false);
  });

  it('turns on even and odd footers, with "— n —" in 4号宋体 right on odd pages and left on even ones', () => {
    expect(plain['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>/);
    const sectPrs = blocks(doc(), 'w:sectPr');
    for (const s of sectPrs) {
      const refs = elements(s, 'w:footerReference');
      expect(refs.map((r) => r['w:type']).sort()).toEqual(['default', 'even']);
      for (const ref of refs) {
        const footer = partOf(plain, ref['r:id']!);
        const p = blocks(footer, 'w:p')[0]!;
        const odd = ref['w:type'] === 'default';
        expect(elements(p, 'w:jc')[0]?.['w:val']).toBe(odd ? 'right' : 'left');
        expect(elements(p, 'w:ind')[0]).toEqual(odd ? { 'w:right': '280' } : { 'w:left': '280' });
        expect([...footer.matchAll(/<w:instrText[^>]*>([^<]*)</g)].map((m) => m[1]!.trim())).toEqual([
          'PAGE',
        ]);
        expect(textOf(footer)).toBe('—  —');
        for (const r of runs(footer)) expect([fontOf(r), sizeOf(r)]).toEqual(['宋体', '28']);
      }
    }
  });

  it('prints table cells as the template grid says: twip widths on gridCol and tcW, spans, merges, header rows', () => {
    const tables = blocks(doc(), 'w:tbl');
    const defs = printedTables(national2021, full);
    expect(tables).toHaveLength(defs.length);
    tables.forEach((tbl, i) => {
      const def = defs[i]!;
      const grid = elements(tbl, 'w:gridCol').map((g) => Number(g['w:w']));
      expect(
        grid.reduce((a, b) => a + b, 0),
        def.id,
      ).toBe(def.orientation === 'landscape' ? 12756 : 8845);
      const rows = blocks(tbl, 'w:tr');
      expect(rows, def.id).toHaveLength(def.rows.length);
      rows.forEach((row, r) => {
        expect(/<w:tblHeader\/>/.test(row), `${def.id} row ${r}`).toBe(Boolean(def.rows[r]!.header));
        let col = 0;
        for (const cell of blocks(row, 'w:tc')) {
          const span = Number(elements(cell, 'w:gridSpan')[0]?.['w:val'] ?? 1);
          const width = grid.slice(col, col + span).reduce((a, b) => a + b, 0);
          expect(elements(cell, 'w:tcW')[0], `${def.id} row ${r}`).toEqual({
            'w:type': 'dxa',
            'w:w': String(width),
          });
          col += span;
        }
        expect(col, `${def.id} row ${r} fills the grid`).toBe(def.columns.length);
      });
      const restarts = def.rows.flatMap((r) => r.cells).filter((c) => (c.rowSpan ?? 1) > 1);
      expect(elements(tbl, 'w:vMerge').filter((v) => v['w:val'] === 'restart')).toHaveLength(restarts.length);
      expect(elements(tbl, 'w:vMerge').filter((v) => v['w:val'] === 'continue')).toHaveLength(
        restarts.reduce((n, c) => n + (c.rowSpan ?? 1) - 1, 0),
      );
    });
  });

  it('merges 三、本年度办理结果 over its 22 rows, and keeps table text off the 28 pt line', () => {
    const t3 = blocks(doc(), 'w:tbl').find((t) => textOf(t).includes('三、本年度办理结果'))!;
    const rows = blocks(t3, 'w:tr');
    const start = rows.findIndex((r) => textOf(r).startsWith('三、本年度办理结果'));
    expect(elements(blocks(rows[start]!, 'w:tc')[0]!, 'w:vMerge')[0]?.['w:val']).toBe('restart');
    for (const row of rows.slice(start + 1, start + 22))
      expect(elements(blocks(row, 'w:tc')[0]!, 'w:vMerge')[0]?.['w:val']).toBe('continue');
    expect(textOf(blocks(rows[start + 22]!, 'w:tc')[0]!)).toBe('四、结转下年度继续办理');
    // 五号 set solid (1.3 em), not on the 28 pt body line.
    for (const p of blocks(t3, 'w:p'))
      expect(elements(p, 'w:spacing')[0]).toMatchObject({ 'w:line': '273', 'w:lineRule': 'exact' });
    for (const r of runs(t3)) expect(sizeOf(r)).toBe('21');
  });

  it('prints the computed totals in the table cells', () => {
    const tr = blocks(
      blocks(doc(), 'w:tbl').find((t) => textOf(t).includes('三、本年度办理结果'))!,
      'w:tr',
    );
    const cellsOf = (label: string) =>
      blocks(
        tr.find((r) => textOf(r).includes(label))!,
        'w:tc',
      ).map(textOf);
    expect(cellsOf('一、本年新收').slice(-1)).toEqual([String(FULL_NATIONAL.totals.newApplications)]);
    expect(cellsOf('（七）总计').slice(-7)).toEqual([
      '28',
      '5',
      '0',
      '1',
      '2',
      '0',
      String(FULL_NATIONAL.totals.concluded),
    ]);
    expect(cellsOf('四、结转下年度继续办理').slice(-1)).toEqual([String(FULL_NATIONAL.totals.carryOut)]);
  });

  it('ends with the 署名 centred over an Arabic 成文日期 four characters from the right, kept with the last paragraph', () => {
    const sig = paragraphsOf(doc()).findLast((p) => textOf(p) === '寮步镇人民政府')!;
    const date = paragraphWith(doc(), '2026年1月20日');
    expect(textOf(date)).toBe('2026年1月20日');
    expect(elements(date, 'w:jc')[0]?.['w:val']).toBe('right');
    expect(elements(date, 'w:ind')[0]?.['w:right']).toBe('1280');
    // 寮步镇人民政府 is 7 characters, the date 6.5: centred, the name sits a quarter character further out.
    expect(elements(sig, 'w:ind')[0]?.['w:right']).toBe('1200');
    const all = paragraphsOf(doc());
    const last = all.findIndex((p) => textOf(p).startsWith('（三）人大代表建议'));
    expect(all.slice(last, all.indexOf(sig) + 1).every((p) => /<w:keepNext\/>/.test(p))).toBe(true);
  });

  it('leaves the date line out when there is no 成文日期', () => {
    const texts = paragraphsOf(undated['word/document.xml']!).map(textOf);
    expect(texts.at(-1)).toBe('寮步镇人民政府');
    expect(texts.some((t) => /\d+年\d+月\d+日$/.test(t))).toBe(false);
  });
});

/** The national template with table 四 declared landscape, as a provincial variant might declare a wide table. */
const landscapeT4: TemplateDef = {
  ...national2021,
  tables: national2021.tables.map((t) => (t.id === 't4' ? { ...t, orientation: 'landscape' } : t)),
};

describe('exportDocx, a template that declares a landscape table', () => {
  let doc = '';
  beforeAll(async () => {
    doc = (await exportParts(landscapeT4, full))['word/document.xml']!;
  });

  it('puts the table in a landscape section of the same paper, turned so its top is the binding edge', () => {
    const sectPrs = blocks(doc, 'w:sectPr');
    expect(sectPrs.map((s) => elements(s, 'w:pgSz')[0]!['w:orient'])).toEqual([
      'portrait',
      'landscape',
      'portrait',
    ]);
    // A section's properties close it: the landscape section holds table 四 and nothing of section 五.
    const landscape = doc.slice(doc.indexOf(sectPrs[0]!), doc.indexOf(sectPrs[1]!));
    expect(textOf(landscape)).toContain('未经复议直接起诉');
    expect(textOf(landscape)).not.toContain('五、存在的主要问题及改进情况');
    expect(elements(sectPrs[1]!, 'w:pgSz')[0]).toMatchObject({ 'w:w': '16838', 'w:h': '11906' });
    expect(elements(sectPrs[1]!, 'w:pgMar')[0]).toMatchObject({
      'w:top': '1587',
      'w:bottom': '1474',
      'w:left': '1984',
      'w:right': '2098',
    });
    // Page numbering continues across the section breaks, and every section has its footers.
    expect(doc).not.toMatch(/<w:pgNumType [^>]*w:start=/);
    for (const s of sectPrs) expect(elements(s, 'w:footerReference')).toHaveLength(2);
  });

  it('spans the table across the 225 mm line of the turned page', () => {
    const t4 = blocks(doc, 'w:tbl').find((t) => textOf(t).includes('未经复议直接起诉'))!;
    const grid = elements(t4, 'w:gridCol').map((g) => Number(g['w:w']));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(12756);
  });
});

describe('exportDocx options', () => {
  it('spaces lines at the 公文 “29 pt” (28.95 pt, 579 twips) on request, grid included, so 22 lines still fit', () => {
    const doc = styled['word/document.xml']!;
    expect(elements(paragraphWith(doc, '我镇坚持以习近平'), 'w:spacing')[0]).toMatchObject({
      'w:line': '579',
      'w:lineRule': 'exact',
    });
    for (const grid of elements(doc, 'w:docGrid')) expect(grid['w:linePitch']).toBe('579');
    expect(styled['word/styles.xml']).toMatch(/w:line="579" w:lineRule="exact"/);
  });

  it('sets level-2 and level-3 headings bold on request, and nothing else', () => {
    const doc = styled['word/document.xml']!;
    expect(runs(paragraphWith(doc, '（一）主动公开')).every(isBold)).toBe(true);
    expect(runs(paragraphWith(doc, '2.清理行政规范性文件')).every(isBold)).toBe(true);
    const runIn = runs(paragraphWith(doc, '1.规范信息发布审查'));
    expect(runIn.map(isBold)).toEqual([true, false]);
    expect(runs(paragraphWith(doc, '（1）网站平台')).some(isBold)).toBe(false);
    expect(runs(paragraphWith(doc, '一、总体情况')).some(isBold)).toBe(false);
    expect(runs(paragraphWith(doc, '我镇坚持以习近平')).some(isBold)).toBe(false);
  });

  it('marks every page 草稿 in the default and even headers of every section', () => {
    const doc = styled['word/document.xml']!;
    for (const s of blocks(doc, 'w:sectPr')) {
      const refs = elements(s, 'w:headerReference');
      expect(refs.map((r) => r['w:type']).sort()).toEqual(['default', 'even']);
      for (const ref of refs) expect(textOf(partOf(styled, ref['r:id']!))).toBe('草稿');
    }
    expect(plain['word/document.xml']).not.toMatch(/w:headerReference/);
  });
});

describe('exportDocx robustness', () => {
  it('strips characters XML forbids and keeps characters outside the BMP', () => {
    const doc = robust['word/document.xml']!;
    expect(textOf(paragraphWith(doc, '含非法字符'))).toBe('含非法字符与𠮷字。');
    const controls = [...doc].filter((ch) => ch.codePointAt(0)! < 0x20 && !'\t\n\r'.includes(ch));
    expect(controls).toEqual([]);
    expect(
      paragraphsOf(doc)
        .filter((p) => styleOf(p) === 'Title')
        .map(textOf),
    ).toEqual(['寮步镇人民政府', '2025年政府信息公开工作年度报告']);
    expect(robust['docProps/core.xml']).toContain('寮步镇人民政府2025年政府信息公开工作年度报告');
  });

  describe.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s', (id, template) => {
    it('exports an empty draft with its title, every section heading and every table', () => {
      const doc = empties.get(id)!['word/document.xml']!;
      const draft = newDraft({ template, year: 2025, unit: { name: '某镇人民政府' } });
      expect(
        paragraphsOf(doc)
          .filter((p) => styleOf(p) === 'Title')
          .slice(0, titleLines(documentTitle(template, draft), '某镇人民政府').length)
          .map(textOf)
          .join(''),
      ).toBe(documentTitle(template, draft));
      expect(
        paragraphsOf(doc)
          .filter((p) => styleOf(p) === 'Heading1')
          .map(textOf),
      ).toEqual(resolveSections(template).map((s) => s.heading));
      expect(blocks(doc, 'w:tbl')).toHaveLength(printedTables(template, draft).length);
    });

    it('announces its attachments after the body and starts each on a page of its own', () => {
      const doc = samples.get(id)!['word/document.xml']!;
      const draft = sampleDraft(template);
      const attached = template.attachments.map((a) => template.tables.find((t) => t.id === a)!);
      const texts = paragraphsOf(doc).map(textOf);
      if (attached.length === 0) {
        expect(texts.some((t) => t.startsWith('附件：'))).toBe(false);
        return;
      }
      const note = texts.findIndex((t) => t.startsWith('附件：'));
      const signature = texts.lastIndexOf('寮步镇人民政府');
      expect(note).toBeGreaterThan(0);
      expect(note).toBeLessThan(signature);
      const titles = attached.map((t) => t.title ?? t.sheetName);
      expect(texts.slice(note, note + titles.length).join('')).toBe(
        attached.length > 1
          ? `附件：${titles.map((t, i) => `${i + 1}.${t}`).join('')}`
          : `附件：${titles[0]}`,
      );
      const labels = paragraphsOf(doc).filter((p) => /^附件\d*$/.test(textOf(p)));
      expect(labels).toHaveLength(attached.length);
      for (const label of labels) {
        expect(runs(label).map(fontOf)).toEqual(['黑体']);
        // A new page: a page break before it, or the section break that precedes a change of orientation.
        const before = doc.slice(0, doc.indexOf(label));
        expect(
          /<w:pageBreakBefore\/>/.test(label) || before.trimEnd().endsWith('</w:sectPr></w:pPr></w:p>'),
        ).toBe(true);
      }
      expect(printedTables(template, draft).length).toBe(blocks(doc, 'w:tbl').length);
    });

    it('writes document, header and footer parts that validate against the WordprocessingML schema', () => {
      if (!hasSchemas()) {
        console.warn(
          `SKIPPED schema validation of ${id}: ../shared/ooxml-schemas or xmllint is missing on this machine (CI has both).`,
        );
        return;
      }
      const dir = tempDir('docx-schema');
      const exports = [
        samples.get(id)!,
        empties.get(id)!,
        ...(id === national2021.id ? [styled, robust] : []),
      ];
      // Sections repeat the same footers and headers: each distinct part is validated once.
      const distinct = new Map<string, string>();
      for (const parts of exports)
        for (const name of [
          'word/document.xml',
          'word/styles.xml',
          'word/fontTable.xml',
          ...headerFooterParts(parts),
        ])
          distinct.set(parts[name]!, name);
      [...distinct].forEach(([xml, name], i) => {
        const file = join(dir, `${i}-${name.replace(/\//g, '-')}`);
        writeFileSync(file, xml);
        expect(schemaErrors(file, 'microsoft/wml-2010.xsd'), name).toBe('');
      });
    });
  });
});

describe('title lines', () => {
  it('keeps a title that fits on one line', () => {
    expect(titleLines('某镇2025年政府信息公开工作年度报告', '某镇')).toEqual([
      '某镇2025年政府信息公开工作年度报告',
    ]);
  });
  it('breaks after the unit name, wherever the template puts it', () => {
    expect(titleLines('寮步镇人民政府2025年政府信息公开工作年度报告', '寮步镇人民政府')).toEqual([
      '寮步镇人民政府',
      '2025年政府信息公开工作年度报告',
    ]);
    expect(titleLines('2012年广州市城市管理委员会政府信息公开年度报告', '广州市城市管理委员会')).toEqual([
      '2012年广州市城市管理委员会',
      '政府信息公开年度报告',
    ]);
  });
  it('breaks a line still too long at a whole word, never beyond the 版心', () => {
    expect(
      titleLines(
        '东莞市寮步镇人民政府关于二〇二五年度政府信息公开工作情况的年度报告',
        '东莞市寮步镇人民政府',
      ),
    ).toEqual(['东莞市寮步镇人民政府', '关于二〇二五年度', '政府信息公开工作情况的年度报告']);
    expect(titleLines('东莞市寮步镇人民政府关于二〇二五年度政府信息公开工作情况的年度报告', '')).toEqual([
      '东莞市寮步镇人民政府关于二〇二五年度',
      '政府信息公开工作情况的年度报告',
    ]);
  });
});

describe('sub-headings typed in prose', () => {
  it.each([
    ['（一）主动公开', 2, '（一）主动公开', ''],
    ['(二)依申请公开', 2, '(二)依申请公开', ''],
    ['1.加强组织领导。成立工作专班。', 3, '1.加强组织领导。', '成立工作专班。'],
    ['１．规范发布', 3, '１．规范发布', ''],
    ['2、完善制度', 3, '2、完善制度', ''],
    ['（1）网站平台。全年更新412条。', 4, '（1）网站平台。', '全年更新412条。'],
  ])('%s is level %i', (text, level, head, rest) => {
    expect(subHeading(text)).toEqual({ level, head, rest });
  });
  it.each([
    '2025年，我镇主动公开政府信息186条。',
    '1.5万元的行政事业性收费已全部上缴财政。',
    '（一）我镇在本年度围绕乡村振兴、安全生产、生态环境保护等重点领域持续加大信息公开力度。',
    '1.围绕乡村振兴安全生产生态环境保护等重点领域持续加大信息公开力度并及时公开政策文件和工作进展情况并同步开展解读',
  ])('%s is body text', (text) => {
    expect(subHeading(text)).toBeNull();
  });
});

describe('table cell lines', () => {
  it('breaks narrow centred text into even lines', () => {
    expect(balancedLines('结果维持', 3.5)).toEqual(['结果', '维持']);
    expect(balancedLines('社会公益组织', 2.9)).toEqual(['社会', '公益', '组织']);
    expect(balancedLines('（三）不予公开', 3.6)).toEqual(['（三）', '不予', '公开']);
    expect(balancedLines('申请人情况', 10)).toEqual(['申请人情况']);
  });
  it('never opens a line with a comma or a closing bracket', () => {
    for (const l of balancedLines(
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      12,
    ).slice(1))
      expect('，。、；：）').not.toContain(l[0]);
  });
});

describe('sub-headings and totals the clerk left empty', () => {
  /** 总体情况 with （三）（四） left empty, as a clerk who wrote nothing on management and platforms. */
  const partial = (): Draft => {
    const draft = fullNationalDraft();
    for (const slot of ['s1.management', 's1.platform']) delete draft.prose[slot];
    return draft;
  };
  const headings = (xml: string) =>
    paragraphsOf(xml)
      .filter((p) => styleOf(p) === 'Heading2')
      .map(textOf);

  it('prints no sub-heading over an empty slot and numbers the rest without a gap, in Word and the preview', async () => {
    const draft = partial();
    const xml = (await unpack(await exportDocx(national2021, draft)))['word/document.xml']!;
    const printed = headings(xml).filter((h) => /^（[一二三四五]）/.test(h));
    expect(printed.slice(0, 4)).toEqual([
      '（一）主动公开',
      '（二）依申请公开',
      '（三）监督保障',
      '（一）存在的主要问题',
    ]);
    expect(xml).not.toContain('政府信息管理');
    expect(xml).not.toContain('政府信息公开平台建设');
    const preview = documentRuns(national2021, draft)
      .flatMap((r) => r.blocks)
      .flatMap((b) => (b.kind === 'para' && b.level === 2 ? [b.text] : []));
    expect(preview.filter((h) => /^（[一二三四五]）/.test(h)).slice(0, 4)).toEqual(printed.slice(0, 4));
  });

  it('leaves a total with no entered part blank in the table, and prints an entered 0 as 0', async () => {
    const township = TEMPLATES.find((t) => t.id === 'township-2012')!;
    const draft = sampleDraft(township);
    draft.lists['active.categories'] = [];
    const row = (xml: string) =>
      blocks(xml, 'w:tr')
        .map((tr) => blocks(tr, 'w:tc').map(textOf))
        .find((cells) => cells[0] === '主动公开政府信息数')!;
    const blank = (await unpack(await exportDocx(township, draft)))['word/document.xml']!;
    expect(row(blank)).toEqual(['主动公开政府信息数', '条', '']);
    draft.values['request.total'] = 0;
    const zero = (await unpack(await exportDocx(township, draft)))['word/document.xml']!;
    expect(
      blocks(zero, 'w:tr')
        .map((tr) => blocks(tr, 'w:tc').map(textOf))
        .find((c) => c[0] === '受理政府信息公开申请数'),
    ).toEqual(['受理政府信息公开申请数', '件', '0']);
  });
});
