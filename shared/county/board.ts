import { openCounts, runChecks, type Finding } from '../report/checks';
import { savedLater } from '../report/consolidate';
import type { Draft } from '../report/draft';
import type { TemplateDef, UnitKind } from '../report/template';
import { findTemplate } from '../report/templates';
import { isLate, type ReceivedFile, type Workspace } from './workspace';

/** 已报送 / 逾期 (came after the deadline) / 未报送. */
export type UnitStatus = 'submitted' | 'late' | 'missing';

/** One line of the status board. */
export interface BoardRow {
  unit: string;
  kind: UnitKind;
  contact: string;
  /** On the 名单; a unit that sent a report without being on it is shown too, marked. */
  listed: boolean;
  status: UnitStatus;
  /** The file the board reads for the unit: the newest the unit saved. */
  file: ReceivedFile | null;
  /** When the unit's first file came: lateness is about when the county first had a report. */
  firstReceivedAt: string;
  /** Every file of the unit, newest first (the current one included). */
  history: ReceivedFile[];
  /** The report is of another year than the workspace's. */
  wrongYear: boolean;
  /** The report follows a template not in force for the workspace's year (a 2012 township form for 2025). */
  oldFormat: boolean;
  errors: number;
  warnings: number;
  /** Share of this year's text repeated from the unit's own last year, 0–1; null where not known. */
  repeatShare: number | null;
}

/** What the board knows of a received file once it was read. */
export interface LoadedFile {
  draft: Draft;
  findings: Finding[];
}

/** The checks of a draft by its own template; a template this version does not know has none to run. */
export function checkDraft(draft: Draft): Finding[] {
  const template = findTemplate(draft.template);
  return template ? runChecks(template, draft) : [];
}

export const inForce = (template: TemplateDef | undefined, year: number): boolean =>
  !!template && (template.years.from ?? -Infinity) <= year && year <= (template.years.to ?? Infinity);

/** The file a unit's newest report is in: saved later wins, then came later (a re-sent old copy does not). */
export function currentFile(files: readonly ReceivedFile[]): ReceivedFile | null {
  return (
    [...files].sort(
      (a, b) =>
        (savedLater(b.savedAt, a.savedAt) ? 1 : savedLater(a.savedAt, b.savedAt) ? -1 : 0) ||
        b.receivedAt.localeCompare(a.receivedAt),
    )[0] ?? null
  );
}

/**
 * The board: every unit on the 名单 in its order, then any unit that sent a report without being
 * on it. Files waiting for the clerk's choice of unit are not on any row yet (pendingFiles).
 */
export function boardRows(
  workspace: Workspace,
  loaded: ReadonlyMap<string, LoadedFile>,
  repeatShare: (draft: Draft) => number | null = () => null,
): BoardRow[] {
  const byUnit = new Map<string, ReceivedFile[]>();
  for (const f of workspace.files)
    if (f.match !== 'pending') byUnit.set(f.unit, [...(byUnit.get(f.unit) ?? []), f]);
  const listed = new Set(workspace.roster.map((e) => e.name));
  const row = (unit: string, kind: UnitKind, contact: string, isListed: boolean): BoardRow => {
    const files = byUnit.get(unit) ?? [];
    const file = currentFile(files);
    const first = files.map((f) => f.receivedAt).sort()[0] ?? '';
    const opened = file ? loaded.get(file.id) : undefined;
    const template = file ? findTemplate(file.template) : undefined;
    const counts = opened ? openCounts(opened.findings) : { errors: 0, warnings: 0 };
    return {
      unit,
      kind: opened?.draft.unit.kind && !isListed ? opened.draft.unit.kind : kind,
      contact,
      listed: isListed,
      status: !file ? 'missing' : isLate(first, workspace.deadline) ? 'late' : 'submitted',
      file,
      firstReceivedAt: first,
      history: file
        ? [file, ...files.filter((f) => f !== file).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))]
        : [],
      wrongYear: !!file && file.year !== workspace.year,
      oldFormat: !!file && !inForce(template, workspace.year),
      ...counts,
      repeatShare: opened ? repeatShare(opened.draft) : null,
    };
  };
  const rows = workspace.roster.map((e) => row(e.name, e.kind, e.contact, true));
  for (const unit of byUnit.keys()) if (!listed.has(unit)) rows.push(row(unit, 'other', '', false));
  return rows;
}

export const pendingFiles = (workspace: Workspace): ReceivedFile[] =>
  workspace.files.filter((f) => f.match === 'pending');

/** 报送情况: the page for the leadership, every number with the units behind it. */
export interface SubmissionReport {
  year: number;
  deadline: string;
  expected: number;
  /** Listed units with a report, on time or late. */
  reported: string[];
  late: string[];
  missing: string[];
  withErrors: string[];
  wrongYear: string[];
  oldFormat: string[];
  /** Units that sent a report without being on the 名单. */
  unlisted: string[];
}

export function submissionReport(workspace: Workspace, rows: readonly BoardRow[]): SubmissionReport {
  const names = (keep: (r: BoardRow) => boolean) => rows.filter(keep).map((r) => r.unit);
  return {
    year: workspace.year,
    deadline: workspace.deadline,
    expected: workspace.roster.length,
    reported: names((r) => r.listed && r.status !== 'missing'),
    late: names((r) => r.status === 'late'),
    missing: names((r) => r.status === 'missing'),
    withErrors: names((r) => r.errors > 0),
    wrongYear: names((r) => r.wrongYear),
    oldFormat: names((r) => r.oldFormat),
    unlisted: names((r) => !r.listed),
  };
}

/** Units whose report the county should send back: errors, wrong year or an old form. */
export const hasProblems = (r: BoardRow): boolean =>
  r.status !== 'missing' && (r.errors > 0 || r.warnings > 0 || r.wrongYear || r.oldFormat);
