/**
 * Shares of a total as reports print them ("占总体的比例为3%"). Plain rounding makes the printed
 * shares add to 98% or 101%, which readers notice; the largest-remainder (Hamilton) method hands
 * out the units lost to rounding down to the largest remainders, so they add to exactly 100%.
 * The 海盐 report did this: 2/69, 1/69, 27/69 … print as 3, 2, 39, 4, 2, 20, 30.
 */

/**
 * Each value's share of the total in percent, with 0 or 1 decimals, adding to exactly 100 (or
 * all 0 when the total is 0). Ties in the remainder go to the larger value, then the earlier
 * item, so the same numbers always print the same shares.
 */
export function largestRemainder(values: number[], decimals: 0 | 1): number[] {
  for (const v of values)
    if (!Number.isFinite(v) || v < 0)
      throw new RangeError(`largestRemainder: ${v} is not a non-negative number`);
  const total = values.reduce((a, b) => a + b, 0);
  if (total === 0) return values.map(() => 0);

  const scale = 10 ** decimals;
  const units = 100 * scale;
  // Remainders share the denominator `total`, so comparing numerators is exact for integer counts.
  const parts = values.map((v, index) => {
    const numerator = v * units;
    const floor = Math.floor(numerator / total);
    return { index, value: v, floor, remainder: numerator - floor * total };
  });
  let left = units - parts.reduce((a, p) => a + p.floor, 0);
  const order = [...parts].sort(
    (a, b) => b.remainder - a.remainder || b.value - a.value || a.index - b.index,
  );
  for (const p of order) {
    if (left <= 0) break;
    p.floor += 1;
    left -= 1;
  }
  return parts.map((p) => p.floor / scale);
}

/** A share as printed: 3 → "3", 12 with one decimal → "12.0" (one precision throughout a list). */
export function formatShare(share: number, decimals: 0 | 1): string {
  return share.toFixed(decimals);
}
