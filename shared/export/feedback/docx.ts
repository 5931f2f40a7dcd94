import { AlignmentType, Document, LineRuleType, Packer, Paragraph } from 'docx';
import type { FeedbackItem, Translate } from '../../county/feedback';
import { chineseDate, chineseNumeral, stripIllegalXml } from '../../report/text';
import { FONT, fontTableXml, runProperties, textRun, type RunStyle } from '../docx/fonts';
import { section } from '../docx/page';
import { emptyLine, heading, proseParagraph, signatureBlock, type ProseLayout } from '../docx/prose';
import { stylesXml, STYLE } from '../docx/styles';
import { titleParagraphs } from '../docx/title';
import { SIZE } from '../layout/metrics';

export interface FeedbackLetter {
  /** The unit the letter goes to, as on the 名单. */
  unit: string;
  year: number;
  /** The file the findings are about, and the day it came. */
  fileName: string;
  receivedOn: string;
  items: FeedbackItem[];
  /** Who sends it: the county office, signed under the body. */
  issuer: string;
  /** 成文日期, yyyy-mm-dd. */
  issuedOn: string;
  /** By when the corrected report is wanted, yyyy-mm-dd; empty for no date. */
  dueBy: string;
}

const BODY: RunStyle = { font: FONT.body, size: SIZE.body };

/** The 主送 line: the unit's name and a full-width colon, flush left (GB/T 9704 §7.3.2). */
function addressee(text: string, layout: ProseLayout): Paragraph {
  return new Paragraph({
    style: STYLE.normal,
    alignment: AlignmentType.LEFT,
    spacing: { line: layout.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    run: runProperties(BODY),
    children: [textRun(text, BODY)],
  });
}

/**
 * 审核意见: the county's letter to one unit, in the 公文 layout of the report itself (the same
 * fonts, page, 22 lines, page numbers): title, 主送, what was checked, then each problem as a
 * numbered paragraph saying where it is, what the report says, what it should say and what to do,
 * and the county's signature and date. The sentences come from the zh-CN locale (`t`): the letter
 * is Chinese whatever the language of the screen. Pure: bytes out, no file system.
 */
export async function feedbackDocx(letter: FeedbackLetter, t: Translate): Promise<Uint8Array> {
  const layout: ProseLayout = { line: 560, boldHeadings: false };
  const title = t('county.doc.title', { unit: letter.unit, year: letter.year });
  const errors = letter.items.filter((i) => i.severity === 'error').length;
  const children = [
    ...titleParagraphs(title, '', layout.line),
    emptyLine(layout),
    addressee(t('county.doc.to', { unit: letter.unit }), layout),
    proseParagraph(
      t('county.doc.intro', {
        year: letter.year,
        file: letter.fileName,
        received: chineseDate(letter.receivedOn),
        count: letter.items.length,
        errors,
      }),
      layout,
    ),
  ];
  letter.items.forEach((item, i) => {
    const kind = t(item.severity === 'error' ? 'county.doc.kindError' : 'county.doc.kindWarning');
    children.push(heading(`（${chineseNumeral(i + 1)}）${item.rule}（${kind}）`, 2, layout));
    children.push(proseParagraph(t('county.doc.where', { place: item.where }), layout));
    if (item.says) children.push(proseParagraph(t('county.doc.says', { text: item.says }), layout));
    if (item.shouldSay)
      children.push(proseParagraph(t('county.doc.should', { text: item.shouldSay }), layout));
    children.push(proseParagraph(item.message, layout));
  });
  children.push(
    proseParagraph(
      letter.dueBy ? t('county.doc.closingDue', { due: chineseDate(letter.dueBy) }) : t('county.doc.closing'),
      layout,
    ),
  );
  children.push(...signatureBlock(letter.issuer, chineseDate(letter.issuedOn), layout));
  const doc = new Document({
    title: stripIllegalXml(title),
    creator: stripIllegalXml(letter.issuer),
    lastModifiedBy: stripIllegalXml(letter.issuer),
    evenAndOddHeaderAndFooters: true,
    sections: [section('portrait', children, { line: layout.line, draftMark: false })],
  });
  return Packer.pack(doc, 'uint8array', false, [
    { path: 'word/styles.xml', data: stylesXml(layout.line) },
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
}
