import type { Orientation } from './document';

/** A page of the Word file in millimetres: the paper and its GB/T 9704 margins. */
export interface PageBox {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * A4 portrait with the 版心 of 156 × 225 mm, and A4 landscape as the exporter sets it: the
 * portrait sheet turned a quarter, so its top is the binding edge and the 版心 keeps its place.
 */
export const PAGE: Record<Orientation, PageBox> = {
  portrait: { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 },
  landscape: { width: 297, height: 210, top: 28, bottom: 26, left: 35, right: 37 },
};

/** Space between pages side by side in the preview. */
export const PAGE_GAP = 8;

/** CSS pixels per millimetre. */
export const PX_PER_MM = 96 / 25.4;

export const contentWidth = (p: PageBox) => p.width - p.left - p.right;
export const contentHeight = (p: PageBox) => p.height - p.top - p.bottom;

/**
 * Pages a run of the preview fills. The run's text flows through columns one 版心 wide and one
 * 版心 high, one column per page, a page's width apart; the flow's scroll width is therefore the
 * last column's right edge: (n − 1) × (page + gap) + 版心 width.
 */
export function pagesOf(scrollWidthPx: number, orientation: Orientation): number {
  const p = PAGE[orientation];
  const pitch = (p.width + PAGE_GAP) * PX_PER_MM;
  const extra = scrollWidthPx - contentWidth(p) * PX_PER_MM;
  return Math.max(1, 1 + Math.round(extra / pitch));
}

/** Width in millimetres of a run of n pages side by side. */
export const runWidth = (orientation: Orientation, pages: number) =>
  pages * PAGE[orientation].width + (pages - 1) * PAGE_GAP;

const MM_PER_PT = 25.4 / 72;

/** The body's line pitch in points: 28, or the “29 pt” of 公文 templates, 28.95 pt (579 twips) as the Word export sets it. */
export const linePitch = (lineSpacing: 28 | 29): number => (lineSpacing === 29 ? 28.95 : 28);

/**
 * The part of a 版心 `height` mm high that text fills, on a line grid of `pitchPt` points: whole
 * lines, centred. LibreOffice sets the body of a page with a document grid so (SwBodyFrame::Format):
 * at 28 pt the 225 mm 版心 takes 22 lines and 21.8 pt to spare, so the first line stands 10.9 pt
 * below the top margin, and a table, which is off the grid, runs only to 10.9 pt above the bottom
 * one. `inset` is the spare height above (and below) the text, in millimetres.
 */
export function textArea(height: number, pitchPt: number): { inset: number; height: number } {
  const pitch = pitchPt * MM_PER_PT;
  const used = Math.floor(height / pitch) * pitch;
  return { inset: (height - used) / 2, height: used };
}
