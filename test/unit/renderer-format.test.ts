import { describe, expect, it } from 'vitest';
import { formatMoment } from '../../renderer/app/format';

describe('a moment as the clerk reads it', () => {
  // Local time, whatever the machine's zone: built from the local parts of the same instant.
  const at = new Date(2025, 0, 20, 14, 5).toISOString();

  it('reads 2025年1月20日 14:05 in Chinese and 2025-01-20 14:05 in English', () => {
    expect(formatMoment(at, 'zh-CN')).toBe('2025年1月20日 14:05');
    expect(formatMoment(at, 'zh-TW')).toBe('2025年1月20日 14:05');
    expect(formatMoment(at, 'en')).toBe('2025-01-20 14:05');
  });

  it('is empty for a time that is not one, rather than "Invalid Date"', () => {
    expect(formatMoment('yesterday', 'zh-CN')).toBe('');
  });
});
