import type { Finding, FindingLocation } from '../../shared/report/checks/finding';
import { fieldMap } from '../../shared/report/model';
import type { RuleDef, TemplateDef } from '../../shared/report/template';

/** The fields a rule reads, as the template states it. */
function ruleFields(rule: RuleDef): string[] {
  switch (rule.kind) {
    case 'balance':
    case 'at-most':
      return [...rule.left, ...rule.right];
    case 'stock':
      return [rule.field, ...rule.plus, ...rule.minus];
    case 'not-copy':
      return [rule.field, rule.of];
    case 'carry':
    case 'zero-for':
    case 'max-for':
      return [rule.field];
    case 'mention':
      return rule.when;
    case 'required':
      return [];
  }
}

/** The field a rule's finding is placed at (checks/rules.ts), to tell the rules that share an id apart. */
function placedAt(rule: RuleDef): string | undefined {
  switch (rule.kind) {
    case 'balance':
    case 'at-most':
      return rule.at;
    case 'mention':
    case 'required':
      return undefined;
    default:
      return rule.field;
  }
}

/**
 * The entered numbers a finding depends on: the fields of its rule, with every computed total
 * opened up into the cells it adds (R1 on 四、结转下年度 also involves 予以公开, which is inside
 * （七）总计). A finding of no field rule gives its own field, if it has one.
 */
export function involvedFields(template: TemplateDef, finding: Finding): string[] {
  const fields = fieldMap(template);
  const rule = template.rules.find(
    (r) => r.id === finding.rule && placedAt(r) !== undefined && placedAt(r) === finding.at.field,
  );
  const start = rule ? ruleFields(rule) : finding.at.field ? [finding.at.field] : [];
  const out = new Set<string>();
  const open = (id: string, seen: Set<string>) => {
    if (seen.has(id)) return;
    seen.add(id);
    const f = fields.get(id);
    if (f?.sum) for (const part of f.sum) open(part, seen);
    else if (f && !f.listSum) out.add(id);
  };
  for (const id of start) open(id, new Set());
  return [...out];
}

/**
 * Where to take the clerk for a finding: the cell they changed last among those the rule
 * involves, since that is the figure they just typed and most likely mistyped; else where the
 * finding itself points. `changedAt` gives when each field was last changed (higher is later).
 */
export function fixTarget(
  template: TemplateDef,
  finding: Finding,
  changedAt: ReadonlyMap<string, number>,
): FindingLocation {
  let best: string | null = null;
  for (const id of involvedFields(template, finding)) {
    const at = changedAt.get(id);
    if (at !== undefined && (best === null || at > changedAt.get(best)!)) best = id;
  }
  return best === null || best === finding.at.field ? finding.at : { field: best };
}

/**
 * The error to fix first from the export page: the one about the figure changed last, else the
 * first in the report's order.
 */
export function errorToFix(
  template: TemplateDef,
  findings: readonly Finding[],
  changedAt: ReadonlyMap<string, number>,
): Finding | undefined {
  const errors = findings.filter((f) => f.severity === 'error');
  const latest = (f: Finding) =>
    Math.max(-1, ...involvedFields(template, f).map((id) => changedAt.get(id) ?? -1));
  let pick = errors[0];
  for (const f of errors) if (pick && latest(f) > latest(pick)) pick = f;
  return pick;
}
