import { printedSubHeadings } from '../../export/layout/sub-headings';
import { resolveSections } from '../model';
import { makeFinding, type CheckContext, type Finding } from './finding';

/**
 * HEAD: a fixed sub-heading whose slot the clerk left empty, such as （三）政府信息管理 of 总体情况.
 * The Word file and the preview leave such a heading out and renumber the rest (printedSubHeadings);
 * the clerk is told, since the report then says nothing on that subject. A slot the template
 * requires has its own finding (EMPTY) and is not named twice.
 */
export function checkEmptyHeadings(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const section of resolveSections(ctx.template, ctx.draft)) {
    const printed = printedSubHeadings(section.blocks, ctx.draft.prose);
    for (const block of section.blocks) {
      if (block.kind !== 'prose' || !block.slot.heading || block.slot.required) continue;
      if (printed.has(block.slot.id)) continue;
      out.push(
        makeFinding(
          'HEAD',
          'warning',
          'emptyHeading',
          { heading: block.slot.heading, section: section.heading },
          ctx.slotAt(block.slot.id),
          block.slot.id,
        ),
      );
    }
  }
  return out;
}
