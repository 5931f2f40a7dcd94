import { isValueText, type SourceBlock, type SourceRow, type SourceValue } from './source';

/**
 * Text copied from a published page or a PDF viewer. Its tables have lost their grid: a cell
 * arrives on a line of its own (often with a line of "|" after it), or a row arrives on one line
 * with "|" between its cells. Either way the rows can still be read: a run of numbers belongs to
 * the labels just before it. Short lines among the tables (headers, 信息内容, 商业 / 企业) are
 * marked as table text so they are not taken for prose.
 */

type Line =
  | { kind: 'text'; text: string; line: number }
  | { kind: 'value'; text: string; line: number }
  | { kind: 'row'; cells: string[]; line: number }
  | { kind: 'separator'; line: number };

const PIPE = /[|｜]/;
/** How far (in lines) a short line may stand from a table and still be table text. */
const NEAR = 12;
const SHORT = 60;

/** A paragraph pasted as one long line keeps its headings inline ("…镇政府 一、基本工作情况 2012年…"): break before them. */
function splitInlineHeadings(line: string): string[] {
  if (line.length < 200) return [line];
  return line
    .split(
      /[ \t\u3000]+(?=[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)]|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日(?:[ \t\u3000]|$))|(?<=(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)[ \t\u3000]+/,
    )
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function classify(text: string): Line[] {
  // Markup a page's text was copied with (<a href=…>附件</a>) is no text of the report.
  const raw = text
    .replace(/\r\n?/g, '\n')
    .replace(/<\/?[a-zA-Z][^<>\n]*>/g, ' ')
    .split('\n');
  const lines: Line[] = [];
  raw.forEach((r, i) => {
    const t = r.trim();
    const line = i + 1;
    if (t === '') {
      // An empty line between two "|" lines is a cell printed blank.
      const prev = raw[i - 1]?.trim();
      const next = raw[i + 1]?.trim();
      if (prev !== undefined && next !== undefined && PIPE.test(prev) && /^[|｜]$/.test(next))
        lines.push({ kind: 'value', text: '', line });
      return;
    }
    if (/^[|｜\s]+$/.test(t)) {
      // Where every cell line ends in "|" (广州 附表: "申请总数 |"), a line of "|" alone is a blank cell;
      // where cells and "|" lines alternate, it only separates them.
      const prev = raw[i - 1]?.trim() ?? '';
      return lines.push(
        PIPE.test(prev.slice(-1)) ? { kind: 'value', text: '', line } : { kind: 'separator', line },
      );
    }
    if (PIPE.test(t)) {
      const cells = t.split(PIPE).map((c) => c.trim());
      if (cells.at(-1) === '') cells.pop();
      if (cells.length > 1) return lines.push({ kind: 'row', cells, line });
      const cell = cells[0] ?? '';
      if (isValueText(cell)) return lines.push({ kind: 'value', text: cell, line });
      // A page's whole body on one line, ending in a stray "|" of the page's frame (海盐 2012).
      for (const part of splitInlineHeadings(cell)) lines.push({ kind: 'text', text: part, line });
      return;
    }
    if (isValueText(t)) return lines.push({ kind: 'value', text: t, line });
    for (const part of splitInlineHeadings(t)) lines.push({ kind: 'text', text: part, line });
  });
  return lines;
}

const isShort = (t: string) => t.length <= SHORT && !t.includes('。');

/** Splits pasted text into paragraphs and table rows, in reading order. */
export function textBlocks(text: string): SourceBlock[] {
  const lines = classify(text);
  const tabular = lines.map((l) => l.kind !== 'text');
  const near = (i: number, step: 1 | -1) => {
    for (let j = i + step, n = 0; j >= 0 && j < lines.length && n < NEAR; j += step, n++) {
      if (tabular[j]) return true;
      const l = lines[j]!;
      if (l.kind === 'text' && !isShort(l.text)) return false;
    }
    return false;
  };

  const blocks: SourceBlock[] = [];
  let pending: { text: string; line: number }[] = [];
  let run: SourceValue[] = [];
  let runLine = 0;
  const table = 1;
  const flush = () => {
    if (run.length === 0) return;
    const labels = pending.slice(-3);
    const row: SourceRow = {
      kind: 'row',
      table,
      labels: labels.map((l) => l.text),
      values: run,
      origin: { kind: 'paragraph', index: labels[0]?.line ?? runLine },
    };
    blocks.push(row);
    pending = [];
    run = [];
  };
  const valueAt = (text: string, line: number): SourceValue => ({
    text,
    headers: [],
    origin: { kind: 'paragraph', index: line },
  });

  lines.forEach((l, i) => {
    if (l.kind === 'separator') return;
    if (l.kind === 'value') {
      if (run.length === 0) runLine = l.line;
      run.push(valueAt(l.text, l.line));
      return;
    }
    if (l.kind === 'row') {
      flush();
      const labels = l.cells.filter((c) => !isValueText(c));
      const values = l.cells.filter((c) => isValueText(c)).map((c) => valueAt(c, l.line));
      if (values.length === 0) {
        pending.push(...labels.map((text) => ({ text, line: l.line })));
        return;
      }
      blocks.push({
        kind: 'row',
        table,
        labels: [...pending.slice(-2).map((p) => p.text), ...labels],
        values,
        origin: { kind: 'paragraph', index: l.line },
      });
      pending = [];
      return;
    }
    flush();
    const furniture = isShort(l.text) && (near(i, 1) || near(i, -1));
    if (furniture) pending.push({ text: l.text, line: l.line });
    else pending = [];
    blocks.push({ kind: 'paragraph', text: l.text, origin: { kind: 'paragraph', index: l.line }, furniture });
  });
  flush();
  return blocks;
}
