import { parseNumberInput } from '../../shared/report/numbers';

const momentFormats = new Map<string, Intl.DateTimeFormat>();

function momentFormat(language: string): Intl.DateTimeFormat {
  let format = momentFormats.get(language);
  if (!format)
    momentFormats.set(
      language,
      (format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' })),
    );
  return format;
}

/** A moment as the clerk reads it, in the UI language: 2025年1月20日 14:30. */
export function formatMoment(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return momentFormat(language).format(date);
}

/**
 * Makes `language`'s date format ahead of its first use: the first date format in a page loads
 * the browser's locale data, which took 40–300 ms in a fresh page on the two-core test machine.
 */
export function prepareMomentFormat(language: string): void {
  momentFormat(language);
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
