/**
 * Figures as clerks write them in prose: 12, １２, 1,234, 1，234, 3860余, 140多, 800余, 3万余,
 * 30余万, 1.5万, 约800, 十二. The checks compare such a figure with a table cell (R8), so a figure
 * reads as the range of table values it can honestly stand for.
 */

/** Full-width digits, point and percent sign to ASCII, one character for one, so offsets stay valid. */
export function normalizeDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19．％]/g, (c) => {
    if (c === '．') return '.';
    if (c === '％') return '%';
    return String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30);
  });
}

const PREFIX = '(?:约|大约|近|逾|超过)?';
const DIGITS = '(?:\\d{1,3}(?:[,，]\\d{3})+(?!\\d)|\\d+)(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+';
const SUFFIX = '(?:余|多)?(?:万|亿)?(?:余|多)?';

/**
 * A regular-expression source for one figure in normalized text (see normalizeDigits). It has no
 * capturing groups, so it can be embedded in a larger pattern such as a claim's.
 */
export const FIGURE_SOURCE = `${PREFIX}(?:${DIGITS})${SUFFIX}`;
const FIGURE_EXACT = new RegExp(`^(?:${FIGURE_SOURCE})$`);
const FIGURE_PARTS =
  /^(约|大约|近|逾|超过)?([\d,，.]+|[零〇一二两三四五六七八九十百千]+)(余|多)?(万|亿)?(余|多)?$/;

/** How far a written figure may be from the exact value it stands for. */
export interface Figure {
  /** The figure as written. */
  text: string;
  /** Its nominal value: 3万余 → 30000. */
  value: number;
  /** The exact values it can stand for, as [min, max] inclusive or [min, max) when `maxExclusive`. */
  min: number;
  max: number;
  maxExclusive: boolean;
  /** False for a plain figure, which must equal the table exactly. */
  approximate: boolean;
}

const CN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十二 → 12, 一百零五 → 105, 两千 → 2000; null when the characters do not form a number below 万. */
export function readChineseInteger(text: string): number | null {
  let total = 0;
  let digit: number | null = null;
  for (const c of text) {
    if (c in CN_DIGIT) {
      if (digit !== null && digit !== 0 && CN_DIGIT[c] !== 0) return null;
      digit = CN_DIGIT[c]!;
    } else if (c in CN_UNIT) {
      total += (digit ?? 1) * CN_UNIT[c]!;
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

function trailingZeros(n: number): number {
  if (n === 0) return 0;
  let k = 0;
  while (n % 10 === 0) {
    n /= 10;
    k++;
  }
  return k;
}

/**
 * Reads one figure written in prose, or null when the text is not one. The range follows the
 * wording: 余/多 and 逾/超过 mean "a little more than", up to the next step of the last written
 * digit (800余 → [800, 900), 3万余 → [30000, 40000), 3860余 → [3860, 3870)); 约/近 mean either
 * side of it; a figure in 万 or 亿 is a rounding (1.5万 → 15000 ± 500); a plain figure is exact.
 */
export function readFigure(written: string): Figure | null {
  const text = normalizeDigits(written);
  if (!FIGURE_EXACT.test(text)) return null;
  const m = FIGURE_PARTS.exec(text);
  if (!m) return null;
  const [, prefix, digits = '', more1, magnitude, more2] = m;
  if (more1 && more2) return null;

  let significand: number;
  let exponent = magnitude === '万' ? 4 : magnitude === '亿' ? 8 : 0;
  if (/^[\d,，.]+$/.test(digits)) {
    const [whole = '', fraction = ''] = digits.replace(/[,，]/g, '').split('.');
    significand = Number(whole + fraction);
    exponent -= fraction.length;
  } else {
    const n = readChineseInteger(digits);
    if (n === null) return null;
    significand = n;
  }
  const value = Math.round(significand * 10 ** exponent * 1e6) / 1e6;
  const step = 10 ** (exponent + trailingZeros(significand));

  if (more1 || more2 || prefix === '逾' || prefix === '超过')
    return { text: written, value, min: value, max: value + step, maxExclusive: true, approximate: true };
  if (prefix)
    return {
      text: written,
      value,
      min: value - step,
      max: value + step,
      maxExclusive: true,
      approximate: true,
    };
  if (magnitude)
    return {
      text: written,
      value,
      min: value - step / 2,
      max: value + step / 2,
      maxExclusive: false,
      approximate: true,
    };
  return { text: written, value, min: value, max: value, maxExclusive: false, approximate: false };
}

/** Whether a table value fits what the figure says. */
export function figureAllows(figure: Figure, value: number): boolean {
  const eps = 1e-9;
  if (value < figure.min - eps) return false;
  return figure.maxExclusive ? value < figure.max - eps : value <= figure.max + eps;
}
