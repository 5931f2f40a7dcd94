import type { FieldDef } from './template';

/**
 * A number as a clerk types it into a table cell. Clerks type with a Chinese IME, so full-width
 * digits (１２３), full-width separators (1，234), the full-width point (０．５) and the ideographic
 * space come in as often as ASCII. Anything that is not a plain non-negative number of the field's
 * kind is refused at the field with a message that says what to do (R5).
 */
export type NumberInputResult =
  | { ok: true; value: number | null }
  | { ok: false; error: { key: string; params: Record<string, string | number> } };

/** No township counts a billion of anything; such a figure is a slip of the keyboard. */
export const MAX_INPUT = 1e9;

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
/** Ends trimmed: ASCII and ideographic spaces, no-break spaces, tabs. */
const EDGE_SPACE = /^[\s\u3000\u00A0]+|[\s\u3000\u00A0]+$/g;
const MINUS = /^[-－−‐﹣]/;
const PLAIN = /^\d+(?:\.\d*)?$|^\.\d+$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

const refuse = (key: string, params: Record<string, string | number> = {}): NumberInputResult => ({
  ok: false,
  error: { key: `input.${key}`, params },
});

/** Full-width digits, comma and point to ASCII; everything else is left for the checks below. */
function toAscii(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[，﹐]/g, ',')
    .replace(/[．]/g, '.');
}

export function parseNumberInput(
  text: string,
  field: Pick<FieldDef, 'kind' | 'decimals'>,
): NumberInputResult {
  const typed = text.replace(EDGE_SPACE, '');
  if (typed === '') return { ok: true, value: null };
  const ascii = toAscii(typed);
  const unsigned = ascii.replace(MINUS, '');
  const looksNumeric = PLAIN.test(unsigned) || GROUPED.test(unsigned);

  if (unsigned !== ascii)
    return looksNumeric ? refuse('negative', { text: typed }) : refuse('notNumber', { text: typed });
  if (!looksNumeric) {
    // "12,34" is a number with a misplaced separator, not text: say which.
    if (/^[\d,]+(?:\.\d*)?$/.test(ascii)) return refuse('separator', { text: typed });
    return refuse('notNumber', { text: typed });
  }

  const [whole = '', fraction = ''] = ascii.replaceAll(',', '').split('.');
  const value = Number(`${whole || '0'}.${fraction || '0'}`);
  const significantDecimals = fraction.replace(/0+$/, '').length;
  if (field.kind === 'count' && significantDecimals > 0) return refuse('countFraction', { text: typed });
  const decimals = field.kind === 'money' ? (field.decimals ?? 2) : 0;
  if (significantDecimals > decimals) return refuse('tooManyDecimals', { text: typed, decimals });
  if (value > MAX_INPUT) return refuse('tooLarge', { text: typed, max: MAX_INPUT });
  return { ok: true, value };
}
