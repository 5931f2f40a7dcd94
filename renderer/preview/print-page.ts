import type { Orientation } from './document';
import { PAGE, PX_PER_MM, contentHeight, linePitch, textArea } from './page';

/**
 * - `a4`: the Word file's layout on A4.
 * - `a3`: the same pages on A3, everything (type, line pitch, margins, page numbers) ×√2: the
 *   same page breaks, bigger, as a photocopier's A4→A3 enlargement would give.
 * - `a4-enlarged`: for a noticeboard without an A3 printer: A4 with the standard margins and the
 *   A3 type sizes (×141 %: body 22.6 pt on a 39.6 pt line, title 31 pt, tables ×1.41), reflowed
 *   without the 28-character grid, so about 19 characters a line and 16 lines a page; more pages.
 */
export type PrintSize = 'a4' | 'a3' | 'a4-enlarged';

/** Enlargement of the page and of the type (line pitch included) per size, as print.css and document.css set them. */
const SCALE: Record<PrintSize, { page: number; type: number }> = {
  a4: { page: 1, type: 1 },
  a3: { page: 1.41421, type: 1.41421 },
  'a4-enlarged': { page: 1, type: 1.41421 },
};

/** Where the text of a printed page runs, in CSS pixels, as print.css reads it (--print-*-<orientation>). */
export interface PrintBox {
  /** @page top and bottom margins: whole pixels, which Chromium keeps as given. */
  marginTop: number;
  marginBottom: number;
  /** The rest, as padding on every page's fragment of the run (box-decoration-break: clone). */
  padTop: number;
  padBottom: number;
  /** How far the bottom margin box starts below where the GB/T 9704 margin would start it, so the page number keeps its place. */
  numberShift: number;
}

/**
 * The text of a printed page on the whole lines of the grid, centred in the 版心, to the
 * hundredth of a point where LibreOffice sets it (page.ts textArea). Chromium rounds each @page
 * margin to a whole pixel and the sheet's height too (A4's 1122.5 px to 1123), which would move
 * the text by up to half a pixel at top and bottom and let a page hold a row LibreOffice carries
 * over: the margins are whole pixels here, and the fractions go to the run's padding instead.
 */
export function printBox(size: PrintSize, orientation: Orientation, lineSpacing: 28 | 29): PrintBox {
  const { page, type } = SCALE[size];
  const p = PAGE[orientation];
  const { inset } = textArea(contentHeight(p) * page, linePitch(lineSpacing) * type);
  const sheet = p.height * page * PX_PER_MM;
  const top = (p.top * page + inset) * PX_PER_MM;
  const bottomEdge = sheet - (p.bottom * page + inset) * PX_PER_MM;
  const marginTop = Math.floor(top);
  const marginBottom = Math.floor(Math.round(sheet) - bottomEdge);
  return {
    marginTop,
    marginBottom,
    padTop: top - marginTop,
    padBottom: Math.round(sheet) - marginBottom - bottomEdge,
    numberShift: marginBottom - p.bottom * page * PX_PER_MM,
  };
}

export const ORIENTATIONS: readonly Orientation[] = ['portrait', 'landscape'];

/** The custom properties print.css reads for a page of this orientation. */
export function printBoxProperties(box: PrintBox, orientation: Orientation): [string, string][] {
  return [
    [`--print-top-${orientation}`, `${box.marginTop}px`],
    [`--print-bottom-${orientation}`, `${box.marginBottom}px`],
    [`--print-pad-top-${orientation}`, `${box.padTop}px`],
    [`--print-pad-bottom-${orientation}`, `${box.padBottom}px`],
    [`--print-number-shift-${orientation}`, `${box.numberShift}px`],
  ];
}
