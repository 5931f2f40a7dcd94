import { formatValue } from '../totals';
import { makeFinding, type CheckContext, type Finding } from './finding';

/**
 * Totals as printed in a transcribed source (`draft.declared`) against the totals computed from
 * their parts. A blank total (广州城管委 附表2 申请总数, whose channels add to 9) and a total that
 * disagrees with its parts are both errors, reported under the rule the total stands for (R2, R3,
 * R4, L1 …; L-list for a category breakdown that does not add up to its total).
 */
export function checkDeclaredTotals(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const [id, declared] of Object.entries(ctx.draft.declared)) {
    const field = ctx.fields.get(id);
    if (!field || !(field.sum || field.listSum)) continue;
    const rule = field.rule ?? (field.listSum ? 'L-list' : 'TOTAL');
    const computed = formatValue(field, ctx.values.get(id) ?? 0);
    if (declared === null)
      out.push(
        makeFinding(rule, 'error', 'declaredBlank', { field: field.label, computed }, ctx.fieldAt(id), id),
      );
    else if (formatValue(field, declared) !== computed)
      out.push(
        makeFinding(
          rule,
          'error',
          'declaredDiffers',
          { field: field.label, declared: formatValue(field, declared), computed },
          ctx.fieldAt(id),
          id,
        ),
      );
  }
  return out;
}
