import type { TableDef, TemplateDef } from '../report/template';
import { labelKey } from './labels';
import { tableRows, type RawCell } from './source';

/** One data row of a template table, as the importer looks for it in a document. */
export interface TemplateRow {
  table: string;
  /** The label that tells this row from every other of the template, as a label key; null for 表四's single row. */
  key: string | null;
  /** The printed label, for the report. */
  label: string;
  /** The row's fields left to right, each with the header label keys printed above it. */
  fields: { id: string; headers: string[] }[];
}

/**
 * The template's tables read with the very same function that reads a document's, so a row's
 * labels and a number cell's headers are comparable on both sides. A field cell is laid out as a
 * number (its index), which is how it is told from a label and found again.
 */
function rowsOfTable(table: TableDef): TemplateRow[] {
  const ids: string[] = [];
  const raw: RawCell[][] = table.rows.map((row) =>
    row.cells.map((cell) => {
      const span = { colSpan: cell.colSpan ?? 1, rowSpan: cell.rowSpan ?? 1 };
      if ('field' in cell) {
        ids.push(cell.field);
        return { text: String(ids.length - 1), ...span };
      }
      return { text: cell.text, ...span };
    }),
  );
  const rows = tableRows(0, raw).filter((r) => r.values.length > 0);
  // A label printed on fewer rows tells a row apart better: 1.属于国家秘密 over （三）不予公开 over
  // 三、本年度办理结果; among labels on one row only, the longer (a unit such as 条 is not a row's name).
  const rowsWith = new Map<string, number>();
  for (const r of rows)
    for (const l of new Set(r.labels.map(labelKey))) rowsWith.set(l, (rowsWith.get(l) ?? 0) + 1);
  return rows.map((r) => {
    const keys = r.labels.map(labelKey).filter((k) => k.length > 0);
    const best = keys.reduce<string | null>((a, k) => {
      if (a === null) return k;
      const [ca, ck] = [rowsWith.get(a)!, rowsWith.get(k)!];
      return ck < ca || (ck === ca && k.length >= a.length) ? k : a;
    }, null);
    const label = r.labels.find((l) => labelKey(l) === best) ?? '';
    return {
      table: table.id,
      key: best,
      label,
      fields: r.values.map((v) => ({ id: ids[Number(v.text)]!, headers: v.headers.map(labelKey) })),
    };
  });
}

const cache = new WeakMap<TemplateDef, TemplateRow[]>();

/** Every data row of every table of the template, in print order. */
export function templateRows(template: TemplateDef): TemplateRow[] {
  let rows = cache.get(template);
  if (!rows) cache.set(template, (rows = template.tables.flatMap(rowsOfTable)));
  return rows;
}
