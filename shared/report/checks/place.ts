import type { Draft } from '../draft';
import { fieldMap, resolveSections } from '../model';
import type { TemplateDef } from '../template';

export interface Place {
  section?: string;
  slot?: string;
  table?: string;
  field?: string;
}

/**
 * Where a finding is, in the report's own words: the section heading, then the sub-heading or
 * the field's label. Report terms are Chinese in every UI language, because they name what is
 * printed in the report.
 */
export function findingPlace(
  template: TemplateDef,
  draft: Pick<Draft, 'variant'>,
  finding: { at: Place },
): string {
  const { at } = finding;
  const sections = resolveSections(template, draft);
  const holds = (id: string | undefined) =>
    sections.find(
      (s) =>
        s.id === at.section ||
        s.blocks.some(
          (b) => (b.kind === 'prose' && b.slot.id === id) || (b.kind === 'table' && b.table === id),
        ),
    );
  const section = at.section ? sections.find((s) => s.id === at.section) : holds(at.slot ?? at.table);
  const parts: string[] = [];
  if (section) parts.push(section.heading);
  else if (at.slot && at.slot === template.preface?.id) parts.push('前言');
  if (at.field) {
    const label = fieldMap(template).get(at.field)?.label;
    if (label) parts.push(label);
  } else if (at.slot) {
    const slot = section?.blocks.find((b) => b.kind === 'prose' && b.slot.id === at.slot);
    if (slot?.kind === 'prose' && slot.slot.heading) parts.push(slot.slot.heading);
  }
  return parts.join(' · ');
}
