import { describe, expect, it } from 'vitest';
import { national2021 } from '../../shared/report/templates/national-2021';
import { gridLayout } from '../../renderer/grid/geometry';
import { parseTsv, pasteIntoGrid } from '../../renderer/grid/paste';

const table = (id: string) => national2021.tables.find((t) => t.id === id)!;
const t2 = gridLayout(national2021, table('t2'));
const t3 = gridLayout(national2021, table('t3'));

describe('parseTsv', () => {
  it('reads rows and cells as Excel and WPS copy them', () => {
    expect(parseTsv('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    expect(parseTsv('1\t\t3\n')).toEqual([['1', '', '3']]);
    expect(parseTsv('12')).toEqual([['12']]);
    expect(parseTsv('"a\tb"\t"say ""hi"""\n')).toEqual([['a\tb', 'say "hi"']]);
    expect(parseTsv('1\r2\r')).toEqual([['1'], ['2']]);
  });
});

describe('pasting a block into a table', () => {
  it('fills a row of table 三 from the focused cell and leaves the 总计 column to the app', () => {
    const r = pasteIntoGrid(t3, 't3.new.natural', '3\t１\t0\t0\t0\t2\t6\r\n');
    expect(r.values).toEqual([
      { field: 't3.new.natural', value: 3 },
      { field: 't3.new.business', value: 1 },
      { field: 't3.new.research', value: 0 },
      { field: 't3.new.public', value: 0 },
      { field: 't3.new.legal', value: 0 },
      { field: 't3.new.other', value: 2 },
    ]);
    expect(r.skippedComputed).toEqual(['t3.new.total']);
    expect(r.refused).toEqual([]);
  });

  it('fills a column down past the computed （七）总计 row without shifting the rows below', () => {
    const column = ['5', '1', ...Array.from({ length: 21 }, () => '0'), '6', '0'].join('\n');
    const r = pasteIntoGrid(t3, 't3.new.natural', column);
    expect(r.skippedComputed).toEqual(['t3.total.natural']);
    expect(r.values.at(-1)).toEqual({ field: 't3.carryOut.natural', value: 0 });
    expect(r.values.find((v) => v.field === 't3.open.natural')).toEqual({
      field: 't3.open.natural',
      value: 0,
    });
    expect(r.values).toHaveLength(24);
  });

  it('refuses negative and non-numeric cells and keeps their text, blanks clear cells', () => {
    const r = pasteIntoGrid(t3, 't3.new.natural', '-3\tabc\t\t４\n');
    expect(r.refused.map((x) => [x.field, x.text, x.error.key])).toEqual([
      ['t3.new.natural', '-3', 'input.negative'],
      ['t3.new.business', 'abc', 'input.notNumber'],
    ]);
    expect(r.values).toEqual([
      { field: 't3.new.research', value: null },
      { field: 't3.new.public', value: 4 },
    ]);
  });

  it('counts copied figures that land beyond the table or on labels', () => {
    const r = pasteIntoGrid(t3, 't3.new.other', '1\t2\t3\t4\n');
    expect(r.values).toEqual([{ field: 't3.new.other', value: 1 }]);
    expect(r.skippedComputed).toEqual(['t3.new.total']);
    expect(r.outside).toBe(2);
  });

  it('takes a merged cell copied from Excel as its value followed by blanks', () => {
    const r = pasteIntoGrid(t2, 't2.licensing', '12\t\t\n3\t\t\n');
    expect(r.values).toEqual([{ field: 't2.licensing', value: 12 }]);
    // The second row lands on the 第二十条第（六）项 caption: a number there is not placed.
    expect(r.outside).toBe(1);
  });

  it('accepts money with its decimals only in the money cell', () => {
    const r = pasteIntoGrid(t2, 't2.fees', '1.2345\n');
    expect(r.values).toEqual([{ field: 't2.fees', value: 1.2345 }]);
    const count = pasteIntoGrid(t2, 't2.rules.issued', '1.5\n');
    expect(count.refused[0]?.error.key).toBe('input.countFraction');
  });
});
