import { documentTitle, resolveSections, titleOrderOf, titlePattern, variantOf } from '../model';
import { makeFinding, type CheckContext, type Finding } from './finding';

/**
 * A template whose notice prescribes the titles (`fixedTitles`, the 30号 national format) prints
 * them as prescribed: a draft that rewords or leaves out a section, or turns the document title
 * round, was made elsewhere (an imported file, a converted report). Each change is named, with the
 * prescribed wording, so the clerk can put it back.
 */
export function checkFixedTitles(ctx: CheckContext): Finding[] {
  const { template, draft } = ctx;
  if (!template.fixedTitles) return [];
  const out: Finding[] = [];
  const prescribed = resolveSections(template, { variant: draft.variant });
  const variant = variantOf(template, draft.variant);
  for (const section of prescribed) {
    const override = draft.sections[section.id];
    const expected = section.heading.slice(section.numeral.length + 1);
    const at = { section: section.id };
    if (override?.omit)
      out.push(
        makeFinding(
          'TITLE',
          'warning',
          'sectionOmitted',
          { expected: section.heading, basis: template.basis },
          at,
          `${section.id}:omit`,
        ),
      );
    const found = override?.title?.trim();
    if (found && found !== expected)
      out.push(
        makeFinding(
          'TITLE',
          'warning',
          'titleChanged',
          { expected: section.heading, found, basis: template.basis },
          at,
          `${section.id}:title`,
        ),
      );
  }
  if (draft.titleOrder && titlePattern(template, draft) !== variant.title && titleOrderOf(variant.title))
    out.push(
      makeFinding(
        'TITLE',
        'warning',
        'titleOrder',
        {
          basis: template.basis,
          expected: documentTitle(template, { ...draft, titleOrder: undefined }),
          found: documentTitle(template, draft),
        },
        { field: 'unit.name' },
        'titleOrder',
      ),
    );
  return out;
}
