import type { BlockDef } from '../../report/template';
import { chineseNumeral, paragraphs } from '../../report/text';

/** The （三） a template sub-heading opens with; a heading without one keeps its text as it is. */
const NUMERAL = /^[（(][一二三四五六七八九十]{1,3}[）)]/;

/**
 * The fixed sub-headings of one section's prose slots as they print, by slot id. A slot the clerk
 * left empty prints no heading at all: a bare （三）政府信息管理 with nothing under it reads as a
 * page lost in printing. The headings that remain are numbered （一）（二）… by position, so
 * leaving one out never makes the numbering skip. The Word file and the print preview both set
 * their sub-headings from this, and the empty-heading check names what it leaves out.
 */
export function printedSubHeadings(
  blocks: readonly BlockDef[],
  prose: Readonly<Record<string, string>>,
): Map<string, string> {
  const out = new Map<string, string>();
  let numbered = 0;
  for (const block of blocks) {
    if (block.kind !== 'prose' || !block.slot.heading) continue;
    if (paragraphs(prose[block.slot.id]).length === 0) continue;
    const heading = block.slot.heading;
    out.set(
      block.slot.id,
      NUMERAL.test(heading) ? heading.replace(NUMERAL, `（${chineseNumeral(++numbered)}）`) : heading,
    );
  }
  return out;
}
