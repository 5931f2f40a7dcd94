import type { Draft } from './draft';
import type { TemplateDef } from './template';

/**
 * The figures a report started from last year's begins with, before the clerk typed anything:
 * each field a `carry` rule (R6: 上年结转) or a `stock` rule (R7: 现行有效件数) ties to one of last
 * year's figures, at that figure. Such a value is last year's, not an entry of this year's: the
 * wizard does not count a table as filled in while these are all it holds.
 */
export function prefilledFromPrevious(
  template: TemplateDef,
  previous: Draft['previous'],
): Map<string, number> {
  const prefilled = new Map<string, number>();
  if (!previous) return prefilled;
  for (const rule of template.rules) {
    if (rule.kind !== 'carry' && rule.kind !== 'stock') continue;
    const value = previous.values[rule.previous];
    if (value !== undefined) prefilled.set(rule.field, value);
  }
  return prefilled;
}
