import type { Draft } from '../draft';
import { paragraphs } from '../text';
import { makeFinding, type CheckContext, type Finding } from './finding';

/**
 * A figure with its unit as prose prints it: 3件, 90条, 1.5万元, 200余人次, 98%. Years, months,
 * days and 文号 (30号) are not figures of the year's work.
 */
const FIGURE =
  /(?<![\d.第〔])\d+(?:\.\d+)?(?:万|余|多)?(?:人次|万元|件|条|次|个|篇|期|场|宗|项|份|家|户|人|元|%|％)/g;

/** The figures a paragraph quotes, in order, each once. */
export function figuresIn(paragraph: string): string[] {
  return [...new Set(paragraph.match(FIGURE) ?? [])];
}

/**
 * The paragraphs of a slot still exactly as they were carried from last year's report: the clerk
 * has neither edited nor confirmed them (confirming removes one from `draft.carried`).
 */
export function carriedParagraphs(draft: Pick<Draft, 'prose' | 'carried'>, slot: string): string[] {
  const carried = new Set(draft.carried[slot] ?? []);
  if (carried.size === 0) return [];
  return paragraphs(draft.prose[slot]).filter((p) => carried.has(p));
}

/**
 * #7.3: a paragraph carried word for word from last year's report that quotes figures tells last
 * year's numbers as this year's ("全年共清理规范性文件3件", "发布信息90条"). Each such paragraph
 * is named with its figures until the clerk edits or confirms it.
 */
export function checkCarried(ctx: CheckContext): Finding[] {
  const { draft } = ctx;
  const out: Finding[] = [];
  const year = draft.previous?.year ?? draft.year - 1;
  for (const slot of Object.keys(draft.carried)) {
    const text = draft.prose[slot] ?? '';
    for (const paragraph of carriedParagraphs(draft, slot)) {
      const figures = figuresIn(paragraph);
      if (figures.length === 0) continue;
      const offset = text.indexOf(paragraph);
      out.push(
        makeFinding(
          'CARRIED',
          'warning',
          'carriedFigures',
          { figures: figures.join('、'), previousYear: year },
          ctx.slotAt(slot, offset, paragraph.length),
          `${slot}:${paragraph.slice(0, 16)}`,
        ),
      );
    }
  }
  return out;
}
