import { blankTotals } from '../totals';
import { makeFinding, type CheckContext, type Finding } from './finding';

/**
 * BLANK: a total none of whose parts was entered, such as 主动公开政府信息数 with the category list
 * left empty while the channel counts were given. It prints blank rather than an invented 0; the
 * clerk is told, since the published report then has no such figure. A total transcribed from a
 * source (draft.declared) is already judged by the declared-total check.
 */
export function checkBlankTotals(ctx: CheckContext): Finding[] {
  return blankTotals(ctx.template, ctx.values)
    .filter((field) => !(field.id in ctx.draft.declared))
    .map((field) => {
      const list = field.listSum && ctx.template.lists.find((l) => l.id === field.listSum);
      return makeFinding(
        'BLANK',
        'warning',
        list ? 'blankListTotal' : 'blankTotal',
        { field: field.label, ...(list ? { list: list.label } : {}) },
        ctx.fieldAt(field.id),
        field.id,
      );
    });
}
