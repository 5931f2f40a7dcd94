import { describe, expect, it } from 'vitest';
import { national2021 } from '../../shared/report/templates/national-2021';
import { gridLayout } from '../../renderer/grid/geometry';
import { pagesOf } from '../../renderer/preview/page';
import { adjustBreaks, sliceRows, type RowBox } from '../../renderer/preview/table-slice';

const t3 = gridLayout(
  national2021,
  national2021.tables.find((t) => t.id === 't3')!,
);
const describeRow = (row: ReturnType<typeof sliceRows>[number]) =>
  row.cells.map((c) => `${c.continued ? '↓' : ''}${c.cell.text || c.cell.field!.id}/${c.rowSpan}`);

describe('slicing a table at a page break', () => {
  it('carries merged cells into the next page as empty continuations and cuts them at the break', () => {
    // Table 三 breaks before the row 5.要求行政机关确认或重新出具已获取信息 (row 22 of the grid).
    const before = sliceRows(t3, 3, 22);
    const after = sliceRows(t3, 22, t3.rowCount);
    // 三、本年度办理结果 starts at row 5 and spans 22 rows: cut to the rows before the break …
    expect(describeRow(before[2]!)[0]).toBe('三、本年度办理结果/17');
    // … and continued, empty, with the rest of its rows after it, like （五）不予处理.
    expect(describeRow(after[0]!).slice(0, 3)).toEqual([
      '↓三、本年度办理结果/5',
      '↓（五）不予处理/1',
      '5.要求行政机关确认或重新出具已获取信息/1',
    ]);
    expect(after[0]!.cells).toHaveLength(10);
    expect(after.at(-1)!.cells.map((c) => c.cell.col)).toEqual([0, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('leaves a table drawn whole unchanged', () => {
    const whole = sliceRows(t3, 0, t3.rowCount);
    expect(whole.flatMap((r) => r.cells).every((c) => !c.continued && c.rowSpan === c.cell.rowSpan)).toBe(
      true,
    );
  });
});

describe('finding the page breaks of a table in the preview', () => {
  const row = (r: number, column: number, top: number, bottom = top + 20): RowBox => ({
    row: r,
    column,
    top,
    bottom,
  });
  const H = 850;

  it('starts a slice where the browser moved a row to the next page', () => {
    expect(adjustBreaks([], [row(3, 0, 700), row(4, 0, 720), row(5, 1, 0)], H)).toEqual([5]);
    expect(adjustBreaks([5], [row(3, 0, 800), row(4, 0, 820, 840), row(5, 1, 60), row(6, 2, 0)], H)).toEqual([
      5, 6,
    ]);
  });

  it('drops the breaks after a new one: they were found for the old layout', () => {
    expect(adjustBreaks([9], [row(3, 0, 800), row(4, 1, 0), row(9, 1, 300), row(10, 2, 60)], H)).toEqual([4]);
  });

  it('keeps breaks that are needed and moves one whose row now fits to the first row that does not', () => {
    expect(adjustBreaks([5], [row(4, 0, 820, 840), row(5, 1, 60, 80)], H)).toBeNull();
    expect(adjustBreaks([5], [row(4, 0, 600, 620), row(5, 1, 60, 80)], H)).toEqual([]);
    // Row 5 now fits under row 4 (at 780), row 6 would end at 860: the break moves from 5 to 6.
    expect(adjustBreaks([5], [row(4, 0, 740, 760), row(5, 1, 60, 80), row(6, 1, 80, 160)], H)).toEqual([6]);
    // A later slice's break is left for the next step.
    expect(
      adjustBreaks(
        [5, 7],
        [row(4, 0, 600, 620), row(5, 1, 60, 80), row(6, 1, 80, 100), row(7, 2, 60, 80)],
        H,
      ),
    ).toEqual([7]);
  });
});

describe('counting preview pages', () => {
  it('reads the page count from the width the columns take', () => {
    const px = 96 / 25.4;
    expect(pagesOf(156 * px, 'portrait')).toBe(1);
    expect(pagesOf((156 + 2 * 218) * px, 'portrait')).toBe(3);
    expect(pagesOf(225 * px, 'landscape')).toBe(1);
    expect(pagesOf((225 + 305) * px, 'landscape')).toBe(2);
  });
});
