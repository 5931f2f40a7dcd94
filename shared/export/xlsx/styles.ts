import type { Borders, Fill, Font } from 'exceljs';
import type { FieldDef } from '../../report/template';

/** 宋体 is what Chinese statistical forms are set in; WPS and Excel on Windows and UOS both have it. */
export const FONT_NAME = '宋体';

export const font = (size: number, bold = false): Partial<Font> => ({ name: FONT_NAME, size, bold });

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const GRID_BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Computed totals read as totals: a light grey, which still prints clearly in black and white. */
export const TOTAL_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };

/**
 * Counts print as whole numbers; money as the Word file prints it (formatValue): the decimals it
 * has, no trailing zeros, so 0 reads 0 and 12.5 万元 reads 12.5 in both. Excel's General format
 * does exactly that for numbers of this size, which no 0.00-style pattern can.
 */
export function numberFormat(field: FieldDef): string {
  return field.kind === 'count' ? '0' : 'General';
}
