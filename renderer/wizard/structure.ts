import type { FindingLocation } from '../../shared/report/checks/finding';
import type { Draft } from '../../shared/report/draft';
import { fieldMap, isComputed, resolveSections, type ResolvedSection } from '../../shared/report/model';
import { carriedParagraphs } from '../../shared/report/checks/carried';
import { prefilledFromPrevious } from '../../shared/report/prefilled';
import type { Condition, FieldDef, SentencePart, SlotDef, TemplateDef } from '../../shared/report/template';

/**
 * The wizard's steps, read from the template alone: 基本信息 (with the 前言), one step per section
 * of the draft's variant, one for 附件 tables printed after the signature, and the export step.
 * Nothing here knows a template by name.
 */
/**
 * Step ids are the section ids, and for the steps of the wizard's own a name with a leading @,
 * which no section of a template can take over (the township template has a section `basic`).
 */
export const BASIC = '@basic' as const;
export const ATTACHMENTS = '@attachments' as const;
export const EXPORT = '@export' as const;

export type Step =
  | { kind: 'basic'; id: typeof BASIC }
  /** `omitted`: the clerk left the section out; its step stays, so it can be brought back. */
  | { kind: 'section'; id: string; section: ResolvedSection; omitted?: boolean }
  | { kind: 'attachments'; id: typeof ATTACHMENTS; tables: string[] }
  | { kind: 'export'; id: typeof EXPORT };

export interface WizardStructure {
  steps: Step[];
  /** The step where each field, slot and table is entered, so a finding can be jumped to. */
  stepOfField: ReadonlyMap<string, string>;
  stepOfSlot: ReadonlyMap<string, string>;
  /**
   * Numbers in no table and not computed (本年收取信息处理费): entered beside the prose slot whose
   * generated sentence quotes them, since that is where the clerk sees what they are for.
   */
  looseFieldsBySlot: ReadonlyMap<string, FieldDef[]>;
}

/** Draft fields outside the template that the checks point at (see shared/report/checks/locate.ts). */
const BASIC_FIELDS = ['unit.name', 'issuedOn'];

function conditionFields(c: Condition): string[] {
  if ('allZero' in c) return c.allZero;
  if ('positive' in c) return [c.positive];
  if ('listNonEmpty' in c) return [];
  return conditionFields(c.not);
}

function partFields(part: SentencePart): string[] {
  if (typeof part === 'string') return [...part.matchAll(/\{v:([^{}]+)\}/g)].map((m) => m[1]!);
  if ('each' in part) return [];
  return [
    ...conditionFields(part.if),
    ...part.then.flatMap(partFields),
    ...(part.else ?? []).flatMap(partFields),
  ];
}

export function wizardStructure(
  template: TemplateDef,
  variant: string,
  overrides: Draft['sections'] = {},
): WizardStructure {
  const sections = resolveSections(template, { variant });
  // Steps are named as the sections print: the clerk's wording, numbered without the ones left out.
  const printed = new Map(resolveSections(template, { variant, sections: overrides }).map((s) => [s.id, s]));
  const stepOf = (section: ResolvedSection): Step => {
    const own = printed.get(section.id);
    if (own) return { kind: 'section', id: section.id, section: own };
    const title = overrides[section.id]?.title?.trim() || section.heading.slice(section.numeral.length + 1);
    return {
      kind: 'section',
      id: section.id,
      section: { ...section, numeral: '', heading: title },
      omitted: true,
    };
  };
  const inSections = new Set(
    sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []))),
  );
  const attachmentTables = template.attachments.filter((id) => !inSections.has(id));
  const steps: Step[] = [
    { kind: 'basic', id: BASIC },
    ...sections.map(stepOf),
    ...(attachmentTables.length > 0
      ? [{ kind: 'attachments' as const, id: ATTACHMENTS, tables: attachmentTables }]
      : []),
    { kind: 'export', id: EXPORT },
  ];

  const stepOfTable = new Map<string, string>();
  const stepOfSlot = new Map<string, string>();
  const stepOfList = new Map<string, string>();
  if (template.preface) stepOfSlot.set(template.preface.id, BASIC);
  for (const s of sections)
    for (const b of s.blocks) {
      if (b.kind === 'prose') stepOfSlot.set(b.slot.id, s.id);
      else if (b.kind === 'table') stepOfTable.set(b.table, s.id);
      else stepOfList.set(b.list, s.id);
    }
  for (const id of attachmentTables) stepOfTable.set(id, ATTACHMENTS);

  const stepOfField = new Map<string, string>(BASIC_FIELDS.map((f) => [f, BASIC]));
  for (const table of template.tables) {
    const step = stepOfTable.get(table.id);
    if (!step) continue;
    for (const row of table.rows)
      for (const cell of row.cells) if ('field' in cell) stepOfField.set(cell.field, step);
  }
  for (const f of template.fields) {
    const step = f.listSum ? stepOfList.get(f.listSum) : undefined;
    if (step && !stepOfField.has(f.id)) stepOfField.set(f.id, step);
  }

  const looseFieldsBySlot = new Map<string, FieldDef[]>();
  const fields = new Map(template.fields.map((f) => [f.id, f]));
  for (const sentence of template.sentences) {
    const step = stepOfSlot.get(sentence.slot);
    if (!step) continue;
    for (const id of new Set(sentence.parts.flatMap(partFields))) {
      const field = fields.get(id);
      if (!field || isComputed(field) || stepOfField.has(id)) continue;
      stepOfField.set(id, step);
      looseFieldsBySlot.set(sentence.slot, [...(looseFieldsBySlot.get(sentence.slot) ?? []), field]);
    }
  }
  return { steps, stepOfField, stepOfSlot, looseFieldsBySlot };
}

/** The step a finding is about, for the jump from the checks panel and the counts in the step list. */
export function stepOfFinding(structure: WizardStructure, at: FindingLocation): string {
  if (at.slot !== undefined) {
    const step = structure.stepOfSlot.get(at.slot);
    if (step) return step;
  }
  if (at.field !== undefined) {
    const step = structure.stepOfField.get(at.field);
    if (step) return step;
  }
  if (at.section !== undefined && structure.steps.some((s) => s.id === at.section)) return at.section;
  if (
    at.table !== undefined &&
    structure.steps.some((s) => s.kind === 'attachments' && s.tables.includes(at.table!))
  )
    return ATTACHMENTS;
  return BASIC;
}

/** The slots a step edits: the 前言 on 基本信息, a section's prose slots on its own step. */
export function slotsOfStep(template: TemplateDef, step: Step): SlotDef[] {
  if (step.kind === 'basic') return template.preface ? [template.preface] : [];
  if (step.kind !== 'section') return [];
  return step.section.blocks.flatMap((b) => (b.kind === 'prose' ? [b.slot] : []));
}

/**
 * Paragraphs on a step that are still last year's words, neither edited nor confirmed (上年内容):
 * a step of them is not this year's report yet, however full it looks.
 */
export function carriedOnStep(template: TemplateDef, draft: Draft, step: Step): number {
  if (step.kind === 'section' && step.omitted) return 0;
  return slotsOfStep(template, step).reduce((n, slot) => n + carriedParagraphs(draft, slot.id).length, 0);
}

/** Unit data the 前言 and the signature need; each one left empty is something still to do on 基本信息. */
const BASIC_REQUIRED = ['name', 'address', 'phone', 'website'] as const;

/** The tables a step edits: those in a section's blocks, or the 附件 tables. */
export function tablesOfStep(step: Step): string[] {
  if (step.kind === 'attachments') return step.tables;
  if (step.kind !== 'section') return [];
  return step.section.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
}

/**
 * Tables of the step where the clerk has entered nothing yet. A table with any number in it,
 * a deliberate 0 included, has been filled in; a table with nothing to report is confirmed by
 * filling its cells with 0. An untouched grid is not a finished one, even though its totals are 0;
 * nor is one holding only what a start from last year's report put in (上年结转, 现行有效件数 at
 * last year's figure).
 */
export function untouchedTables(template: TemplateDef, draft: Draft, step: Step): string[] {
  const fields = fieldMap(template);
  const prefilled = prefilledFromPrevious(template, draft.previous);
  const typed = (id: string) => {
    const f = fields.get(id);
    return f !== undefined && !isComputed(f);
  };
  const entered = (id: string) => {
    const value = draft.values[id];
    return value !== undefined && prefilled.get(id) !== value;
  };
  return tablesOfStep(step).filter((id) => {
    const table = template.tables.find((tb) => tb.id === id);
    const inputs = (table?.rows ?? []).flatMap((r) =>
      r.cells.flatMap((c) => ('field' in c && typed(c.field) ? [c.field] : [])),
    );
    return inputs.length > 0 && !inputs.some(entered);
  });
}

/**
 * How many things on a step are still empty: prose slots, tables nobody has filled in, and on
 * 基本信息 the unit's data and the 成文日期.
 */
export function missingOnStep(template: TemplateDef, draft: Draft, step: Step): number {
  if (step.kind === 'section' && step.omitted) return 0;
  const emptySlots = slotsOfStep(template, step).filter(
    (s) => (draft.prose[s.id] ?? '').trim() === '',
  ).length;
  if (step.kind !== 'basic') return emptySlots + untouchedTables(template, draft, step).length;
  const emptyUnit = BASIC_REQUIRED.filter((k) => draft.unit[k].trim() === '').length;
  return emptySlots + emptyUnit + (draft.issuedOn === '' ? 1 : 0);
}
