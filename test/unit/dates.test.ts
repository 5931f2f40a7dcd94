import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n';
import { isRealIsoDate, parseChineseDate } from '../../shared/report/dates';

const read = (text: string) => {
  const r = parseChineseDate(text);
  return r.ok ? r.iso : r.key;
};

describe('parseChineseDate', () => {
  it('reads every way a clerk writes 2027年1月15日', () => {
    for (const text of [
      '2027-1-15',
      '2027.1.15',
      '2027/1/15',
      '2027年1月15日',
      '2027年1月15',
      '20270115',
      '2027-01-15',
      ' 2027 年 1 月 15 日 ',
      '２０２７年１月１５日',
      '２０２７．１．１５',
      '２０２７０１１５',
      '2027／1／15',
    ])
      expect(read(text), text).toBe('2027-01-15');
  });

  it('refuses days that do not exist instead of rolling them over', () => {
    expect(read('2027年2月30日')).toBe('input.date.noSuchDay');
    expect(read('2027-2-29')).toBe('input.date.noSuchDay');
    expect(read('2028-2-29')).toBe('2028-02-29');
    expect(read('2027-4-31')).toBe('input.date.noSuchDay');
    expect(read('2027-13-1')).toBe('input.date.month');
    expect(read('2027-0-1')).toBe('input.date.month');
    expect(read('20271301')).toBe('input.date.month');
  });

  it('refuses what is not a date, and years a slip of the keyboard makes', () => {
    expect(read('01/15/2027')).toBe('input.date.notDate');
    expect(read('70115-01-15')).toBe('input.date.notDate');
    expect(read('2027年1月')).toBe('input.date.notDate');
    expect(read('明年一月')).toBe('input.date.notDate');
    expect(read('')).toBe('input.date.notDate');
    expect(read('0202-1-15')).toBe('input.date.year');
  });

  it('says in the clerk’s words what is wrong', () => {
    const i18n = createI18n('zh-CN');
    const r = parseChineseDate('2027年2月30日');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(i18n.t(r.key, r.params)).toContain('2月只有28天');
  });
});

describe('isRealIsoDate', () => {
  it('accepts real days only', () => {
    expect(isRealIsoDate('2026-01-20')).toBe(true);
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    expect(isRealIsoDate('2026-02-30')).toBe(false);
    expect(isRealIsoDate('2026-13-45')).toBe(false);
    expect(isRealIsoDate('2026-1-20')).toBe(false);
    expect(isRealIsoDate('')).toBe(false);
  });
});
