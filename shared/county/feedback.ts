import type { Finding } from '../report/checks';
import { ISSUED_ON, UNIT_NAME } from '../report/checks/locate';
import { findingPlace } from '../report/checks/place';
import type { Draft } from '../report/draft';
import { fieldMap } from '../report/model';
import type { TemplateDef } from '../report/template';
import { computeValues, formatValue } from '../report/totals';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * One problem of a unit's report as the county writes it back (审核意见): where it is, what the
 * report says there, what it should say where the checks know, and the check's own sentence,
 * which always says what to do.
 */
export interface FeedbackItem {
  severity: Finding['severity'];
  /** The rule's short name, e.g. 上年结转. */
  rule: string;
  where: string;
  says: string;
  shouldSay: string;
  message: string;
}

/**
 * The parameter of a check's message that holds the right figure or wording, where there is one.
 * A broken balance (R1, 答复数 ≤ 申请数) has none: the sums disagree, and which figure is wrong only
 * the unit knows, so its letter gives the figures and asks the unit to check them.
 */
const SHOULD: Record<string, (p: Finding['params']) => string | number | undefined> = {
  'checks.stock': (p) => p.expected,
  'checks.carry': (p) => p.previous,
  'checks.shareMismatch': (p) => p.expected,
  'checks.declaredBlank': (p) => p.computed,
  'checks.declaredDiffers': (p) => p.computed,
  'checks.yearInProse': (p) => (p.year === undefined ? undefined : `${p.year}年`),
  'checks.announcedParts': (p) => p.actual,
  'checks.claim': (p) => (p.table === undefined ? undefined : `${p.table}${p.unit ?? ''}`),
};

/** Where a finding sits, in the report's own words; the unit name and 成文日期 are on the report's first and last lines. */
function placeOf(template: TemplateDef, draft: Draft, f: Finding, t: Translate): string {
  const place = findingPlace(template, draft, f);
  if (place) return place;
  if (f.at.field === UNIT_NAME) return t('county.feedback.place.unitName');
  if (f.at.field === ISSUED_ON) return t('county.feedback.place.issuedOn');
  return t('county.feedback.place.whole');
}

/** What the report says at a finding's place: the words pointed at, or the figure in the cell. */
function saysOf(template: TemplateDef, draft: Draft, f: Finding): string {
  const { slot, offset, length, field } = f.at;
  if (slot !== undefined && offset !== undefined && length)
    return (draft.prose[slot] ?? '').slice(offset, offset + length);
  if (field === UNIT_NAME) return draft.unit.name;
  if (field === ISSUED_ON) return draft.issuedOn;
  const def = field === undefined ? undefined : fieldMap(template).get(field);
  if (!def) return '';
  const declared = draft.declared[def.id];
  if (declared === null) return '';
  const value = declared ?? computeValues(template, draft).get(def.id) ?? 0;
  return `${formatValue(def, value)}${def.unit ?? ''}`;
}

/** Every open finding of a report (errors, then warnings its clerk has not accepted), in plain words. */
export function feedbackItems(
  template: TemplateDef,
  draft: Draft,
  findings: readonly Finding[],
  t: Translate,
): FeedbackItem[] {
  return findings
    .filter((f) => f.severity === 'error' || !f.acknowledged)
    .map((f) => {
      const should = SHOULD[f.key]?.(f.params);
      return {
        severity: f.severity,
        rule: t(`checks.name.${f.rule}`, { defaultValue: f.rule }),
        where: placeOf(template, draft, f, t),
        says: saysOf(template, draft, f),
        shouldSay: should === undefined ? '' : String(should),
        message: t(f.key, f.params),
      };
    });
}

/**
 * Problems of the report as a whole that no check of its own finds: it is of another year than
 * the county collects, or on a form no longer in force.
 */
export function wholeReportItems(
  draft: Draft,
  workspaceYear: number,
  oldFormat: boolean,
  templateName: string,
  expectedTemplateName: string,
  t: Translate,
): FeedbackItem[] {
  const items: FeedbackItem[] = [];
  if (draft.year !== workspaceYear)
    items.push({
      severity: 'error',
      rule: t('county.feedback.rule.year'),
      where: t('county.feedback.place.whole'),
      says: t('county.feedback.yearSays', { year: draft.year }),
      shouldSay: t('county.feedback.yearSays', { year: workspaceYear }),
      message: t('county.feedback.wrongYear', { year: draft.year, expected: workspaceYear }),
    });
  if (oldFormat)
    items.push({
      severity: 'error',
      rule: t('county.feedback.rule.format'),
      where: t('county.feedback.place.whole'),
      says: templateName,
      shouldSay: expectedTemplateName,
      message: t('county.feedback.oldFormat', {
        template: templateName,
        expected: expectedTemplateName,
        year: workspaceYear,
      }),
    });
  return items;
}
