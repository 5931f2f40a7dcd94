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
 * Counts print as whole numbers. Money shows two decimals and up to the field's limit, so
 * 12.5 万元 reads 12.50 and 0.0125 万元 keeps all four digits (R5: only money has decimals).
 */
export function numberFormat(field: FieldDef): string {
  if (field.kind === 'count') return '0';
  const decimals = field.decimals ?? 2;
  if (decimals === 0) return '0';
  const fixed = Math.min(decimals, 2);
  return `0.${'0'.repeat(fixed)}${'#'.repeat(decimals - fixed)}`;
}
