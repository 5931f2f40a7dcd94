import { describe, expect, it } from 'vitest';
import zhCN from '../../shared/locales/zh-CN.json';
import zhTW from '../../shared/locales/zh-TW.json';
import en from '../../shared/locales/en.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
function placeholders(obj: object): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (o: object, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'object' && v !== null) walk(v as object, `${prefix}${k}.`);
      else out[`${prefix}${k}`] = [...String(v).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
    }
  };
  walk(obj, '');
  return out;
}

describe('locales', () => {
  it('zh-TW and en have exactly the keys of zh-CN', () => {
    const source = keys(zhCN).sort();
    expect(keys(zhTW).sort()).toEqual(source);
    expect(keys(en).sort()).toEqual(source);
  });
  it('every translation uses the same {{placeholders}} as zh-CN', () => {
    const source = placeholders(zhCN);
    expect(placeholders(zhTW)).toEqual(source);
    expect(placeholders(en)).toEqual(source);
  });
});
