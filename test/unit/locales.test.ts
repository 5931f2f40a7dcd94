import { describe, expect, it } from 'vitest';
import { createI18n, resources } from '../../shared/i18n';

const zhCN = resources['zh-CN'].translation;
const zhTW = resources['zh-TW'].translation;
const en = resources.en.translation;

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
  it('resolves a key in every language', () => {
    expect(createI18n('en').t('draft.error.empty')).toMatch(/empty/);
    expect(createI18n('zh-TW').t('draft.error.empty')).toMatch(/檔案/);
  });
});
