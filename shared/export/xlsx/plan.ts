import type { Draft, ListItem } from '../../report/draft';
import { isComputed } from '../../report/model';
import type { FieldDef, ListDef, TableDef, TemplateDef } from '../../report/template';
import type { Values } from '../../report/totals';
import { placeCells, type PlacedCell } from './grid';
import { refFormula, sumFormula, type Location } from './refs';

/** The flat sheet every province can map: one row per number, with its field id. */
export const FLAT_SHEET = '指标数值';

/** Rows of a table sheet: the title, the 填报单位 line, then the table grid. */
export const TITLE_ROW = 1;
export const INFO_ROW = 2;
export const GRID_TOP = 3;

/** Column of the 数值 on the flat sheet (指标 / 数值 / 单位 / 代码). */
export const VALUE_COLUMN = 2;

export interface TablePlan {
  table: TableDef;
  cells: PlacedCell[];
}

export type FlatRow =
  | { kind: 'field'; field: FieldDef; row: number }
  | { kind: 'item'; list: ListDef; item: ListItem; index: number; row: number };

/** Where everything goes, decided before anything is written, so formulas can point anywhere. */
export interface WorkbookPlan {
  tables: TablePlan[];
  flatRows: FlatRow[];
  /** The one cell that holds each field; a total is computed there, and other cells showing the field refer to it. */
  homes: Map<string, Location>;
  /** Cells of each list's items on the flat sheet, which a list total adds up. */
  listCells: Map<string, Location[]>;
}

export function planWorkbook(template: TemplateDef, draft: Pick<Draft, 'lists'>): WorkbookPlan {
  const homes = new Map<string, Location>();
  const tables = template.tables.map((table) => {
    const cells = placeCells(table, GRID_TOP);
    for (const p of cells)
      if ('field' in p.cell && !homes.has(p.cell.field))
        homes.set(p.cell.field, { sheet: table.sheetName, row: p.row, col: p.col });
    return { table, cells };
  });

  const flatRows: FlatRow[] = template.fields.map((field, i) => ({ kind: 'field', field, row: i + 2 }));
  for (const r of flatRows)
    if (r.kind === 'field' && !homes.has(r.field.id))
      homes.set(r.field.id, { sheet: FLAT_SHEET, row: r.row, col: VALUE_COLUMN });

  const listCells = new Map<string, Location[]>();
  for (const list of template.lists) {
    const items = draft.lists[list.id] ?? [];
    const start = flatRows.length + 2;
    items.forEach((item, index) => flatRows.push({ kind: 'item', list, item, index, row: start + index }));
    listCells.set(
      list.id,
      items.map((_, index) => ({ sheet: FLAT_SHEET, row: start + index, col: VALUE_COLUMN })),
    );
  }
  return { tables, flatRows, homes, listCells };
}

export type CellContent = number | { formula: string; result: number } | null;

/**
 * What a cell showing `field` at `at` holds. An entered number is written as the number. A total
 * is a formula over the cells of its parts, carrying the value we computed as its cached result, so
 * a reader who corrects a number in Excel or WPS sees the totals follow; a copy of a total refers
 * to the total's own cell. A total with no entered part is an empty cell.
 */
export function fieldContent(plan: WorkbookPlan, field: FieldDef, at: Location, values: Values): CellContent {
  const result = values.get(field.id);
  if (!isComputed(field)) return result ?? 0;
  // A total none of whose parts was entered prints blank, as in the Word file; a SUM over empty
  // cells, or a reference to one, would show an invented 0.
  if (result === undefined) return null;
  const home = plan.homes.get(field.id)!;
  if (home.sheet !== at.sheet || home.row !== at.row || home.col !== at.col)
    return { formula: refFormula(home, at.sheet), result };
  const parts = field.sum
    ? field.sum.map((id) => plan.homes.get(id)!)
    : (plan.listCells.get(field.listSum!) ?? []);
  // A total over an empty list has no cell to add up.
  if (parts.length === 0) return result;
  return { formula: sumFormula(parts, at.sheet), result };
}
