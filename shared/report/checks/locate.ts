import { resolveSections } from '../model';
import type { CellDef, TableDef, TemplateDef } from '../template';
import type { FindingLocation } from './finding';

/** Draft fields outside the template that findings can point at. */
export const UNIT_NAME = 'unit.name';
export const ISSUED_ON = 'issuedOn';
export const REPORT_YEAR = 'year';

interface Place {
  section?: string;
  /** Position in print order: [part, block] where part is the 前言 (-1), a section, the date or an attachment. */
  order: [number, number];
}

/**
 * Where every field, table and slot of a template sits in the printed report, so a finding can
 * name its table cell and section, and findings can be listed in document order.
 */
export interface Layout {
  fieldAt(fieldId: string): FindingLocation;
  slotAt(slotId: string, offset?: number, length?: number): FindingLocation;
  /** A sort key in print order: unit name (title) first, then 前言, sections, 成文日期, 附件. */
  orderOf(at: FindingLocation): number[];
}

/** The grid position of every field cell, with row and column spans laid out. */
function cellPositions(table: TableDef): Map<string, { row: number; column: number }> {
  const taken: boolean[][] = [];
  const out = new Map<string, { row: number; column: number }>();
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells as CellDef[]) {
      while (taken[r]?.[c]) c++;
      if ('field' in cell && !out.has(cell.field)) out.set(cell.field, { row: r, column: c });
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++)
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) (taken[r + dr] ??= [])[c + dc] = true;
      c += cell.colSpan ?? 1;
    }
  });
  return out;
}

// A layout depends only on the template and the variant; checking a thousand drafts must not rebuild it a thousand times.
const layouts = new WeakMap<TemplateDef, Map<string, Layout>>();

export function layoutOf(template: TemplateDef, variantId: string): Layout {
  let byVariant = layouts.get(template);
  if (!byVariant) layouts.set(template, (byVariant = new Map()));
  let layout = byVariant.get(variantId);
  if (!layout) byVariant.set(variantId, (layout = buildLayout(template, variantId)));
  return layout;
}

function buildLayout(template: TemplateDef, variantId: string): Layout {
  const sections = resolveSections(template, { variant: variantId });
  const tables = new Map<string, Place>();
  const slots = new Map<string, Place>();
  const lists = new Map<string, Place>();
  if (template.preface) slots.set(template.preface.id, { order: [-1, 0] });
  // Sections a variant leaves out still get a place, after the printed ones.
  const ordered = [...sections.map((s) => s.id), ...template.sections.map((s) => s.id)];
  for (const section of template.sections) {
    const part = ordered.indexOf(section.id);
    section.blocks.forEach((b, i) => {
      const place: Place = { section: section.id, order: [part, i] };
      if (b.kind === 'prose') slots.set(b.slot.id, place);
      else if (b.kind === 'table') tables.set(b.table, place);
      else lists.set(b.list, place);
    });
  }
  const dateOrder = ordered.length;
  template.attachments.forEach((id, i) => {
    if (!tables.has(id)) tables.set(id, { order: [dateOrder + 1 + i, 0] });
  });
  const end = dateOrder + 1 + template.attachments.length;

  const cells = new Map<string, FindingLocation & { order: number[] }>();
  for (const table of template.tables) {
    const place = tables.get(table.id) ?? { order: [end, 0] };
    for (const [field, pos] of cellPositions(table))
      if (!cells.has(field))
        cells.set(field, {
          ...(place.section ? { section: place.section } : {}),
          table: table.id,
          field,
          row: pos.row,
          column: pos.column,
          order: [...place.order, pos.row, pos.column],
        });
  }
  for (const f of template.fields) {
    const list = f.listSum ? lists.get(f.listSum) : undefined;
    if (!cells.has(f.id) && list)
      cells.set(f.id, {
        ...(list.section ? { section: list.section } : {}),
        field: f.id,
        order: [...list.order, 0, 0],
      });
  }

  const fieldAt = (fieldId: string): FindingLocation => {
    const cell = cells.get(fieldId);
    if (!cell) return { field: fieldId };
    const { order: _order, ...at } = cell;
    return at;
  };
  const slotAt = (slotId: string, offset?: number, length?: number): FindingLocation => {
    const place = slots.get(slotId);
    return {
      ...(place?.section ? { section: place.section } : {}),
      slot: slotId,
      ...(offset !== undefined ? { offset, length: length ?? 0 } : {}),
    };
  };
  const orderOf = (at: FindingLocation): number[] => {
    if (at.slot !== undefined) return [...(slots.get(at.slot)?.order ?? [end, 0]), at.offset ?? -1, 0];
    if (at.field === UNIT_NAME || at.field === REPORT_YEAR) return [-2, 0, 0, 0];
    if (at.field === ISSUED_ON) return [dateOrder, 0, 0, 0];
    return cells.get(at.field ?? '')?.order ?? [end + 1, 0, 0, 0];
  };
  return { fieldAt, slotAt, orderOf };
}

export function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
