import { openCounts, runChecks, type Finding } from './checks';
import type { Draft, ListItem } from './draft';
import { newDraft } from './draft-io';
import { isComputed } from './model';
import type { FieldDef, TemplateDef } from './template';
import { findTemplate, TEMPLATES } from './templates';

/**
 * The county level (domain §7): many units' draft files in, one summary draft out, with every
 * unit checked and the units that did not submit named. Pure: the caller reads the files.
 */

/** A draft that was read, with the file it came from. */
export interface Submission {
  file: string;
  draft: Draft;
}

export interface UnitResult {
  /** The unit's name as the draft gives it, spaces unified; empty when the clerk left it blank. */
  name: string;
  file: string;
  draft: Draft;
  findings: Finding[];
  errors: number;
  /** Warnings not acknowledged by the unit's clerk. */
  warnings: number;
}

/**
 * A draft left out of the summary: another reporting year, another template, an older copy of a
 * unit's file, or a unit not on the expected list.
 */
export interface Skipped {
  file: string;
  name: string;
  year: number;
  template: string;
  reason: 'year' | 'template' | 'duplicate' | 'unexpected';
  /** For a duplicate: the file of the same unit that was kept instead. */
  kept?: string;
}

export interface Target {
  template: TemplateDef;
  year: number;
}

export interface Consolidation extends Target {
  /** Units in the order of the expected list; without a list, in the order given. */
  units: UnitResult[];
  skipped: Skipped[];
  /** Expected units with no draft of the target year and template (未报送). */
  missing: string[];
  /**
   * Units that submitted but are not on the expected list, left out of the summary: often a listed
   * unit's file re-sent under another name (乙镇政府 for 乙镇人民政府), which would count twice.
   * Empty when there is no list.
   */
  unexpected: string[];
  /** Every entered number summed over the units; totals follow from computeValues as in any draft. */
  summary: Draft;
}

export interface ConsolidateOptions {
  /** Unit name of the summary; 汇总 by default. */
  summaryUnit?: string;
  /** Unit names from expectedUnits(); without a list nobody is missing. */
  expected?: string[];
  now?: Date;
}

/**
 * How names are compared: clerks type them with an IME, so a full-width space (U+3000) and a
 * half-width one mean the same, and spaces at either end mean nothing.
 */
export const normalizeName = (name: string): string => name.replace(/\s+/gu, ' ').trim();

/**
 * The text of an expected list as a county clerk saves it: WPS and Notepad on a Chinese Windows
 * write GBK or UTF-16 ("Unicode") as readily as UTF-8. A byte order mark decides; otherwise strict
 * UTF-8, and GB18030 (a superset of GBK) when the bytes are not UTF-8.
 */
export function decodeList(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The expected units: one name a line; blank lines and # comments ignored, repeats dropped. */
export function expectedUnits(text: string): string[] {
  const names = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => normalizeName(line.replace(/[#＃].*/u, '')))
    .filter((name) => name !== '');
  return [...new Set(names)];
}

/**
 * The year and template to consolidate: the ones given, else the most common among the drafts
 * (a later year, then the newer template, wins a tie). Null when nothing is given and there is no draft.
 */
export function chooseTarget(
  drafts: Draft[],
  given: { template?: TemplateDef; year?: number },
): Target | null {
  const year =
    given.year ??
    mostCommon(
      drafts.filter((d) => !given.template || d.template === given.template.id).map((d) => d.year),
      (a, b) => b - a,
    ) ??
    mostCommon(
      drafts.map((d) => d.year),
      (a, b) => b - a,
    );
  const templateId =
    given.template?.id ??
    mostCommon(
      drafts.filter((d) => d.year === year).map((d) => d.template),
      (a, b) => templateRank(a) - templateRank(b),
    );
  const template = given.template ?? (templateId === undefined ? undefined : findTemplate(templateId));
  return year === undefined || !template ? null : { template, year };
}

const templateRank = (id: string) => TEMPLATES.findIndex((t) => t.id === id);

function mostCommon<T>(items: T[], tieOrder: (a: T, b: T) => number): T | undefined {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || tieOrder(a[0], b[0]))[0]?.[0];
}

/** Checks every unit of the target year and template, and adds their numbers up into one summary draft. */
export function consolidate(
  target: Target,
  submissions: Submission[],
  options: ConsolidateOptions = {},
): Consolidation {
  const { template, year } = target;
  const expected = options.expected?.map(normalizeName);
  const listed = new Set(expected);
  const skipped: Skipped[] = [];
  const skip = (s: Submission, reason: Skipped['reason']) => {
    const entry: Skipped = {
      file: s.file,
      name: normalizeName(s.draft.unit.name),
      year: s.draft.year,
      template: s.draft.template,
      reason,
    };
    skipped.push(entry);
    return entry;
  };
  const byUnit = new Map<string, Submission>();
  // A later copy may still replace the file an earlier one lost to: name the kept file once all are seen.
  const duplicates: [Skipped, string][] = [];

  for (const s of submissions) {
    const name = normalizeName(s.draft.unit.name);
    if (s.draft.year !== year) skip(s, 'year');
    else if (s.draft.template !== template.id) skip(s, 'template');
    else if (expected && !listed.has(name)) skip(s, 'unexpected');
    else {
      // A unit without a name cannot be matched with another: it stands on its own file.
      const key = name || `\0${s.file}`;
      const other = byUnit.get(key);
      if (!other) byUnit.set(key, s);
      else {
        // On a tie the file given first stays.
        const [newer, older] = savedLater(s.draft.meta.updatedAt, other.draft.meta.updatedAt)
          ? [s, other]
          : [other, s];
        byUnit.set(key, newer);
        duplicates.push([skip(older, 'duplicate'), key]);
      }
    }
  }
  for (const [entry, key] of duplicates) entry.kept = byUnit.get(key)!.file;

  const rank = (name: string) => {
    const i = expected?.indexOf(name) ?? -1;
    return i < 0 ? Infinity : i;
  };
  const units = [...byUnit.values()]
    .map((s, order) => ({ s, order, name: normalizeName(s.draft.unit.name) }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.order - b.order)
    .map(({ s, name }): UnitResult => {
      const findings = runChecks(template, s.draft);
      return { name, file: s.file, draft: s.draft, findings, ...openCounts(findings) };
    });

  const present = new Set(units.map((u) => u.name));
  return {
    template,
    year,
    units,
    skipped,
    missing: expected?.filter((name) => !present.has(name)) ?? [],
    unexpected: [...new Set(skipped.filter((s) => s.reason === 'unexpected').map((s) => s.name))],
    summary: summaryDraft(
      target,
      units.map((u) => u.draft),
      options,
    ),
  };
}

/**
 * Whether a draft was saved after another. Times are compared as instants, since one machine
 * writes 16:30+08:00 where another writes 08:30Z; text that is not a time is compared as text.
 */
export function savedLater(a: string, b: string): boolean {
  const [at, bt] = [Date.parse(a), Date.parse(b)];
  return Number.isNaN(at) || Number.isNaN(bt) ? a > b : at > bt;
}

/**
 * The county summary as a draft of its own: entered numbers summed per field, category lists
 * merged by label. Totals are never stored, so they come out of computeValues exactly as for a
 * unit, and every balance rule (R1–R4) that holds in each unit holds in the sum.
 */
export function summaryDraft(
  target: Target,
  drafts: Draft[],
  options: Pick<ConsolidateOptions, 'summaryUnit' | 'now'> = {},
): Draft {
  const { template, year } = target;
  const summary = newDraft({
    template,
    year,
    unit: { name: options.summaryUnit?.trim() || '汇总', kind: 'other' },
    variant: mostCommon(
      drafts.map((d) => d.variant),
      () => 0,
    ),
    now: options.now,
  });
  for (const field of template.fields) {
    if (isComputed(field)) continue;
    // Money is added in units of its last decimal, so 0.1 + 0.2 stays 0.3 (R5: counts are integers).
    const scale = field.kind === 'money' ? 10 ** (field.decimals ?? 2) : 1;
    const units = drafts.reduce((acc, d) => acc + Math.round((d.values[field.id] ?? 0) * scale), 0);
    summary.values[field.id] = units / scale;
  }
  summary.lists = Object.fromEntries(
    template.lists.map((list) => [list.id, mergeItems(drafts.map((d) => d.lists[list.id] ?? []))]),
  );
  return summary;
}

/** Items of the same label (spaces unified) become one, their values added, in the order first seen. */
function mergeItems(lists: ListItem[][]): ListItem[] {
  const merged = new Map<string, ListItem>();
  for (const item of lists.flat()) {
    const label = normalizeName(item.label);
    const into = merged.get(label);
    if (into) into.value = Math.round((into.value + item.value) * 10_000) / 10_000;
    else merged.set(label, { label, value: item.value });
  }
  return [...merged.values()];
}

/**
 * The numbers that say most about a unit in one row: every total, and every entered number that no
 * total adds up (table 三's 总计 column, table 二's rows, 行政事业性收费 …), in template order.
 */
export function keyFields(template: TemplateDef): FieldDef[] {
  const parts = new Set(template.fields.flatMap((f) => f.sum ?? []));
  return template.fields.filter((f) => !parts.has(f.id));
}
