import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../shared/report/templates';
import { allSlots, fieldMap, resolveSections, titleOrderOf } from '../../shared/report/model';
import { computeValues } from '../../shared/report/totals';
import type { CellDef, TemplateDef } from '../../shared/report/template';

/** The grid a table's rows, spans included, must fill exactly: no hole, no overlap. */
function gridWidths(template: TemplateDef) {
  return template.tables.map((t) => {
    const taken: boolean[][] = [];
    t.rows.forEach((row, r) => {
      let c = 0;
      taken[r] ??= [];
      for (const cell of row.cells as CellDef[]) {
        while (taken[r]![c]) c++;
        for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++)
          for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
            taken[r + dr] ??= [];
            expect(taken[r + dr]![c + dc], `${t.id} row ${r} overlaps`).toBeFalsy();
            taken[r + dr]![c + dc] = true;
          }
        c += cell.colSpan ?? 1;
      }
    });
    return { id: t.id, widths: taken.map((row) => row.filter(Boolean).length), columns: t.columns.length };
  });
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it('has unique field ids, and every table cell, sum, rule and sentence names a known field', () => {
    const fields = fieldMap(template);
    expect(fields.size).toBe(template.fields.length);
    for (const t of template.tables)
      for (const row of t.rows)
        for (const c of row.cells) if ('field' in c) expect(fields.has(c.field), c.field).toBe(true);
    for (const f of template.fields) for (const p of f.sum ?? []) expect(fields.has(p), p).toBe(true);
    const sentenceText = JSON.stringify(template.sentences);
    for (const m of sentenceText.matchAll(/\{v:([^}]+)\}/g)) expect(fields.has(m[1]!), m[1]).toBe(true);
    for (const c of template.claims) expect(fields.has(c.field), c.field).toBe(true);
  });
  it('fills every table grid exactly', () => {
    for (const g of gridWidths(template)) expect(new Set(g.widths), g.id).toEqual(new Set([g.columns]));
  });
  it('numbers its sections from 一 without gaps in every variant', () => {
    for (const v of template.variants) {
      const heads = resolveSections(template, { variant: v.id }).map((s) => s.heading);
      heads.forEach((h, i) => expect(h.startsWith('一二三四五六七八九十'[i]! + '、')).toBe(true));
    }
  });
  it('opens every variant’s title with the unit and the year side by side, so a unit can turn them round', () => {
    for (const v of template.variants) expect(titleOrderOf(v.title), v.id).not.toBeNull();
  });
  it('has unique slot ids', () => {
    const ids = allSlots(template).map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('computes every total without a cycle', () => {
    expect(() => computeValues(template, { values: {}, lists: {} })).not.toThrow();
  });
});

describe('national-2021', () => {
  const t = TEMPLATES.find((x) => x.id === 'national-2021')!;
  it('prints the six section titles of 国办公开办函〔2021〕30号', () => {
    expect(resolveSections(t).map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });
  it('sums （七）总计 and the 总计 column', () => {
    const v = computeValues(t, {
      values: { 't3.open.natural': 3, 't3.deny.secret.natural': 1, 't3.open.business': 2 },
      lists: {},
    });
    expect(v.get('t3.total.natural')).toBe(4);
    expect(v.get('t3.open.total')).toBe(5);
    expect(v.get('t3.total.total')).toBe(6);
  });
});
