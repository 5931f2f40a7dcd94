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
