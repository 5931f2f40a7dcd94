import { describe, expect, it } from 'vitest';
import { national2021 } from '../../shared/report/templates/national-2021';
import { cellName, gridLayout } from '../../renderer/grid/geometry';
import { keyToMove, moveFrom, type KeyPress } from '../../renderer/grid/navigation';

const table = (id: string) => national2021.tables.find((t) => t.id === id)!;
const t2 = gridLayout(national2021, table('t2'));
const t3 = gridLayout(national2021, table('t3'));
const t4 = gridLayout(national2021, table('t4'));
const name = (layout: typeof t3, field: string) => cellName(layout, layout.fields.get(field)!);

describe('grid geometry', () => {
  it('places table 三 with the merges of the official table', () => {
    expect(t3.colCount).toBe(10);
    expect(t3.rowCount).toBe(28);
    const note = t3.at(2, 2)!;
    expect(note.text).toMatch(/^（本列数据的勾稽关系为/);
    expect([note.row, note.col, note.rowSpan, note.colSpan]).toEqual([0, 0, 3, 3]);
    // 三、本年度办理结果 is one label spanning its 22 rows.
    const results = t3.at(20, 0)!;
    expect(results.text).toBe('三、本年度办理结果');
    expect(results.rowSpan).toBe(22);
    expect(t3.fields.get('t3.new.natural')).toMatchObject({ row: 3, col: 3, kind: 'field' });
    expect(t3.fields.get('t3.deny.secret.natural')).toMatchObject({ row: 7, col: 3 });
    expect(t3.fields.get('t3.new.total')?.kind).toBe('computed');
    expect(t3.fields.get('t3.total.natural')?.kind).toBe('computed');
    expect(t3.at(0, 3)?.kind).toBe('header');
  });

  it('names cells by their row and column labels, as the clerk reads them', () => {
    expect(name(t3, 't3.new.natural')).toBe('一、本年新收政府信息公开申请数量，申请人情况 自然人');
    expect(name(t3, 't3.deny.secret.business')).toBe(
      '三、本年度办理结果 （三）不予公开 1.属于国家秘密，申请人情况 法人或其他组织 商业企业',
    );
    expect(name(t4, 't4.direct.upheld')).toBe('行政诉讼 未经复议直接起诉 结果维持');
    expect(name(t4, 't4.review.pending')).toBe('行政复议 尚未审结');
    // A caption row (第二十条第（一）项) is not part of a column label.
    expect(name(t2, 't2.rules.issued')).toBe('规章，本年制发件数');
    expect(name(t2, 't2.normative.current')).toBe('行政规范性文件，现行有效件数');
    expect(name(t2, 't2.fees')).toBe('行政事业性收费，本年收费金额（单位：万元）');
  });

  it('lists the typeable cells in reading order, without computed totals', () => {
    expect(t4.editable.map((c) => c.field!.id).slice(0, 6)).toEqual([
      't4.review.upheld',
      't4.review.corrected',
      't4.review.other',
      't4.review.pending',
      't4.direct.upheld',
      't4.direct.corrected',
    ]);
    expect(t3.editable).toHaveLength(24 * 6);
    expect(t2.editable).toHaveLength(10);
  });

  it('rejects a table whose cells overflow its columns', () => {
    const broken = { ...table('t2'), columns: [1, 1, 1] };
    expect(() => gridLayout(national2021, broken)).toThrow(/overflows/);
  });
});

describe('grid navigation', () => {
  it('Tab follows reading order and passes over computed totals', () => {
    expect(moveFrom(t3, 't3.new.other', 'next')).toBe('t3.carried.natural');
    expect(moveFrom(t3, 't3.carried.natural', 'prev')).toBe('t3.new.other');
    expect(moveFrom(t4, 't4.review.pending', 'next')).toBe('t4.direct.upheld');
    expect(moveFrom(t4, 't4.after.pending', 'next')).toBeNull();
  });

  it('arrow keys stay on the row or the column, past merged labels and totals', () => {
    expect(moveFrom(t3, 't3.new.natural', 'right')).toBe('t3.new.business');
    expect(moveFrom(t3, 't3.new.other', 'right')).toBeNull();
    expect(moveFrom(t3, 't3.new.natural', 'left')).toBeNull();
    expect(moveFrom(t3, 't3.partial.natural', 'down')).toBe('t3.deny.secret.natural');
    // （七）总计 is computed: down from the last result row lands on 四、结转下年度继续办理.
    expect(moveFrom(t3, 't3.other.other.research', 'down')).toBe('t3.carryOut.research');
    expect(moveFrom(t3, 't3.carryOut.research', 'up')).toBe('t3.other.other.research');
    expect(moveFrom(t3, 't3.new.legal', 'up')).toBeNull();
    // Table 二: down a column crosses caption and header rows into the merged 本年处理决定数量 cell.
    expect(moveFrom(t2, 't2.normative.issued', 'down')).toBe('t2.licensing');
    expect(moveFrom(t2, 't2.licensing', 'up')).toBe('t2.normative.issued');
    expect(moveFrom(t2, 't2.rules.repealed', 'down')).toBe('t2.normative.repealed');
  });

  it('Enter goes down, and on a one-row table on to the next cell', () => {
    expect(moveFrom(t3, 't3.new.natural', 'enter')).toBe('t3.carried.natural');
    expect(moveFrom(t3, 't3.carried.natural', 'enter-back')).toBe('t3.new.natural');
    expect(moveFrom(t4, 't4.review.upheld', 'enter')).toBe('t4.review.corrected');
    expect(moveFrom(t4, 't4.review.corrected', 'enter-back')).toBe('t4.review.upheld');
  });
});

describe('keys', () => {
  const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
    key,
    shiftKey: false,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    caretAtStart: false,
    caretAtEnd: false,
    ...more,
  });

  it('maps Tab, Enter and arrows to moves, leaving a cell sideways only from the edge of its text', () => {
    expect(keyToMove(press('Tab'))).toBe('next');
    expect(keyToMove(press('Tab', { shiftKey: true }))).toBe('prev');
    expect(keyToMove(press('Enter'))).toBe('enter');
    expect(keyToMove(press('Enter', { shiftKey: true }))).toBe('enter-back');
    expect(keyToMove(press('ArrowDown'))).toBe('down');
    expect(keyToMove(press('ArrowRight'))).toBeNull();
    expect(keyToMove(press('ArrowRight', { caretAtEnd: true }))).toBe('right');
    expect(keyToMove(press('ArrowLeft', { caretAtStart: true }))).toBe('left');
    expect(keyToMove(press('ArrowLeft', { caretAtStart: true, shiftKey: true }))).toBeNull();
    expect(keyToMove(press('Tab', { ctrlKey: true }))).toBeNull();
    expect(keyToMove(press('a'))).toBeNull();
  });

  it('moves on from a computed total the clerk clicked into', () => {
    expect(moveFrom(t3, 't3.new.total', 'next')).toBe('t3.carried.natural');
    expect(moveFrom(t3, 't3.new.total', 'prev')).toBe('t3.new.other');
    expect(moveFrom(t3, 't3.total.business', 'down')).toBe('t3.carryOut.business');
  });
});
