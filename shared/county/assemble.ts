import { keyFields } from '../report/consolidate';
import type { Draft } from '../report/draft';
import { findTemplate } from '../report/templates';
import { computeValues } from '../report/totals';
import { boardRows, pendingFiles, submissionReport, type LoadedFile } from './board';
import { applicationBars, countySummary, resultBars } from './totals';
import type { CountyView } from './view';
import type { Workspace } from './workspace';

/** Everything the county screen shows, from the workspace and its files as read and checked. */
export function assembleView(
  workspace: Workspace,
  loaded: ReadonlyMap<string, LoadedFile>,
  options: {
    earlierYears: number[];
    notices: CountyView['notices'];
    repeatShare?: (draft: Draft) => number | null;
  },
): CountyView {
  const rows = boardRows(workspace, loaded, options.repeatShare);
  const totals = countySummary(workspace, rows, loaded, workspace.issuer || undefined);
  const values = computeValues(totals.template, totals.summary);
  return {
    year: workspace.year,
    deadline: workspace.deadline,
    issuer: workspace.issuer,
    roster: workspace.roster,
    rows,
    pending: pendingFiles(workspace),
    report: submissionReport(workspace, rows),
    totals: {
      template: totals.template.id,
      templateName: totals.template.name,
      units: totals.units.map((u) => u.name),
      figures: keyFields(totals.template).map((f) => ({
        id: f.id,
        label: f.label,
        unit: f.unit ?? '',
        value: values.get(f.id) ?? 0,
      })),
      results: resultBars(totals.template, values),
      applications: applicationBars(totals.template, totals.units),
    },
    earlierYears: options.earlierYears,
    notices: options.notices,
  };
}

export const templateName = (id: string): string => findTemplate(id)?.name ?? id;
