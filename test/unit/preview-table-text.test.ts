import { describe, expect, it } from 'vitest';
import type { TableDef } from '../../shared/report/template';
import { guangzhou2010 } from '../../shared/report/templates/guangzhou-2010';
import { national2021 } from '../../shared/report/templates/national-2021';
import { centredLines, spanTwips, tableScale } from '../../renderer/preview/table-text';

const table = (id: string): TableDef => national2021.tables.find((t) => t.id === id)!;

describe('table text in the print view, as the Word file sets it', () => {
  it('takes column widths from the 156 mm 版心 in twips, as the exporter does', () => {
    const t3 = table('t3');
    expect(spanTwips(t3, 'portrait', 0, t3.columns.length)).toBeCloseTo(8845, 6);
    // 三、本年度办理结果's column: 7 % of the line.
    expect(spanTwips(t3, 'portrait', 0, 1)).toBeCloseTo(619.15, 1);
  });

  it('breaks a narrow header of table 四 into even halves: 结果/维持, 尚未/审结', () => {
    const t4 = table('t4');
    expect(centredLines(t4, 'portrait', { col: 0, colSpan: 1 }, '结果维持')).toEqual(['结果', '维持']);
    expect(centredLines(t4, 'portrait', { col: 3, colSpan: 1 }, '尚未审结')).toEqual(['尚未', '审结']);
    // A header spanning five columns has room for all of it.
    expect(centredLines(t4, 'portrait', { col: 5, colSpan: 5 }, '未经复议直接起诉')).toEqual([
      '未经复议直接起诉',
    ]);
  });

  it('enlarges table 四 on the enlarged A4 only as far as its headers keep two characters a line', () => {
    const t4 = table('t4');
    const scale = tableScale(t4, 'portrait', 1.2);
    expect(scale).toBeGreaterThan(1);
    expect(scale).toBeLessThan(1.2);
    expect(centredLines(t4, 'portrait', { col: 0, colSpan: 1 }, '结果维持', scale)).toEqual(['结果', '维持']);
    // At the full 120 % the same header would stack a character a line.
    expect(centredLines(t4, 'portrait', { col: 0, colSpan: 1 }, '结果维持', 1.2)).toHaveLength(4);
  });

  it('enlarges tables with room to spare by the full amount', () => {
    for (const t of [table('t2'), ...guangzhou2010.tables])
      expect(tableScale(t, t.orientation ?? 'portrait', 1.2), t.id).toBe(1.2);
  });
});
