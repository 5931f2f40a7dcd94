import type { Worksheet } from 'exceljs';

export type Orientation = 'portrait' | 'landscape';

/** Margins in inches, as the sheet's page setup stores them. */
const MARGINS = { left: 0.5, right: 0.5, top: 0.5, bottom: 0.5, header: 0.25, footer: 0.25 };
const A4_INCHES = { portrait: { width: 8.27 }, landscape: { width: 11.69 } };
/** Excel's paper code for A4. */
const PAPER_A4 = 9;

/** The width a sheet's columns may fill on one A4 page, in points. */
export const printableWidthPt = (orientation: Orientation): number =>
  (A4_INCHES[orientation].width - MARGINS.left - MARGINS.right) * 72;

export interface PrintSetup {
  orientation: Orientation;
  /** Rows 1..titleRows repeat at the top of every printed page. */
  titleRows: number;
  draftMark: boolean;
}

/**
 * A4, one page wide and as many pages tall as needed, centred, the title and header rows repeated
 * on every page, and "第 n 页 共 m 页" below; a draft says 草稿 at the top of every page.
 */
export function applyPrintSetup(sheet: Worksheet, setup: PrintSetup): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: PAPER_A4,
    orientation: setup.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: MARGINS,
    ...(setup.titleRows > 0 ? { printTitlesRow: `1:${setup.titleRows}` } : {}),
  };
  sheet.headerFooter = {
    ...sheet.headerFooter,
    oddFooter: '&C第 &P 页 共 &N 页',
    ...(setup.draftMark ? { oddHeader: '&C&"宋体,Bold"&14草稿' } : {}),
  };
}
