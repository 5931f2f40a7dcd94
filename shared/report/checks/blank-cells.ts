import { resolveSections } from '../model';
import { makeFinding, type CheckContext, type Finding } from './finding';

/**
 * BLANKCELL: cells a source printed blank or "/" (an imported report) are not zeros. The import
 * keeps them absent and lists them in `draft.blanks`; until the clerk enters a number in each,
 * every table says how many are left, so a blank never passes for a 0 in the county's sums.
 */
export function checkBlankCells(ctx: CheckContext): Finding[] {
  const { template, draft } = ctx;
  const open = draft.blanks.filter((id) => draft.values[id] === undefined);
  if (open.length === 0) return [];
  const byTable = new Map<string, string[]>();
  for (const id of open) {
    const table = template.tables.find((t) =>
      t.rows.some((r) => r.cells.some((c) => 'field' in c && c.field === id)),
    );
    const key = table?.id ?? '';
    byTable.set(key, [...(byTable.get(key) ?? []), id]);
  }
  const sections = resolveSections(template, draft);
  return [...byTable].map(([tableId, ids]) => {
    const table = template.tables.find((t) => t.id === tableId);
    const section = sections.find((s) => s.blocks.some((b) => b.kind === 'table' && b.table === tableId));
    const name = table?.title ?? section?.heading ?? tableId;
    return makeFinding(
      'BLANKCELL',
      'warning',
      'blankCells',
      { table: name, count: ids.length },
      ctx.fieldAt(ids[0]!),
      `blanks.${tableId}`,
    );
  });
}
