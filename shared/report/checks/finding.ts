import type { Draft } from '../draft';
import type { FieldDef, Severity, TemplateDef } from '../template';
import type { Values } from '../totals';

/**
 * Where a finding points, so the wizard can jump there and the checks panel can say where.
 * - Field findings: `field` (a template field id, or the draft fields `unit.name` and `issuedOn`),
 *   `table` with `row` and `column` (0-based positions in the table's grid: `row` indexes
 *   `table.rows`, `column` the grid column once row and column spans are laid out), and `section`.
 * - Prose findings: `slot`, with `offset` and `length` of the offending text in `draft.prose[slot]`
 *   when the finding is about particular words, and `section` (absent for the 前言).
 */
export interface FindingLocation {
  section?: string;
  slot?: string;
  table?: string;
  field?: string;
  row?: number;
  column?: number;
  offset?: number;
  length?: number;
}

export interface Finding {
  /** Stable across runs: the rule and the location, e.g. `R1:t3.carryOut.natural`. Acknowledgements refer to it. */
  id: string;
  /** R1 … R12, a total's rule (R2, R3, R4, L1 …, L-list), or one of the prose and date rules. */
  rule: string;
  severity: Severity;
  /** i18n key of the message, e.g. `checks.balance`; the rule's short name is `checks.name.<rule>`. */
  key: string;
  params: Record<string, string | number>;
  at: FindingLocation;
  /** A warning the clerk has read and accepted (its id is in `draft.acknowledged`); it no longer counts as open. */
  acknowledged?: boolean;
}

/** What every family of checks reads: the template, the draft, the computed values, and where things are. */
export interface CheckContext {
  template: TemplateDef;
  draft: Draft;
  values: Values;
  fields: ReadonlyMap<string, FieldDef>;
  fieldAt(fieldId: string): FindingLocation;
  slotAt(slotId: string, offset?: number, length?: number): FindingLocation;
  /** How a message names a slot: its section heading and sub-heading, e.g. 五、存在的主要问题及改进情况（一）存在的主要问题. */
  slotName(slotId: string): string;
}

export function makeFinding(
  rule: string,
  severity: Severity,
  message: string,
  params: Record<string, string | number>,
  at: FindingLocation,
  where: string,
): Finding {
  return { id: `${rule}:${where}`, rule, severity, key: `checks.${message}`, params, at };
}
