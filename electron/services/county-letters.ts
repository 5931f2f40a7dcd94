import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { inForce } from '../../shared/county/board';
import {
  feedbackItems,
  wholeReportItems,
  type FeedbackItem,
  type Translate,
} from '../../shared/county/feedback';
import { isLate, localDay } from '../../shared/county/workspace';
import { feedbackDocx } from '../../shared/export/feedback/docx';
import { runChecks } from '../../shared/report/checks';
import type { Draft } from '../../shared/report/draft';
import { findTemplate, proposeTemplate } from '../../shared/report/templates';
import { writeFileAtomic } from './atomic-file';
import { sanitizeFileName } from './file-names';

/** A unit's report as `nianbao consolidate` read it from the clerk's folder. */
export interface ReadReport {
  unit: string;
  file: string;
  draft: Draft;
}

/** When a file came, as the county's folder tells: its modification time (e-mail clients and USB copies keep it). */
export async function receivedAt(file: string): Promise<string> {
  return (await stat(file)).mtime.toISOString();
}

/** The units whose file came after the deadline's day. */
export async function lateReports(
  reports: readonly ReadReport[],
  deadline: string,
): Promise<{ unit: string; file: string; receivedOn: string }[]> {
  const late = [];
  for (const r of reports) {
    const at = await receivedAt(r.file);
    if (isLate(at, deadline)) late.push({ unit: r.unit, file: r.file, receivedOn: localDay(at) });
  }
  return late;
}

/** What the county tells one unit: its report's year and form, then every open finding, in plain words. */
export function reportProblems(report: ReadReport, year: number, t: Translate): FeedbackItem[] {
  const own = findTemplate(report.draft.template);
  return [
    ...wholeReportItems(
      report.draft,
      year,
      !inForce(own, year),
      own?.name ?? report.draft.template,
      proposeTemplate(year).name,
      t,
    ),
    ...(own ? feedbackItems(own, report.draft, runChecks(own, report.draft), t) : []),
  ];
}

/**
 * 审核意见 for every report with something to fix, one .docx per unit in `dir`, named by its title.
 * Returns the files written.
 */
export async function writeLetters(
  dir: string,
  reports: readonly ReadReport[],
  options: { year: number; issuer: string; issuedOn: string; dueBy: string },
  t: Translate,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const report of reports) {
    const items = reportProblems(report, options.year, t);
    if (items.length === 0) continue;
    const bytes = await feedbackDocx(
      {
        unit: report.unit,
        year: options.year,
        fileName: report.file.split(/[\\/]/).pop() ?? report.file,
        receivedOn: localDay(await receivedAt(report.file)),
        items,
        issuer: options.issuer,
        issuedOn: options.issuedOn,
        dueBy: options.dueBy,
      },
      t,
    );
    const path = join(
      dir,
      `${sanitizeFileName(t('county.doc.title', { unit: report.unit, year: options.year }))}.docx`,
    );
    await writeFileAtomic(path, bytes);
    written.push(path);
  }
  return written;
}
