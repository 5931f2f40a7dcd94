import {
  AlignmentType,
  DocumentGridType,
  Footer,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import { FONT, runProperties, textRun } from './fonts';
import { A4, MARGIN, SIZE, type Orientation } from '../layout/metrics';
import { STYLE } from './styles';

/**
 * The page number's line sits this far inside the bottom margin: its dash line then falls about
 * 7 mm below the 版心, as GB/T 9704 §7.5 wants (measured on the rendered PDF).
 */
const FOOTER_INSET = 580;
/** The 草稿 mark sits 15 mm from the top edge of a portrait page, as far above the 版心 on a landscape one. */
const HEADER_INSET = MARGIN.top - 851;

/**
 * A landscape page is the portrait sheet turned a quarter: its top is the binding edge, so the
 * table head faces the binding on odd pages (GB/T 9704 §8) and the 版心 keeps its place on the paper.
 */
const MARGINS: Record<Orientation, typeof MARGIN> = {
  portrait: MARGIN,
  landscape: { top: MARGIN.left, bottom: MARGIN.right, left: MARGIN.bottom, right: MARGIN.top },
};

/** "— 1 —" in 4号半角宋体, odd pages right with one character of space, even pages left with one. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const style = { font: FONT.pageNumber, size: SIZE.pageNumber };
  const oneChar = SIZE.pageNumber * 10;
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        run: runProperties(style),
        children: [new TextRun({ ...runProperties(style), children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

function draftMarkHeader(): Header {
  const style = { font: FONT.heading1, size: SIZE.body };
  return new Header({
    children: [
      new Paragraph({
        style: STYLE.header,
        alignment: AlignmentType.RIGHT,
        run: runProperties(style),
        children: [textRun('草稿', style)],
      }),
    ],
  });
}

export interface PageOptions {
  /** Body line pitch in twips (560 or 579): the document grid's line pitch. */
  line: number;
  draftMark: boolean;
}

/** One section of the document: its pages, margins, grid, page numbers and optional 草稿 mark. */
export function section(
  orientation: Orientation,
  children: FileChild[],
  options: PageOptions,
): ISectionOptions {
  const margin = MARGINS[orientation];
  return {
    properties: {
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          ...margin,
          header: margin.top - HEADER_INSET,
          footer: margin.bottom - FOOTER_INSET,
          gutter: 0,
        },
      },
      // 22 lines a page (GB/T 9704 §5.2.2). The character pitch is the 3号 em itself: a negative
      // charSpace makes LibreOffice give every character two cells, so the 28 characters a line come
      // from the runs' tracking instead (see fonts.ts).
      grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: options.line },
    },
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    ...(options.draftMark ? { headers: { default: draftMarkHeader(), even: draftMarkHeader() } } : {}),
    children,
  };
}
