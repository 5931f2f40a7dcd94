import { FIGURE_SOURCE, normalizeDigits, readFigure } from '../report/cn-number';
import type { Draft } from '../report/draft';
import type { SentencePart, TemplateDef } from '../report/template';
import type { Confidence } from './tables';

/**
 * Numbers a report gives only in its prose. The old township reports printed no table: their
 * figures stand in the standard sentences ("全年共受理政府信息公开申请1宗"), which are the
 * template's claims (R8), so the claims read them back. Only exact figures are taken: "800余" is
 * not a number a table could hold.
 */

export interface ProseFigure {
  field: string;
  value: number;
  printed: string;
  slot: string;
  confidence: Confidence;
}

export function readClaims(
  template: TemplateDef,
  prose: Record<string, string[]>,
  fields: Set<string>,
): ProseFigure[] {
  const out: ProseFigure[] = [];
  for (const claim of template.claims) {
    if (!fields.has(claim.field) || claim.perMonth || out.some((f) => f.field === claim.field)) continue;
    const regex = new RegExp(claim.pattern.replace('{n}', `(?<n>${FIGURE_SOURCE})`));
    for (const [slot, paragraphs] of Object.entries(prose)) {
      const m = regex.exec(normalizeDigits(paragraphs.join('\n')));
      const figure = m?.groups?.n ? readFigure(m.groups.n) : null;
      if (!figure || figure.approximate) continue;
      out.push({ field: claim.field, value: figure.value, printed: figure.text, slot, confidence: 'medium' });
      break;
    }
  }
  return out;
}

function eachParts(parts: SentencePart[]): { each: string; item: string }[] {
  return parts.flatMap((p) => {
    if (typeof p === 'string') return [];
    if ('each' in p) return [{ each: p.each, item: p.item }];
    return [...eachParts(p.then), ...eachParts(p.else ?? [])];
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A list item as the template's own sentence writes it, or as the old reports did ("规范性文件类信息28条"). */
function itemPatterns(item: string): RegExp[] {
  const own = escape(item)
    .replace('\\{label\\}', '(?!包括|其中)(?<label>[^，；。、：,;:]{1,20}?)')
    .replace('\\{value\\}', '(?<value>\\d+)')
    .replace('\\{share\\}', '[\\d.]+');
  return [
    new RegExp(`(?:^|[，；。、：,;:]|其中|包括)${own}`, 'g'),
    /(?:^|[，；。、：,;:]|其中|包括)(?!包括|其中)(?<label>[\u4e00-\u9fa5（）]{2,10}?类)(?:的)?信息(?<value>\d+)条/g,
  ];
}

/**
 * A category breakdown from the paragraph of the list's section that gives one: two items or more
 * in one paragraph, as the template's sentence or the old reports print them.
 */
export function readLists(
  template: TemplateDef,
  prose: Record<string, string[]>,
): { list: string; slot: string; items: Draft['lists'][string] }[] {
  const out: { list: string; slot: string; items: Draft['lists'][string] }[] = [];
  for (const section of template.sections) {
    const slots = section.blocks.flatMap((b) => (b.kind === 'prose' ? [b.slot.id] : []));
    for (const block of section.blocks) {
      if (block.kind !== 'list') continue;
      const items = template.sentences
        .filter((s) => slots.includes(s.slot))
        .flatMap((s) => eachParts(s.parts))
        .filter((e) => e.each === block.list)
        .map((e) => e.item);
      // A list no sentence prints (寮步's channels) is not guessed from another list's figures.
      if (items.length === 0) continue;
      const patterns = itemPatterns(items[0]!);
      found: for (const pattern of patterns)
        for (const slot of slots)
          for (const paragraph of prose[slot] ?? []) {
            const text = normalizeDigits(paragraph);
            const matches = [...text.matchAll(pattern)].filter((m) => m.groups?.label && m.groups.value);
            if (matches.length < 2) continue;
            out.push({
              list: block.list,
              slot,
              items: matches.map((m) => ({ label: m.groups!.label!, value: Number(m.groups!.value) })),
            });
            break found;
          }
    }
  }
  return out;
}
