import { describe, expect, it } from 'vitest';
import { formatShare, largestRemainder } from '../../shared/report/percent';

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 10) / 10;

describe('largestRemainder', () => {
  it('prints the 海盐 shares, which add to 100 where plain rounding gives 98', () => {
    const counts = [2, 1, 27, 3, 1, 14, 21];
    expect(counts.map((c) => Math.round((c / 69) * 100))).toEqual([3, 1, 39, 4, 1, 20, 30]);
    expect(largestRemainder(counts, 0)).toEqual([3, 2, 39, 4, 2, 20, 30]);
    expect(sum(largestRemainder(counts, 0))).toBe(100);
  });

  it('gives the 寮步 shares to one decimal, adding to 100.0 (寮步 printed 12% for 12.0%)', () => {
    const shares = largestRemainder([5079, 1481, 1227, 2444], 1);
    expect(shares).toEqual([49.6, 14.5, 12.0, 23.9]);
    expect(sum(shares)).toBe(100);
    expect(shares.map((s) => formatShare(s, 1))).toEqual(['49.6', '14.5', '12.0', '23.9']);
  });

  it('breaks ties by the larger value, then the earlier item, every time', () => {
    expect(largestRemainder([1, 1, 1], 0)).toEqual([34, 33, 33]);
    // 12.5 and 37.5 tie on the remainder: the larger value, 37.5, gets the unit although it comes later.
    expect(largestRemainder([1, 3, 4], 0)).toEqual([12, 38, 50]);
    expect(largestRemainder([1, 1, 1, 1, 1, 1], 1)).toEqual([16.7, 16.7, 16.7, 16.7, 16.6, 16.6]);
  });

  it('returns all zeros for an empty total, and 100 for a single item', () => {
    expect(largestRemainder([0, 0, 0], 0)).toEqual([0, 0, 0]);
    expect(largestRemainder([], 1)).toEqual([]);
    expect(largestRemainder([0, 7, 0], 1)).toEqual([0, 100, 0]);
  });

  it('adds to exactly 100 for many awkward lists', () => {
    for (let seed = 1; seed < 200; seed++) {
      const values = Array.from({ length: (seed % 9) + 2 }, (_, i) => (seed * (i + 7) * 7919) % 97);
      if (values.every((v) => v === 0)) continue;
      expect(sum(largestRemainder(values, 0))).toBe(100);
      expect(sum(largestRemainder(values, 1))).toBe(100);
    }
  });

  it('refuses negative values', () => {
    expect(() => largestRemainder([3, -1], 0)).toThrow(RangeError);
  });
});

describe('formatShare', () => {
  it('keeps one precision throughout a list', () => {
    expect(formatShare(3, 0)).toBe('3');
    expect(formatShare(12, 1)).toBe('12.0');
    expect(formatShare(49.6, 1)).toBe('49.6');
  });
});
