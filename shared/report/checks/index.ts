import type { Draft } from '../draft';
import { fieldMap, resolveSections } from '../model';
import type { TemplateDef } from '../template';
import { computeValues } from '../totals';
import { checkBlankCells } from './blank-cells';
import { checkBlankTotals } from './blank-totals';
import { checkCarried } from './carried';
import { checkClaims, checkShares } from './claims';
import { checkEmptyHeadings } from './empty-headings';
import { checkFieldSlips } from './field-slips';
import type { CheckContext, Finding } from './finding';
import { checkFixedTitles } from './fixed-titles';
import { compareOrder, layoutOf } from './locate';
import { checkProse } from './prose-lint';
import { checkRules } from './rules';
import { checkTemplateYear } from './template-year';
import { checkUnprinted } from './unprinted';
import { checkDeclaredTotals } from './totals';
import { checkValueKinds } from './values';
import { checkYearOverYear } from './year-over-year';
import { checkYears } from './years';

export type { Finding, FindingLocation } from './finding';

/**
 * Every check of a draft against its template, errors first, then in the order the report prints
 * them. Nothing here knows a template by name: the rules, claims, tables and slots all come from
 * the template's data. Warnings the clerk has accepted come back marked `acknowledged`.
 */
export function runChecks(template: TemplateDef, draft: Draft): Finding[] {
  const layout = layoutOf(template, draft.variant);
  const sections = resolveSections(template, draft);
  const ctx: CheckContext = {
    template,
    draft,
    values: computeValues(template, draft),
    fields: fieldMap(template),
    fieldAt: layout.fieldAt,
    slotAt: layout.slotAt,
    slotName: (slotId) => {
      if (slotId === template.preface?.id) return template.preface.heading ?? '前言';
      const at = layout.slotAt(slotId);
      const section = sections.find((s) => s.id === at.section);
      const slot = section?.blocks.find((b) => b.kind === 'prose' && b.slot.id === slotId);
      const heading = slot?.kind === 'prose' ? (slot.slot.heading ?? '') : '';
      return `${section?.heading ?? ''}${heading}` || slotId;
    },
  };
  const found = [
    ...checkValueKinds(ctx),
    ...checkDeclaredTotals(ctx),
    ...checkBlankTotals(ctx),
    ...checkBlankCells(ctx),
    ...checkRules(ctx),
    ...checkClaims(ctx),
    ...checkShares(ctx),
    ...checkYears(ctx),
    ...checkProse(ctx),
    ...checkUnprinted(ctx),
    ...checkFixedTitles(ctx),
    ...checkTemplateYear(ctx),
    ...checkFieldSlips(ctx),
    ...checkCarried(ctx),
    ...checkYearOverYear(ctx),
    ...checkEmptyHeadings(ctx),
  ];

  // The same words twice in one slot give the same id: number the repeats so each stays distinct.
  const seen = new Map<string, number>();
  const acknowledged = new Set(draft.acknowledged);
  const findings = found.map((f) => {
    const n = (seen.get(f.id) ?? 0) + 1;
    seen.set(f.id, n);
    const id = n === 1 ? f.id : `${f.id}#${n}`;
    return f.severity === 'warning' && acknowledged.has(id) ? { ...f, id, acknowledged: true } : { ...f, id };
  });
  const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1);
  return findings
    .map((f, i) => ({ f, i, order: layout.orderOf(f.at) }))
    .sort((a, b) => rank(a.f) - rank(b.f) || compareOrder(a.order, b.order) || a.i - b.i)
    .map((x) => x.f);
}

/** Errors and the warnings not yet acknowledged: what the checks panel and the draft list count. */
export function openCounts(findings: Finding[]): { errors: number; warnings: number } {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning' && !f.acknowledged).length,
  };
}
