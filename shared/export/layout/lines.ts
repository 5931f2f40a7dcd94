/**
 * Where lines break and what a typed line is: the text rules of the 公文 layout (GB/T 9704), free of the
 * `docx` library so the print preview can use the very same functions.
 */
import { SIZE, TEXT_WIDTH, emWidth } from './metrics';

export type Level = 1 | 2 | 3 | 4;

const MARKERS: { level: Level; pattern: RegExp }[] = [
  { level: 2, pattern: /^[（(][一二三四五六七八九十]{1,3}[）)]/ },
  { level: 4, pattern: /^[（(][0-9０-９]{1,2}[）)]/ },
  // "1.5万元" opens with a number, not a marker.
  { level: 3, pattern: /^[0-9０-９]{1,2}[.．、](?![0-9０-９])/ },
];

/** A heading line has no full stop and stays short; a run-in heading ends at its first 。 within this length. */
const HEADING_LINE_MAX = 40;
const RUN_IN_HEADING_MAX = 30;

export interface SubHeading {
  level: Level;
  /** The heading text: the whole line, or a run-in heading up to and including its first 。 */
  head: string;
  /** The body text that follows a run-in heading. */
  rest: string;
}

/**
 * Recognises a sub-heading the clerk typed: （一）… is level 2, 1.… level 3, （1）… level 4. Only a
 * short, heading-like paragraph counts: a line without 。, or a run-in heading such as
 * "（一）加强组织领导。" that opens a paragraph (GB/T 9704 sets it in the heading face and the rest
 * in the body face). A long sentence that merely begins with a number stays body text.
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

/**
 * 20 characters of 2号 (22 pt) fill the 156 mm 版心 exactly; a title of 20 breaks anyway, because
 * the stand-in faces set digits a little wider than half an em.
 */
export const TITLE_EMS = Math.floor(TEXT_WIDTH.portrait / (SIZE.title * 10)) - 1;

/** Places where a title line may break without splitting a word: after a unit or a year, before a phrase. */
const BREAKS = [
  /(?<=人民政府|委员会|办公室|办事处|街道|[镇乡局区县市])(?!人民|委员|办公|办事|街道)/g,
  /(?<=年度|年(?!度)|工作)/g,
  /(?=关于|政府信息公开|年度报告)/g,
];

/**
 * Splits a title into lines that each fit the 版心, breaking only at whole words (GB/T 9704
 * §7.2.3): first after the unit name, then, for a line still too long, at the word end nearest
 * its middle. Centred, the lines form the trapezoid or diamond the standard asks for.
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
  const breaks = new Set(BREAKS.flatMap((re) => [...line.matchAll(re)].map((m) => m.index)));
  const fitting = [...breaks]
    .filter((b) => b > 0 && b < line.length && emWidth(line.slice(0, b)) <= maxEms)
    .sort((a, b) => a - b);
  // A run of characters without any word end is cut where the line is full.
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

/** Punctuation that may not open a line, and brackets that may not close one. */
const NO_LINE_START = '，。、；：？！）》」』”’〕】';
const NO_LINE_END = '（《「『“‘〔【';

/**
 * Centred cell text broken into lines of even length, so a narrow header reads 结果/维持 or
 * 社会/公益/组织 rather than 结果维/持. Only where the text does not fit one line; no line opens
 * with a comma or closing bracket, none ends with an opening bracket.
 */
export function balancedLines(text: string, maxEms: number): string[] {
  const total = emWidth(text);
  if (total <= maxEms || maxEms < 1) return [text];
  for (let count = Math.ceil(total / maxEms); ; count++) {
    const lines = splitEvenly([...text], count);
    if (lines.every((l) => emWidth(l) <= maxEms) || count >= [...text].length) return lines;
  }
}

function splitEvenly(chars: string[], count: number): string[] {
  const lines: string[][] = [];
  let i = 0;
  for (let n = 0; n < count && i < chars.length; n++) {
    const target = emWidth(chars.slice(i).join('')) / (count - n);
    const line = [chars[i++]!];
    let ems = emWidth(line[0]!);
    while (
      i < chars.length &&
      (ems + emWidth(chars[i]!) <= target + 0.25 || NO_LINE_START.includes(chars[i]!))
    ) {
      ems += emWidth(chars[i]!);
      line.push(chars[i++]!);
    }
    while (line.length > 1 && i < chars.length && NO_LINE_END.includes(line.at(-1)!)) {
      line.pop();
      i--;
    }
    lines.push(line);
  }
  lines.at(-1)!.push(...chars.slice(i));
  return lines.map((l) => l.join(''));
}
