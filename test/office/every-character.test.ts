import JSZip from 'jszip';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../shared/export/docx';
import { exportXlsx } from '../../shared/export/xlsx';
import type { Draft } from '../../shared/report/draft';
import { newDraft, readDraft } from '../../shared/report/draft-io';
import { resolveSections } from '../../shared/report/model';
import type { TemplateDef } from '../../shared/report/template';
import { TEMPLATES } from '../../shared/report/templates';
import { randomDraft } from './random-drafts';
import {
  hasOffice,
  hasSchemas,
  pdfInfo,
  pdfPageSizes,
  pdfPageText,
  pdfText,
  schemaErrors,
  tempDir,
  toPdfsInParallel,
} from './soffice';

/**
 * The Word file as LibreOffice prints it, for every example and a hundred random drafts: no number
 * broken across two lines (至20⏎25年), every character of the document drawn (a 。 after a full line
 * once went missing), no heading with nothing under it. The workbooks of the examples print each
 * table on one page and none of the internal ids. All documents go through one LibreOffice start.
 */
const office = hasOffice();
if (!office)
  console.warn('SKIPPED test/office/every-character.test.ts: soffice (LibreOffice) is not installed.');

const RANDOM_DRAFTS = 100;
const template = (id: string) => TEMPLATES.find((t) => t.id === id)!;

interface Case {
  name: string;
  template: TemplateDef;
  draft: Draft;
}

const examples: Case[] = readdirSync('examples')
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const read = readDraft(readFileSync(join('examples', f), 'utf8'));
    if (!read.ok) throw new Error(`examples/${f} does not read`);
    return { name: f.replace(/\.json$/, ''), template: read.template, draft: read.draft };
  });

/** 寮步 2012 as re-entered: its channels published, its categories never counted. */
function uncountedCategories(): Case {
  const township = template('township-2012');
  const draft = newDraft({ template: township, year: 2012, unit: { name: '寮步镇人民政府' } });
  draft.lists['active.channels'] = [
    { label: '镇政府网站', value: 1986 },
    { label: '微信（篇）', value: 1154 },
  ];
  draft.values['request.total'] = 0;
  for (const section of resolveSections(township, draft))
    for (const block of section.blocks)
      if (block.kind === 'prose')
        draft.prose[block.slot.id] = '我镇按照上级有关政府信息公开文件的要求，认真做好政府信息公开工作。';
  return { name: 'uncounted-categories', template: township, draft };
}

const randoms: Case[] = Array.from({ length: RANDOM_DRAFTS }, (_, i) => {
  const draft = randomDraft(i + 1);
  return { name: draft.id, template: template(draft.template), draft };
});
const cases = [...examples, uncountedCategories(), ...randoms];
const printCases = [...examples, uncountedCategories()];

// ── What document.xml says ─────────────────────────────────────────────────────────────
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);
const textOf = (xml: string) =>
  decode([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The body in order: paragraphs with their style, tables as one item each. */
type Item =
  { kind: 'p'; style: string; text: string } | { kind: 'table'; text: string; paragraphs: string[] };

function bodyItems(documentXml: string): Item[] {
  const body = documentXml.slice(documentXml.indexOf('<w:body>'));
  const items: Item[] = [];
  for (const m of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const xml = m[0];
    if (xml.startsWith('<w:tbl>')) {
      const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => squeeze(textOf(p[0])));
      items.push({ kind: 'table', text: squeeze(textOf(xml)), paragraphs });
    } else
      items.push({
        kind: 'p',
        style: /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1] ?? 'Normal',
        text: squeeze(textOf(xml)),
      });
  }
  return items;
}

// ── What the PDF shows ─────────────────────────────────────────────────────────────────
/** Page numbers "— 3 —" are the footer's, not the body's. */
const PAGE_NUMBER = /^—\s*\d+\s*—$/;

/**
 * Numbers LibreOffice split over two lines: a line ending in a digit whose next line opens with
 * one, where the last word of the one and the first word of the other, joined, are the text of
 * a body paragraph (至20⏎25年) or the whole figure of a table cell (9097⏎5). Table lines are
 * told by the runs of spaces between their columns; two table rows are not one number.
 */
function brokenNumbers(layout: string, body: string[], cells: ReadonlySet<string>): string[] {
  const lines = layout
    .split(/[\n\f]/)
    .map((l) => l.trim())
    .filter((l) => l && !PAGE_NUMBER.test(l));
  const inTable = (line: string) => /\s{3,}/.test(line);
  const out: string[] = [];
  lines.slice(1).forEach((next, i) => {
    const line = lines[i]!;
    const tail = /(\S*\d)$/.exec(line)?.[1];
    const head = /^(\d\S*)/.exec(next)?.[1];
    if (!tail || !head) return;
    const joined = `${tail}${head}`;
    const broken = inTable(line) || inTable(next) ? cells.has(joined) : body.some((p) => p.includes(joined));
    if (broken) out.push(`${tail}⏎${head}`);
  });
  return out;
}

/** Characters of the document the PDF does not show: body paragraphs whole and in order, table text as counts. */
function undrawn(items: Item[], pdf: string): string[] {
  const shown = squeeze(pdf).replace(/—\d+—/g, '');
  const missing = items.filter((i) => i.kind === 'p' && i.text && !shown.includes(i.text)).map((i) => i.text);
  const counts = new Map<string, number>();
  for (const ch of shown) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  for (const item of items.filter((i) => i.kind === 'table'))
    for (const ch of item.text) {
      const left = counts.get(ch) ?? 0;
      if (left === 0) missing.push(`table character ${ch}`);
      else counts.set(ch, left - 1);
    }
  return missing;
}

const HEADING = /^Heading(\d)$/;

/** Headings followed by nothing but a heading of the same or a higher level, or by the end of the body. */
function emptyHeadings(items: Item[]): string[] {
  const content = items.filter((i) => i.kind === 'table' || i.text);
  return content.flatMap((item, i) => {
    const level = item.kind === 'p' ? HEADING.exec(item.style)?.[1] : undefined;
    if (!level) return [];
    const next = content[i + 1];
    const nextLevel = next?.kind === 'p' ? HEADING.exec(next.style)?.[1] : undefined;
    return !next || (nextLevel && Number(nextLevel) <= Number(level))
      ? [item.kind === 'p' ? item.text : '']
      : [];
  });
}

/** Field ids such as t3.new.natural or active.categories[2]. */
const INTERNAL_ID = /\b[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9]*)+(?:\[\d+\])?/;

interface Rendered extends Case {
  items: Item[];
  documentXml: string;
  layout: string;
  raw: string;
}

describe.skipIf(!office)('every example and a hundred random drafts, printed by LibreOffice', () => {
  const dir = tempDir('every-character');
  const rendered: Rendered[] = [];
  const workbooks: (Case & { pdf: string })[] = [];

  beforeAll(async () => {
    const files = await Promise.all(
      cases.map(async (c) => {
        const file = join(dir, `${c.name}.docx`);
        const bytes = await exportDocx(c.template, c.draft);
        writeFileSync(file, bytes);
        const zip = await JSZip.loadAsync(bytes);
        return { file, documentXml: await zip.file('word/document.xml')!.async('string') };
      }),
    );
    const sheets = await Promise.all(
      printCases.map(async (c) => {
        const file = join(dir, `${c.name}.workbook.xlsx`);
        writeFileSync(file, await exportXlsx(c.template, c.draft));
        return file;
      }),
    );
    const start = performance.now();
    const all = await toPdfsInParallel([...files.map((f) => f.file), ...sheets], join(dir, 'pdf'));
    const [pdfs, xlsxPdfs] = [all.slice(0, files.length), all.slice(files.length)];
    console.info(
      `every-character: ${pdfs.length} .docx and ${xlsxPdfs.length} .xlsx through LibreOffice in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
    cases.forEach((c, i) => {
      const documentXml = files[i]!.documentXml;
      rendered.push({
        ...c,
        documentXml,
        items: bodyItems(documentXml),
        layout: pdfText(pdfs[i]!, true),
        raw: pdfText(pdfs[i]!),
      });
    });
    printCases.forEach((c, i) => workbooks.push({ ...c, pdf: xlsxPdfs[i]! }));
  }, 1_800_000);

  it(`renders ${cases.length} documents`, () => {
    expect(rendered.map((r) => r.name)).toEqual(cases.map((c) => c.name));
  });

  it('breaks no number across two lines (至20⏎25年, 3⏎9宗)', () => {
    const broken = rendered.flatMap((r) => {
      const body = r.items.flatMap((i) => (i.kind === 'p' ? [i.text] : []));
      const cells = new Set(r.items.flatMap((i) => (i.kind === 'table' ? i.paragraphs : [])));
      return brokenNumbers(r.layout, body, cells).map((b) => `${r.name}: ${b}`);
    });
    expect(broken).toEqual([]);
  });

  it('draws every character of the document, the marks at the ends of full lines included', () => {
    const missing = rendered.flatMap((r) => undrawn(r.items, r.raw).map((m) => `${r.name}: ${m}`));
    expect(missing).toEqual([]);
  });

  it('prints no heading with nothing under it', () => {
    const empty = rendered.flatMap((r) => emptyHeadings(r.items).map((h) => `${r.name}: ${h}`));
    expect(empty).toEqual([]);
  });

  it('leaves 主动公开政府信息数 blank where no category was counted, and prints an entered 0', () => {
    const r = rendered.find((x) => x.name === 'uncounted-categories')!;
    const line = (text: string, label: string) =>
      text
        .split('\n')
        .find((l) => l.includes(label))!
        .trim();
    expect(line(r.layout, '主动公开政府信息数')).toMatch(/^主动公开政府信息数\s+条$/);
    expect(line(r.layout, '受理政府信息公开申请数')).toMatch(/件\s+0$/);
    const workbook = pdfText(workbooks.find((w) => w.name === 'uncounted-categories')!.pdf, true);
    expect(line(workbook, '主动公开政府信息数')).toMatch(/^主动公开政府信息数\s+条$/);
    expect(workbook).toMatch(/主动公开渠道：微信\s+1154\s+篇/);
  });

  it.skipIf(!hasSchemas())('writes a document.xml that validates against the WordprocessingML schema', () => {
    const files = rendered.map((r) => {
      const file = join(dir, `${r.name}.document.xml`);
      writeFileSync(file, r.documentXml);
      return file;
    });
    expect(schemaErrors(files, 'microsoft/wml-2010.xsd')).toBe('');
  });

  it('prints each table of a workbook on one page, table 四 landscape, and 指标数值 without internal ids', () => {
    for (const w of workbooks) {
      const pages = pdfInfo(w.pdf).pages;
      const texts = Array.from({ length: pages }, (_, p) => squeeze(pdfPageText(w.pdf, p + 1)));
      const flatPages = texts.filter((t) => t.startsWith('指标数值')).length;
      expect(flatPages, w.name).toBeGreaterThan(0);
      expect(pages, `${w.name}: one page per table, then 指标数值`).toBe(
        w.template.tables.length + flatPages,
      );
      const text = pdfText(w.pdf);
      expect(INTERNAL_ID.exec(text)?.[0], w.name).toBeUndefined();
      // Money as the Word file prints it: no 0.00, no trailing zeros.
      expect(/(?<![\d.])\d+\.\d*0(?![\d.])/.exec(text)?.[0], w.name).toBeUndefined();
    }
    const national = workbooks.find((w) => w.template.id === 'national-2021')!;
    const sizes = pdfPageSizes(national.pdf);
    const t4 = Array.from({ length: sizes.length }, (_, p) => pdfPageText(national.pdf, p + 1)).findIndex(
      (t) => t.includes('四、政府信息公开行政复议、行政诉讼情况'),
    );
    expect(sizes[t4]!.width).toBeGreaterThan(sizes[t4]!.height);
  });
});
