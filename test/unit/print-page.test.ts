import { describe, expect, it } from 'vitest';
import { PX_PER_MM } from '../../renderer/preview/page';
import { printBox } from '../../renderer/preview/print-page';

const PT_PER_PX = 0.75;
/** A4's 297 mm as Chromium sizes the sheet: a whole number of pixels. */
const A4_PX = Math.round(297 * PX_PER_MM);

/** Top and bottom of the printed text in points from the top of the sheet, as Chromium lays it out. */
function textSpan(box: ReturnType<typeof printBox>) {
  return {
    top: (box.marginTop + box.padTop) * PT_PER_PX,
    bottom: (A4_PX - box.marginBottom - box.padBottom) * PT_PER_PX,
  };
}

describe('the printed page holds the lines of the Word file’s grid, as LibreOffice sets them', () => {
  it('sets 22 lines of 28 pt centred in the 225 mm 版心: 10.9 pt below the 37 mm margin', () => {
    const { top, bottom } = textSpan(printBox('a4', 'portrait', 28));
    expect(top).toBeCloseTo(37 * (72 / 25.4) + 10.9, 1);
    expect(bottom - top).toBeCloseTo(22 * 28, 2);
  });

  it('sets 22 lines of the “29 pt” 28.95 pt pitch, which nearly fill the 版心', () => {
    const { top, bottom } = textSpan(printBox('a4', 'portrait', 29));
    expect(top).toBeCloseTo(37 * (72 / 25.4) + 0.45, 1);
    expect(bottom - top).toBeCloseTo(22 * 28.95, 2);
  });

  it('gives @page whole pixels, which Chromium would round, and the fractions to the padding', () => {
    for (const size of ['a4', 'a3', 'a4-enlarged'] as const)
      for (const orientation of ['portrait', 'landscape'] as const) {
        const box = printBox(size, orientation, 28);
        expect(Number.isInteger(box.marginTop) && Number.isInteger(box.marginBottom)).toBe(true);
        expect(box.padTop).toBeGreaterThanOrEqual(0);
        expect(box.padTop).toBeLessThan(1);
        expect(box.padBottom).toBeGreaterThanOrEqual(0);
        expect(box.padBottom).toBeLessThan(1);
      }
  });
});
