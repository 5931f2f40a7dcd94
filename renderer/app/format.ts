import { parseNumberInput } from '../../shared/report/numbers';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A moment as the clerk reads it, in local time: 2025年1月20日 14:30 in Chinese, 2025-01-20 14:30
 * in English. Written out by hand, not with Intl.DateTimeFormat: the first Intl date format in a
 * page loads the browser's locale data, 130 ms of the home page's first render on the test machine.
 */
export function formatMoment(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const [y, m, d] = [date.getFullYear(), date.getMonth() + 1, date.getDate()];
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return language.startsWith('zh') ? `${y}年${m}月${d}日 ${time}` : `${y}-${pad(m)}-${pad(d)} ${time}`;
}

/** The reporting year a new report is usually for: last year (reports are written in January to March). */
export function defaultReportYear(now = new Date()): number {
  return now.getFullYear() - 1;
}

/** The reporting years a draft may have (the bounds of shared/report/draft.ts). */
export const YEARS = { min: 2008, max: 2100 } as const;

/** A reporting year as typed (full-width digits too), or null when it is not one. */
export function parseYear(text: string): number | null {
  const parsed = parseNumberInput(text, { kind: 'count' });
  const year = parsed.ok ? parsed.value : null;
  return year !== null && year >= YEARS.min && year <= YEARS.max ? year : null;
}
