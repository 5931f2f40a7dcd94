import type { Draft } from './draft';
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

/** The document title, e.g. 寮步镇人民政府2025年政府信息公开工作年度报告. */
export function documentTitle(
  template: TemplateDef,
  draft: Pick<Draft, 'variant' | 'year' | 'unit'>,
): string {
  return variantOf(template, draft.variant)
    .title.replaceAll('{unit}', draft.unit.name.trim() || '（单位名称）')
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
