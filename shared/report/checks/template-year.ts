import { proposeTemplate } from '../templates';
import { makeFinding, type CheckContext, type Finding } from './finding';
import { REPORT_YEAR } from './locate';

/**
 * The template against the reporting year (#8.12): a national-2021 draft for 2018, or a
 * township-2012 draft for 2021, is a report in a format nobody asked for that year. The years
 * come from each template's own `years`, and the template offered is the one proposed for the year.
 */
export function checkTemplateYear(ctx: CheckContext): Finding[] {
  const { template, draft } = ctx;
  const { from, to } = template.years;
  if ((from === undefined || from <= draft.year) && (to === undefined || draft.year <= to)) return [];
  const proposed = proposeTemplate(draft.year);
  // Years no template covers (2019, 2020) get the default: nothing better to offer than what is used.
  if (proposed.id === template.id) return [];
  const params = {
    year: draft.year,
    template: template.name,
    proposed: proposed.name,
    proposedId: proposed.id,
  };
  return [makeFinding('TEMPLATE', 'warning', 'templateYear', params, { field: REPORT_YEAR }, REPORT_YEAR)];
}
