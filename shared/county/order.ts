/**
 * Whether a report was saved after another. Times are compared as instants, since one machine
 * writes 16:30+08:00 where another writes 08:30Z; text that is not a time is compared as text.
 */
export function savedLater(a: string, b: string): boolean {
  const [at, bt] = [Date.parse(a), Date.parse(b)];
  return Number.isNaN(at) || Number.isNaN(bt) ? a > b : at > bt;
}
