/**
 * The Word exporter's rules for sub-headings and title lines, without the `docx` library: the
 * exporter's own functions (shared/export/docx/prose.ts subHeading, title.ts titleLines) live in
 * modules that import `docx`, which has no sideEffects flag, so importing them would bundle all of
 * docx into the renderer. test/unit/preview-headings.test.ts holds these copies to the exporter's
 * results, so the preview cannot drift from the Word file.
 */

export type HeadingLevel = 1 | 2 | 3 | 4;

/** Width of text in ems of its type size: CJK and full-width characters one em, ASCII half. */
export function emWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x2000 ? 0.5 : 1;
  return width;
}

const MARKERS: { level: HeadingLevel; pattern: RegExp }[] = [
  { level: 2, pattern: /^[（(][一二三四五六七八九十]{1,3}[）)]/ },
  { level: 4, pattern: /^[（(][0-9０-９]{1,2}[）)]/ },
  // "1.5万元" opens with a number, not a marker.
  { level: 3, pattern: /^[0-9０-９]{1,2}[.．、](?![0-9０-９])/ },
];

const HEADING_LINE_MAX = 40;
const RUN_IN_HEADING_MAX = 30;

export interface SubHeading {
  level: HeadingLevel;
  head: string;
  rest: string;
}

/**
 * （一）… is level 2, 1.… level 3, （1）… level 4, when the paragraph is short and heading-like:
 * a line without 。, or a run-in heading such as "（一）加强组织领导。" opening a paragraph.
 */
export function subHeading(text: string): SubHeading | null {
  const marker = MARKERS.find((m) => m.pattern.test(text));
  if (!marker) return null;
  const stop = text.indexOf('。');
  if (stop < 0)
    return emWidth(text) <= HEADING_LINE_MAX ? { level: marker.level, head: text, rest: '' } : null;
  const head = text.slice(0, stop + 1);
  return emWidth(head) <= RUN_IN_HEADING_MAX
    ? { level: marker.level, head, rest: text.slice(stop + 1) }
    : null;
}

/** About 20 characters of 2号 (22 pt) fit the 156 mm 版心: floor(8845 twips / 440 twips). */
export const TITLE_EMS = 20;

const WORD_ENDS = [
  '人民政府',
  '委员会',
  '办公室',
  '办事处',
  '街道',
  '政府',
  '年',
  '信息公开',
  '工作',
  '镇',
  '乡',
  '局',
  '区',
  '县',
  '市',
];

/**
 * The title's lines, broken only at whole words (GB/T 9704 §7.2.3): first after the unit name,
 * then at the word end nearest the middle of a line still too long.
 */
export function titleLines(title: string, unitName: string, maxEms = TITLE_EMS): string[] {
  if (emWidth(title) <= maxEms) return [title];
  const unit = unitName.trim();
  const at = unit ? title.indexOf(unit) : -1;
  const pieces =
    at >= 0
      ? [title.slice(0, at + unit.length), title.slice(at + unit.length)].filter((p) => p.length > 0)
      : [title];
  return pieces.flatMap((p) => (pieces.length > 1 ? titleLines(p, '', maxEms) : splitAtWord(p, maxEms)));
}

function splitAtWord(line: string, maxEms: number): string[] {
  if (emWidth(line) <= maxEms) return [line];
  const middle = emWidth(line) / 2;
  const breaks = new Set<number>();
  for (const word of WORD_ENDS)
    for (let i = line.indexOf(word); i >= 0; i = line.indexOf(word, i + 1)) {
      const end = i + word.length;
      if (end > 0 && end < line.length) breaks.add(end);
    }
  const fitting = [...breaks].filter((b) => emWidth(line.slice(0, b)) <= maxEms);
  const cut = fitting.length
    ? fitting.reduce((best, b) =>
        Math.abs(emWidth(line.slice(0, b)) - middle) < Math.abs(emWidth(line.slice(0, best)) - middle)
          ? b
          : best,
      )
    : fullLine(line, maxEms);
  return [line.slice(0, cut), ...splitAtWord(line.slice(cut), maxEms)];
}

function fullLine(line: string, maxEms: number): number {
  let i = 0;
  let ems = 0;
  for (const ch of line) {
    ems += emWidth(ch);
    if (ems > maxEms) break;
    i += ch.length;
  }
  return Math.max(i, 1);
}
