import { consolidate, summaryDraft, type Consolidation, type Submission } from '../report/consolidate';
import type { Draft } from '../report/draft';
import type { FieldDef, TemplateDef } from '../report/template';
import { proposeTemplate } from '../report/templates';
import { computeValues, sumExact, type Values } from '../report/totals';
import type { BoardRow, LoadedFile } from './board';
import type { Workspace } from './workspace';

/** The current reports of the listed units, each under its listed name (乙镇政府's report is 乙镇人民政府's). */
function listedReports(rows: readonly BoardRow[], loaded: ReadonlyMap<string, LoadedFile>): Submission[] {
  const out: Submission[] = [];
  for (const r of rows) {
    const draft = r.listed && r.file ? loaded.get(r.file.id)?.draft : undefined;
    if (draft)
      out.push({ file: r.file!.fileName, draft: { ...draft, unit: { ...draft.unit, name: r.unit } } });
  }
  return out;
}

/**
 * 汇总 as the county's workbook needs it: the units on the 名单 whose current report is of the
 * workspace's year and on the form in force, checked and added up by `consolidate`, with the
 * missing and the left-out named.
 */
export function countyTotals(
  workspace: Workspace,
  rows: readonly BoardRow[],
  loaded: ReadonlyMap<string, LoadedFile>,
  summaryUnit?: string,
): Consolidation {
  return consolidate(
    { template: proposeTemplate(workspace.year), year: workspace.year },
    listedReports(rows, loaded),
    {
      expected: workspace.roster.map((e) => e.name),
      summaryUnit,
    },
  );
}

/**
 * The same sum for the board, without checking every report a second time (the board has the
 * findings already): at 500 units that halves the time to open a workspace.
 */
export function countySummary(
  workspace: Workspace,
  rows: readonly BoardRow[],
  loaded: ReadonlyMap<string, LoadedFile>,
  summaryUnit?: string,
): { template: TemplateDef; units: { name: string; draft: Draft }[]; summary: Draft } {
  const target = { template: proposeTemplate(workspace.year), year: workspace.year };
  const units = listedReports(rows, loaded)
    .filter((s) => s.draft.year === target.year && s.draft.template === target.template.id)
    .map((s) => ({ name: s.draft.unit.name, draft: s.draft }));
  return {
    ...target,
    units,
    summary: summaryDraft(
      target,
      units.map((u) => u.draft),
      { summaryUnit },
    ),
  };
}

export interface Bar {
  label: string;
  value: number;
}

/**
 * Where a template keeps 依申请: the rules that weigh applications against how they ended (R1:
 * 一＋二＝（七）总计＋四; 答复总数 ≤ 申请数 in the old forms). The side with a total of results is
 * the results; the first field of the other side is the applications. Read from the rules, so a
 * new template needs no code here.
 */
interface ApplicationRule {
  applications: string;
  results: string[];
}

function applicationRules(template: TemplateDef): ApplicationRule[] {
  const fields = new Map(template.fields.map((f) => [f.id, f]));
  const found: ApplicationRule[] = [];
  for (const r of template.rules) {
    if (r.kind !== 'balance' && r.kind !== 'at-most') continue;
    const sides = [r.left, r.right];
    const i = sides.findIndex((side) => (fields.get(side[0] ?? '')?.sum?.length ?? 0) > 1);
    const other = sides[1 - i]?.[0];
    if (i < 0 || other === undefined) continue;
    found.push({ applications: other, results: fields.get(sides[i]![0]!)!.sum! });
  }
  // The rules over single applicant columns name each result row once; a 总计 column sums columns instead.
  const most = Math.max(0, ...found.map((f) => f.results.length));
  return found.filter((f) => f.results.length === most);
}

/** A result row's name: the label up to its column (“（三）不予公开1.属于国家秘密 / 自然人”). */
const rowLabel = (f: FieldDef | undefined, id: string) => (f?.label ?? id).split(' / ')[0]!;

/** The county's 依申请 results, summed over the applicant columns; rows with no case are left out. */
export function resultBars(template: TemplateDef, values: Values): Bar[] {
  const rules = applicationRules(template);
  const fields = new Map(template.fields.map((f) => [f.id, f]));
  return (rules[0]?.results ?? [])
    .map((id, i) => ({
      label: rowLabel(fields.get(id), id),
      value: sumExact(rules.map((r) => values.get(r.results[i]!) ?? 0)),
    }))
    .filter((b) => b.value !== 0);
}

/** Each unit's new applications (本年新收), the figure the county is asked about first. */
export function applicationBars(
  template: TemplateDef,
  units: readonly { name: string; draft: Draft }[],
): Bar[] {
  const rules = applicationRules(template);
  return units.map((u) => {
    const values = computeValues(template, u.draft);
    return { label: u.name, value: sumExact(rules.map((r) => values.get(r.applications) ?? 0)) };
  });
}
