import { isBlankText, isValueText, type SourceBlock, type SourceRow, type SourceValue } from './source';

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
  | { kind: 'row'; cells: string[]; line: number; piped?: boolean }
  | { kind: 'separator'; line: number };

const PIPE = /[|｜]/;
const MARKDOWN_RULE = /^[|｜]?\s*:?-{3,}:?\s*(?:[|｜]\s*:?-{3,}:?\s*)*[|｜]?$/;
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

/**
 * A table row as a PDF viewer or a browser copies it: its cells apart by tabs or runs of spaces,
 * its numbers last ("规章      0      5      5", "21    0      0"). Several numbers are several
 * cells, never one number with spaces in it. Null for anything else: prose with a number in it
 * has no run of spaces before the number, and a number never stands before a label.
 */
function spacedCells(t: string): string[] | null {
  // A page's number as Word sets it ("- 2 -") is no row of three cells.
  if (/^[-－—–]\s*\d{1,3}\s*[-－—–]$/.test(t)) return null;
  const cells = t.split(/\t|[ \u3000]{2,}/).flatMap((part) => {
    const p = part.trim();
    if (!p) return [];
    const words = p.split(/\s+/);
    // A label a PDF set one space before its first number ("行政规范性文件 6").
    let head = words.length;
    while (head > 0 && isValueText(words[head - 1]!)) head--;
    const label = words.slice(0, head).join(' ');
    if (head === 0 || (head < words.length && label.length <= 25 && !/[。，；：,;:]/.test(label)))
      return [...(label ? [label] : []), ...words.slice(head)];
    return [p];
  });
  const first = cells.findIndex((c) => isValueText(c));
  if (cells.length < 2 || first < 0 || !cells.slice(first).every((c) => isValueText(c))) return null;
  return cells.slice(0, first).some((c) => /[。；;]/.test(c)) ? null : cells;
}

function classify(text: string): Line[] {
  // Markup a page's text was copied with (<a href=…>附件</a>) is no text of the report.
  const raw = text
    .replace(/\r\n?/g, '\n')
    .replace(/<\/?[a-zA-Z][^<>\n]*>/g, ' ')
    .split('\n');
  const lines: Line[] = [];
  const isNbsp = (r: string) => r.trim() === '' && r.includes('\u00A0');
  const neighbour = (i: number, step: 1 | -1) => {
    for (let j = i + step; j >= 0 && j < raw.length; j += step)
      if (raw[j]!.trim() !== '' || isNbsp(raw[j]!)) return raw[j]!;
    return undefined;
  };
  const amongValues = (i: number) =>
    [neighbour(i, -1), neighbour(i, 1)].some((n) => n !== undefined && (isNbsp(n) || isValueText(n.trim())));
  raw.forEach((r, i) => {
    // Text converted to Markdown (by a converter or an assistant) marks headings with "#" and
    // tables with "|" at both ends and a "|---|" line under the header.
    const t = r.trim().replace(/^#{1,6}\s+/, '');
    const line = i + 1;
    if (MARKDOWN_RULE.test(t)) return lines.push({ kind: 'separator', line });
    // A cell a page printed as &nbsp; is copied as a no-break space, several on one line with tabs
    // between where the cells held no paragraph: cells printed blank, when they stand among a
    // table's numbers. A lone one between paragraphs is only the page's spacing.
    if (isNbsp(r) && amongValues(i)) {
      for (const cell of r.split('\t'))
        if (cell.includes('\u00A0')) lines.push({ kind: 'value', text: '', line });
      return;
    }
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
      if (PIPE.test(t[0]!) && cells[0] === '') cells.shift();
      if (cells.length > 1) return lines.push({ kind: 'row', cells, line, piped: true });
      const cell = cells[0] ?? '';
      if (isValueText(cell)) return lines.push({ kind: 'value', text: cell, line });
      // A page's whole body on one line, ending in a stray "|" of the page's frame (海盐 2012).
      for (const part of splitInlineHeadings(cell)) lines.push({ kind: 'text', text: part, line });
      return;
    }
    const cells = spacedCells(t);
    if (cells) return lines.push({ kind: 'row', cells, line });
    if (isValueText(t)) return lines.push({ kind: 'value', text: t, line });
    for (const part of splitInlineHeadings(t)) lines.push({ kind: 'text', text: part, line });
  });
  return lines;
}

// A table's header line copied from a PDF keeps the page's spacing ("维持   纠正     结果"): its words count.
const isShort = (t: string) => t.replace(/\s+/g, '').length <= SHORT && !t.includes('。');

const HEADING =
  /^(?:[一二三四五六七八九十]{1,2}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}[.．、](?!\d))/;
const COLUMNS = /\S[ \u3000]{2,}\S/;
const SENTENCE_END = /[。！？；!?;]$/;

/** How wide a line prints: a CJK character takes two columns, as on the page it was copied from. */
const printedWidth = (t: string) => [...t].reduce((w, c) => w + (/[\u2E80-\uFFEF]/.test(c) ? 2 : 1), 0);

/**
 * Text copied from a PDF breaks every paragraph where the page's line ended. When most long lines
 * share one width, a line of about that width that ends mid-sentence runs on into the next line,
 * unless the next starts a heading. Lines set in columns (runs of spaces: a table's header) are
 * not prose and are left as they are.
 */
function joinWrappedLines(lines: Line[]): Line[] {
  const widths = new Map<number, number>();
  for (const l of lines) {
    const w = l.kind === 'text' ? printedWidth(l.text) : 0;
    if (w >= 40) widths.set(w, (widths.get(w) ?? 0) + 1);
  }
  const [width, count] = [...widths].reduce((a, b) => (b[1] > a[1] ? b : a), [0, 0]);
  const long = [...widths.values()].reduce((a, b) => a + b, 0);
  if (count < 5 || count < long / 5) return lines;
  const out: Line[] = [];
  for (const l of lines) {
    const prev = out.at(-1);
    if (
      prev?.kind === 'text' &&
      l.kind === 'text' &&
      printedWidth(prev.text) >= 0.85 * width &&
      !COLUMNS.test(prev.text) &&
      !COLUMNS.test(l.text) &&
      !SENTENCE_END.test(prev.text) &&
      !HEADING.test(l.text)
    )
      out[out.length - 1] = { ...prev, text: prev.text + l.text };
    else out.push(l);
  }
  return out;
}

/** Splits pasted text into paragraphs and table rows, in reading order. */
export function textBlocks(text: string): SourceBlock[] {
  const lines = joinWrappedLines(classify(text));
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
  let afterHeader = false;
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
      const underHeader = afterHeader;
      afterHeader = values.length === 0;
      if (values.length === 0) {
        pending.push(...labels.map((text) => ({ text, line: l.line })));
        return;
      }
      // Dashes under a header row ("| 商业企业 | 其他 |" then "| - | - |") fill a table with no
      // numbers: the header's words are not a row's label, and the dashes are no row's cells.
      if (underHeader && labels.length === 0 && values.every((v) => isBlankText(v.text))) {
        pending = [];
        return;
      }
      // A "|" row is read by its own cells alone: short lines above a "|" table are labels a
      // converter lifted out of its rows, as often of rows further down as of the one that follows.
      blocks.push({
        kind: 'row',
        table,
        labels: l.piped ? labels : [...pending.slice(-2).map((p) => p.text), ...labels],
        values,
        origin: { kind: 'paragraph', index: l.line },
      });
      pending = [];
      return;
    }
    flush();
    afterHeader = false;
    const furniture = isShort(l.text) && (near(i, 1) || near(i, -1));
    if (furniture) pending.push({ text: l.text, line: l.line });
    else pending = [];
    blocks.push({ kind: 'paragraph', text: l.text, origin: { kind: 'paragraph', index: l.line }, furniture });
  });
  flush();
  return blocks;
}
