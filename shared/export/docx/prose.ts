import { AlignmentType, LineRuleType, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { paragraphs } from '../../report/text';
import { FONT, runProperties, textRun, type RunStyle } from './fonts';
import { subHeading, type Level } from '../layout/lines';
import { CHAR, SIZE, emWidth } from '../layout/metrics';
import { STYLE } from './styles';

/** Defined with the other line rules, free of `docx`, for the print preview; re-exported where the exporter uses it. */
export { subHeading } from '../layout/lines';

export interface ProseLayout {
  /** Exact line pitch in twips: 560 (28 pt) or 579 (the “29 pt” of 公文 templates, 28.95 pt). */
  line: number;
  /** Some counties want level-2 and level-3 headings bold; GB/T 9704 prescribes none. */
  boldHeadings: boolean;
}

const BODY: RunStyle = { font: FONT.body, size: SIZE.body };

/** Heading faces of GB/T 9704 §7.3.3: 一、黑体, （一）楷体, 1. and （1）仿宋. */
function headingStyle(level: Level, layout: ProseLayout): RunStyle {
  const font = level === 1 ? FONT.heading1 : level === 2 ? FONT.heading2 : FONT.body;
  return { font, size: SIZE.body, bold: layout.boldHeadings && (level === 2 || level === 3) };
}

const HEADING_STYLE: Record<Level, string> = {
  1: STYLE.heading1,
  2: STYLE.heading2,
  3: STYLE.heading3,
  4: STYLE.heading4,
};

/** A body line: 3号仿宋, exact line pitch, justified, first line indented two characters. */
function bodyLine(
  runs: TextRun[],
  layout: ProseLayout,
  opts: { style?: string; keepNext?: boolean; mark?: RunStyle } = {},
) {
  return new Paragraph({
    style: opts.style ?? STYLE.normal,
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: layout.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { firstLine: 2 * CHAR, firstLineChars: 200 },
    ...(opts.keepNext ? { keepNext: true } : {}),
    run: runProperties(opts.mark ?? BODY),
    children: runs,
  });
}

export function emptyLine(layout: ProseLayout, keepNext = false): Paragraph {
  return bodyLine([], layout, { keepNext });
}

/** "附件1" over an attachment: 3号黑体, flush left on the first line of a new page (GB/T 9704 §7.3.7). */
export function attachmentLabel(text: string, layout: ProseLayout, pageBreakBefore: boolean): Paragraph {
  const style: RunStyle = { font: FONT.heading1, size: SIZE.body };
  return new Paragraph({
    style: STYLE.normal,
    alignment: AlignmentType.LEFT,
    spacing: { line: layout.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    keepNext: true,
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
    run: runProperties(style),
    children: [textRun(text, style)],
  });
}

/** A section heading such as 一、总体情况. */
export function heading(text: string, level: Level, layout: ProseLayout): Paragraph {
  const style = headingStyle(level, layout);
  return bodyLine([textRun(text, style)], layout, {
    style: HEADING_STYLE[level],
    keepNext: true,
    mark: style,
  });
}

/** One paragraph of prose: body text, a sub-heading line, or a run-in heading followed by body text. */
export function proseParagraph(text: string, layout: ProseLayout, keepNext = false): Paragraph {
  const sub = subHeading(text);
  if (!sub) return bodyLine([textRun(text, BODY)], layout, { keepNext });
  const style = headingStyle(sub.level, layout);
  if (!sub.rest)
    return bodyLine([textRun(sub.head, style)], layout, {
      style: HEADING_STYLE[sub.level],
      keepNext: true,
      mark: style,
    });
  return bodyLine([textRun(sub.head, style), textRun(sub.rest, BODY)], layout, { keepNext });
}

/**
 * A prose slot as printed: its sub-heading as printedSubHeadings numbers it (none for an empty
 * slot), then the clerk's paragraphs. The last slot of the body keeps its last paragraph with the
 * signature that follows, so 署名 and 成文日期 never stand alone on a page (GB/T 9704 §7.3.5.4).
 */
export function slotParagraphs(
  subHeading: string | undefined,
  text: string | undefined,
  layout: ProseLayout,
  endsBody = false,
): Paragraph[] {
  const lines = paragraphs(text);
  const body = lines.map((p, i) => proseParagraph(p, layout, endsBody && i === lines.length - 1));
  return subHeading ? [heading(subHeading, 2, layout), ...body] : body;
}

/**
 * 附件说明 (GB/T 9704 §7.3.4): "附件：" two characters in, the names numbered when there are
 * several, each name starting at one tab stop so wrapped lines align with its first character.
 */
export function attachmentNote(titles: string[], layout: ProseLayout): Paragraph[] {
  const label = '附件：';
  const numbered = titles.length > 1;
  const start = 2 * CHAR + emWidth(label) * CHAR;
  const nameAt = start + (numbered ? 1.5 * CHAR : 0);
  return titles.map((title, i) => {
    const first = i === 0;
    const lead = `${first ? label : ''}${numbered ? `${i + 1}.` : ''}`;
    const leadStart = first ? 2 * CHAR : start;
    return new Paragraph({
      style: STYLE.normal,
      alignment: AlignmentType.JUSTIFIED,
      spacing: { line: layout.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      indent: { left: nameAt, hanging: nameAt - leadStart },
      keepNext: true,
      tabStops: [{ type: TabStopType.LEFT, position: nameAt }],
      run: runProperties(BODY),
      children: numbered
        ? [
            textRun(lead, BODY),
            new TextRun({ ...runProperties(BODY), children: [new Tab()] }),
            textRun(title, BODY),
          ]
        : [textRun(`${lead}${title}`, BODY)],
    });
  });
}

/**
 * 署名 and 成文日期 of a document that will be stamped (GB/T 9704 §7.3.5.1): the date four
 * characters in from the right, the unit name centred over it. Two empty lines above leave room
 * for the upper half of the seal. Without a date the name alone keeps the date's place.
 */
export function signatureBlock(signature: string, date: string, layout: ProseLayout): Paragraph[] {
  const right = (text: string, indent: number, keepNext: boolean) =>
    new Paragraph({
      style: STYLE.normal,
      alignment: AlignmentType.RIGHT,
      spacing: { line: layout.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      indent: { right: Math.max(0, Math.round(indent)) },
      keepNext,
      run: runProperties(BODY),
      children: [textRun(text, BODY)],
    });
  const dateIndent = 4 * CHAR;
  const centred = date ? dateIndent + ((emWidth(date) - emWidth(signature)) / 2) * CHAR : dateIndent;
  return [
    emptyLine(layout, true),
    emptyLine(layout, true),
    ...(signature ? [right(signature, centred, Boolean(date))] : []),
    ...(date ? [right(date, dateIndent, false)] : []),
  ];
}
