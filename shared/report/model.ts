import type { Draft, TitleOrder } from './draft';
import type { BlockDef, FieldDef, ListDef, SlotDef, TemplateDef, UnitKind, VariantDef } from './template';
import { chineseNumeral } from './text';

/** A section as it prints: its generated numeral and its title in the draft's variant. */
export interface ResolvedSection {
  id: string;
  numeral: string;
  /** e.g. 一、总体情况 */
  heading: string;
  blocks: BlockDef[];
}

export function variantOf(template: TemplateDef, variantId: string | undefined): VariantDef {
  return template.variants.find((v) => v.id === variantId) ?? template.variants[0]!;
}

/** What of a draft decides its sections: the variant, and the unit's own wording or omissions (v3). */
export type SectionChoice = Pick<Draft, 'variant'> & Partial<Pick<Draft, 'sections'>>;

/**
 * Sections in the variant's order, with the draft's own wording and without the sections it
 * leaves out, numbered from their position so numbering cannot skip.
 */
export function resolveSections(template: TemplateDef, draft?: SectionChoice): ResolvedSection[] {
  const overrides = draft?.sections ?? {};
  return variantOf(template, draft?.variant)
    .sections.filter((entry) => !overrides[entry.id]?.omit)
    .map((entry, i) => {
      const section = template.sections.find((s) => s.id === entry.id);
      if (!section) throw new Error(`template ${template.id}: variant names unknown section ${entry.id}`);
      const numeral = chineseNumeral(i + 1);
      const own = overrides[entry.id]?.title?.trim();
      return {
        id: section.id,
        numeral,
        heading: `${numeral}、${own || entry.title || section.title}`,
        blocks: section.blocks,
      };
    });
}

/** A prose slot whose section the draft does not print: not in its variant, or left out by the clerk. */
export interface UnprintedSlot {
  slot: SlotDef;
  section: string;
  /** How the clerk knows the place: the section's title (the clerk's own wording first) and the slot's sub-heading. */
  place: string;
  /** The variant has the section and the clerk left it out (it can be brought back). */
  omitted: boolean;
}

/** Every slot the draft's export leaves out, in template order (see checks/unprinted.ts). */
export function unprintedSlots(template: TemplateDef, draft: SectionChoice): UnprintedSlot[] {
  const printed = new Set(resolveSections(template, draft).map((s) => s.id));
  const variant = variantOf(template, draft.variant);
  return template.sections
    .filter((section) => !printed.has(section.id))
    .flatMap((section) => {
      const entry = variant.sections.find((e) => e.id === section.id);
      const title = draft.sections?.[section.id]?.title?.trim() || entry?.title || section.title;
      return section.blocks.flatMap((b) =>
        b.kind === 'prose'
          ? [
              {
                slot: b.slot,
                section: section.id,
                place: `${title}${b.slot.heading ?? ''}`,
                omitted: Boolean(entry),
              },
            ]
          : [],
      );
    });
}

/** The slots the export prints, 前言 first, each named as it prints (一、总体情况（一）主动公开). */
export function printedSlots(
  template: TemplateDef,
  draft: SectionChoice,
): { slot: SlotDef; place: string }[] {
  const out = template.preface ? [{ slot: template.preface, place: template.preface.heading ?? '前言' }] : [];
  for (const section of resolveSections(template, draft))
    for (const b of section.blocks)
      if (b.kind === 'prose') out.push({ slot: b.slot, place: `${section.heading}${b.slot.heading ?? ''}` });
  return out;
}

/**
 * Moves a slot's text to the end of another slot, as its own paragraphs: the offer for text that
 * would not print. The source slot is emptied only by the move, so nothing is lost on the way.
 */
export function moveProse<D extends Pick<Draft, 'prose' | 'generated' | 'carried'>>(
  draft: D,
  from: string,
  to: string,
): D {
  const text = draft.prose[from]?.trim() ?? '';
  if (text === '' || from === to) return draft;
  const { [from]: _moved, ...prose } = draft.prose;
  const { [from]: _generated, ...generated } = draft.generated;
  const { [from]: _carried, ...carried } = draft.carried;
  const target = prose[to]?.replace(/\s+$/, '') ?? '';
  return { ...draft, prose: { ...prose, [to]: target ? `${target}\n${text}` : text }, generated, carried };
}

/** The decimals a list's shares print with: the draft's choice (v3), else the template's. */
export function listDecimals(list: ListDef, draft: Partial<Pick<Draft, 'listDecimals'>>): 0 | 1 {
  return draft.listDecimals?.[list.id] ?? list.decimals;
}

/** Every prose slot of the template, preface first, in print order. */
export function allSlots(template: TemplateDef): SlotDef[] {
  const slots: SlotDef[] = template.preface ? [template.preface] : [];
  for (const s of template.sections) for (const b of s.blocks) if (b.kind === 'prose') slots.push(b.slot);
  return slots;
}

const SELF_REF: Record<UnitKind, string> = {
  township: '我镇',
  subdistrict: '我街道',
  'county-department': '本机关',
  other: '本单位',
};

/** How the report names the unit itself: the clerk's choice, else 我镇 / 我街道 / 本机关 / 本单位. */
export function selfRef(unit: Draft['unit']): string {
  return unit.selfRef.trim() || SELF_REF[unit.kind];
}

export function signatureOf(unit: Draft['unit']): string {
  return unit.signature.trim() || unit.name.trim();
}

const UNIT_FIRST = /^\{unit\}\{year\}(年度?)/;
const YEAR_FIRST = /^\{year\}(年度?)\{unit\}/;

/**
 * A variant's title pattern with unit and year in the order the draft chose (v3 `titleOrder`):
 * 永昌县2014年… and 2014年永昌县… are the same title worded by two units. A pattern that does not
 * open with the two side by side is left as it is.
 */
export function titlePattern(
  template: TemplateDef,
  draft: Pick<Draft, 'variant'> & Partial<Pick<Draft, 'titleOrder'>>,
): string {
  const pattern = variantOf(template, draft.variant).title;
  if (draft.titleOrder === 'year-first') return pattern.replace(UNIT_FIRST, '{year}$1{unit}');
  if (draft.titleOrder === 'unit-first') return pattern.replace(YEAR_FIRST, '{unit}{year}$1');
  return pattern;
}

/** The order of unit and year a title pattern has; null where they are not side by side at its start. */
export function titleOrderOf(pattern: string): TitleOrder | null {
  if (UNIT_FIRST.test(pattern)) return 'unit-first';
  if (YEAR_FIRST.test(pattern)) return 'year-first';
  return null;
}

/** The document title, e.g. 寮步镇人民政府2025年政府信息公开工作年度报告. */
export function documentTitle(
  template: TemplateDef,
  draft: Pick<Draft, 'variant' | 'year' | 'unit'> & Partial<Pick<Draft, 'titleOrder'>>,
): string {
  return titlePattern(template, draft)
    .replaceAll('{unit}', draft.unit.name.trim() || '（单位名称）')
    .replaceAll('{year}', String(draft.year));
}

const fieldMaps = new WeakMap<TemplateDef, ReadonlyMap<string, FieldDef>>();

/** Fields by id; built once per template, since every check and export looks fields up. */
export function fieldMap(template: TemplateDef): ReadonlyMap<string, FieldDef> {
  let map = fieldMaps.get(template);
  if (!map) fieldMaps.set(template, (map = new Map(template.fields.map((f) => [f.id, f]))));
  return map;
}

export const isComputed = (f: FieldDef): boolean => Boolean(f.sum || f.listSum);
