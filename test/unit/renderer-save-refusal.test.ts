import { describe, expect, it } from 'vitest';
import { withStoredField } from '../../renderer/app/refused-field';
import { clerkFieldName } from '../../renderer/wizard/field-names';
import { createI18n } from '../../shared/i18n';
import { newDraft } from '../../shared/report/draft-io';
import { findTemplate } from '../../shared/report/templates';

const template = findTemplate('national-2021')!;
const stored = {
  ...newDraft({ template, year: 2026, unit: { name: '柳溪镇人民政府' }, id: 'refusal1' }),
  issuedOn: '2027-01-15',
  values: { 't2.penalty': 14 },
};

describe('a save the services refuse for one entry', () => {
  it('goes ahead with that entry as stored and every other change kept', () => {
    const typed = {
      ...stored,
      issuedOn: '70115-01-15',
      unit: { ...stored.unit, address: '柳溪镇人民路1号' },
      values: { 't2.penalty': 14, 't3.new.natural': 5 },
    };
    const around = withStoredField(typed, stored, 'issuedOn')!;
    expect(around.issuedOn).toBe('2027-01-15');
    expect(around.unit.address).toBe('柳溪镇人民路1号');
    expect(around.values).toEqual({ 't2.penalty': 14, 't3.new.natural': 5 });

    const cell = withStoredField(
      { ...typed, values: { 't2.penalty': 1.4, 't3.new.natural': 5 } },
      stored,
      'values.t2.penalty',
    )!;
    expect(cell.values).toEqual({ 't2.penalty': 14, 't3.new.natural': 5 });
    expect(withStoredField(typed, stored, 'values.t3.new.natural')!.values).toEqual({ 't2.penalty': 14 });
  });

  it('has nothing to retry when the refused entry is what is stored, or is not one entry', () => {
    expect(withStoredField(stored, stored, 'issuedOn')).toBeNull();
    expect(withStoredField(stored, stored, 'formatVersion')).toBeNull();
  });
});

describe('a refused entry named as the clerk knows it', () => {
  const t = createI18n('zh-CN').t;
  it('uses the wizard’s labels, not the draft’s property paths', () => {
    expect(clerkFieldName(t, template, stored, 'issuedOn')).toBe('成文日期');
    expect(clerkFieldName(t, template, stored, 'unit.name')).toBe('单位名称');
    expect(clerkFieldName(t, template, stored, 'values.t2.penalty')).toBe('行政处罚 本年处理决定数量');
    expect(clerkFieldName(t, template, stored, 'lists.active.categories.2.value')).toMatch(/第 3 行$/);
    expect(clerkFieldName(t, template, stored, 'prose.s5.problems')).toContain('存在的主要问题');
  });
});
