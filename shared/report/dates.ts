/**
 * 成文日期 as a clerk types it. The browser's date input follows the computer's locale (a
 * mm/dd/yyyy field read 20270115 as the year 70115), so the date is plain text read here in every
 * way a Chinese clerk writes one: 2027-1-15, 2027.1.15, 2027/1/15, 2027年1月15日, 20270115, with
 * full-width digits from the IME as well. A day that does not exist (2月30日) is refused, never
 * rolled over into the next month.
 */
export type DateInputResult =
  { ok: true; iso: string } | { ok: false; key: string; params: Record<string, string | number> };

/** The years a 成文日期 can sensibly fall in: a slip of the keyboard (0202, 20270) lands outside. */
export const DATE_YEARS = { min: 2000, max: 2100 } as const;

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
const EDGE_SPACE = /^[\s\u3000\u00A0]+|[\s\u3000\u00A0]+$/g;

const SEPARATED = /^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function toAscii(text: string): string {
  return text
    .replace(EDGE_SPACE, '')
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[－—–‐﹣]/g, '-')
    .replace(/[．。]/g, '.')
    .replace(/[／]/g, '/');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

export function parseChineseDate(text: string): DateInputResult {
  const typed = text.replace(EDGE_SPACE, '');
  const ascii = toAscii(typed);
  const m = SEPARATED.exec(ascii) ?? CHINESE.exec(ascii) ?? COMPACT.exec(ascii);
  if (!m) return { ok: false, key: 'input.date.notDate', params: { text: typed } };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < DATE_YEARS.min || year > DATE_YEARS.max)
    return { ok: false, key: 'input.date.year', params: { text: typed, ...DATE_YEARS } };
  if (month < 1 || month > 12) return { ok: false, key: 'input.date.month', params: { text: typed, month } };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days)
    return { ok: false, key: 'input.date.noSuchDay', params: { text: typed, month, day, days } };
  return { ok: true, iso: `${year}-${pad(month)}-${pad(day)}` };
}

/** yyyy-mm-dd naming a day that exists (2026-02-30 and 2026-13-45 do not). */
export function isRealIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
