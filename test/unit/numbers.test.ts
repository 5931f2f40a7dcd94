import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n';
import { parseNumberInput } from '../../shared/report/numbers';

const count = { kind: 'count' } as const;
const wan = { kind: 'money', decimals: 4 } as const;

const value = (text: string, field: Parameters<typeof parseNumberInput>[1] = count) => {
  const r = parseNumberInput(text, field);
  return r.ok ? r.value : r.error.key;
};

describe('parseNumberInput', () => {
  it('reads digits as a Chinese IME types them', () => {
    expect(value('１２')).toBe(12);
    expect(value('１２３')).toBe(123);
    expect(value('1,234')).toBe(1234);
    expect(value('1，234')).toBe(1234);
    expect(value('１，２３４，５６７')).toBe(1234567);
    expect(value('\u3000 42 \u3000')).toBe(42);
    expect(value('0')).toBe(0);
    expect(value('3.0')).toBe(3);
  });

  it('reads money with its decimals, the full-width point included', () => {
    expect(value('０．５', wan)).toBe(0.5);
    expect(value('12.3456', wan)).toBe(12.3456);
    expect(value('1,234.5', wan)).toBe(1234.5);
    expect(value('.25', wan)).toBe(0.25);
  });

  it('leaves an empty field empty', () => {
    expect(value('')).toBeNull();
    expect(value('　 ')).toBeNull();
  });

  it('refuses what is not a count or an amount, with a message key', () => {
    expect(value('-3')).toBe('input.negative');
    expect(value('－3')).toBe('input.negative');
    expect(value('1.5')).toBe('input.countFraction');
    expect(value('12.34567', wan)).toBe('input.tooManyDecimals');
    expect(value('abc')).toBe('input.notNumber');
    expect(value('12abc')).toBe('input.notNumber');
    expect(value('12件')).toBe('input.notNumber');
    expect(value('十二')).toBe('input.notNumber');
    expect(value('12,34')).toBe('input.separator');
    expect(value('2000000000')).toBe('input.tooLarge');
  });

  it('tells the clerk what to do, in every language', () => {
    const r = parseNumberInput('1.5', count);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(createI18n('zh-CN').t(r.error.key, r.error.params)).toBe(
      '件数只能填写 0 或正整数，请删除小数点（“1.5”）。',
    );
    expect(createI18n('en').t(r.error.key, r.error.params)).toMatch(/remove the decimal point/);
    const money = parseNumberInput('0.123456', wan);
    if (money.ok) throw new Error('accepted too many decimals');
    expect(createI18n('zh-CN').t(money.error.key, money.error.params)).toMatch(/最多保留 4 位小数/);
  });
});
