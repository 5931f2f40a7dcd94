import { mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { UserMessage } from '../../shared/bridge';
import { boardRows, hasProblems, inForce, type BoardRow } from '../../shared/county/board';
import {
  feedbackItems,
  wholeReportItems,
  type FeedbackItem,
  type Translate,
} from '../../shared/county/feedback';
import { countySummary, countyTotals } from '../../shared/county/totals';
import { localDay } from '../../shared/county/workspace';
import { feedbackDocx } from '../../shared/export/feedback/docx';
import { findingsXlsx, type UnitFindings } from '../../shared/export/feedback/findings-xlsx';
import { createI18n } from '../../shared/i18n';
import { findTemplate, proposeTemplate } from '../../shared/report/templates';
import { roster, workbook } from '../../shared/export/xlsx/consolidation';
import { writeFileAtomic } from './atomic-file';
import type { CountyWorkspaces, OpenedWorkspace } from './county-workspace';
import { exportFailure } from './exports';
import { sanitizeFileName, withExtension, type ExportKind } from './file-names';

export interface CountyExportDeps {
  workspaces: CountyWorkspaces;
  chooseSavePath(suggestedName: string, kind: ExportKind): Promise<string | null>;
  now: () => Date;
}

type Written =
  | { ok: true; path: string; files: string[] }
  | { ok: false; error: UserMessage }
  | { ok: false; cancelled: true };

/** The county's documents are Chinese whatever the language of the screen, like the reports themselves. */
const zh: Translate = createI18n('zh-CN').t as unknown as Translate;

/** A unit's problems in plain words: its report's findings, and a wrong year or an old form before them. */
export function unitFeedback(opened: OpenedWorkspace, row: BoardRow): FeedbackItem[] {
  const loaded = row.file ? opened.loaded.get(row.file.id) : undefined;
  if (!loaded) return [];
  const year = opened.workspace.year;
  const own = findTemplate(loaded.draft.template);
  const whole = wholeReportItems(
    loaded.draft,
    year,
    !inForce(own, year),
    own?.name ?? loaded.draft.template,
    proposeTemplate(year).name,
    zh,
  );
  return [...whole, ...(own ? feedbackItems(own, loaded.draft, loaded.findings, zh) : [])];
}

/**
 * 审核意见 and 汇总 written to the clerk's disk. The letters go into one folder, named for the
 * year, beside the workbook of all findings the clerk chose a place for.
 */
export class CountyExporter {
  constructor(private readonly deps: CountyExportDeps) {}

  /** Letters for the units named, or for every unit with something to send back when `units` is null. */
  async feedback(year: number, units: string[] | null): Promise<Written> {
    const opened = await this.deps.workspaces.load(year);
    const rows = boardRows(opened.workspace, opened.loaded).filter((r) =>
      units === null ? hasProblems(r) : units.includes(r.unit) && r.file !== null,
    );
    if (rows.length === 0) return { ok: false, error: { key: 'county.export.nothing', params: {} } };
    // One unit asked for by name gets its letter alone; “all with problems” always gets the folder and the workbook.
    const single = units !== null && rows.length === 1 ? rows[0]!.unit : '';
    const suggested = single
      ? `${sanitizeFileName(zh('county.doc.title', { unit: single, year }))}.docx`
      : `${sanitizeFileName(zh('county.doc.sheetTitle', { year }))}.xlsx`;
    const chosen = await this.deps.chooseSavePath(suggested, single ? 'docx' : 'xlsx');
    if (chosen === null) return { ok: false, cancelled: true };
    const today = localDay(this.deps.now().toISOString());
    const dueBy = today <= opened.workspace.deadline ? opened.workspace.deadline : '';
    const letter = (row: BoardRow, items: FeedbackItem[]) =>
      feedbackDocx(
        {
          unit: row.unit,
          year,
          fileName: row.file!.fileName,
          receivedOn: localDay(row.file!.receivedAt),
          items,
          issuer: opened.workspace.issuer,
          issuedOn: today,
          dueBy,
        },
        zh,
      );
    const files: string[] = [];
    let target = chosen;
    try {
      if (single) {
        target = withExtension(chosen, 'docx');
        await writeFileAtomic(target, await letter(rows[0]!, unitFeedback(opened, rows[0]!)));
        files.push(target);
        return { ok: true, path: target, files };
      }
      target = withExtension(chosen, 'xlsx');
      const folder = join(dirname(target), basename(target, '.xlsx'));
      await mkdir(folder, { recursive: true });
      const all: UnitFindings[] = [];
      for (const row of rows) {
        const items = unitFeedback(opened, row);
        all.push({ unit: row.unit, fileName: row.file!.fileName, items });
        const path = join(
          folder,
          `${sanitizeFileName(zh('county.doc.title', { unit: row.unit, year }))}.docx`,
        );
        target = path;
        await writeFileAtomic(path, await letter(row, items));
        files.push(path);
      }
      target = withExtension(chosen, 'xlsx');
      await writeFileAtomic(target, await findingsXlsx(year, all, zh));
      return { ok: true, path: target, files };
    } catch (error) {
      return { ok: false, error: exportFailure(error, target) };
    }
  }

  /** 汇总.xlsx: the county totals with the 报送情况 and a row per unit, as `nianbao consolidate --xlsx` writes it. */
  async totals(year: number): Promise<Written> {
    const opened = await this.deps.workspaces.load(year);
    const rows = boardRows(opened.workspace, opened.loaded);
    const result = countyTotals(opened.workspace, rows, opened.loaded, opened.workspace.issuer || undefined);
    if (result.units.length === 0) return { ok: false, error: { key: 'county.export.noTotals', params: {} } };
    const expected = opened.workspace.roster.map((e) => e.name);
    const lines = roster(result, expected, []);
    const unfinished =
      lines.some((r) => r.status === 'missing' || (r.errors ?? 0) > 0) || result.unexpected.length > 0;
    const chosen = await this.deps.chooseSavePath(
      `${sanitizeFileName(zh('county.doc.totalsTitle', { year }))}.xlsx`,
      'xlsx',
    );
    if (chosen === null) return { ok: false, cancelled: true };
    const target = withExtension(chosen, 'xlsx');
    try {
      await writeFileAtomic(target, await workbook(result, lines, unfinished));
      return { ok: true, path: target, files: [target] };
    } catch (error) {
      return { ok: false, error: exportFailure(error, target) };
    }
  }
}

/** The county totals as a draft of the form in force, for the county's own report in the wizard. */
export async function totalsDraft(workspaces: CountyWorkspaces, year: number) {
  const opened = await workspaces.load(year);
  const rows = boardRows(opened.workspace, opened.loaded);
  const result = countySummary(opened.workspace, rows, opened.loaded, opened.workspace.issuer || undefined);
  return result.units.length === 0 ? null : result.summary;
}
