import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { i18n, TFunction } from 'i18next';
import { createI18n } from '../../shared/i18n';
import { readDraftBytes, type DraftError } from '../../shared/report/draft-io';
import type { Draft } from '../../shared/report/draft';
import { importDocument } from '../../shared/import';
import { findingPlace } from '../../shared/report/checks/place';
import {
  chooseTarget,
  consolidate,
  decodeList,
  expectedUnits,
  type Consolidation,
  type Submission,
} from '../../shared/report/consolidate';
import { findTemplate, TEMPLATES } from '../../shared/report/templates';
import { computeValues } from '../../shared/report/totals';
import { roster, workbook, type RosterRow, type Unreadable } from '../../shared/export/xlsx/consolidation';
import { writeFileAtomic, WriteFailure } from '../../electron/services/atomic-file';
import { lateReports, writeLetters, type ReadReport } from '../../electron/services/county-letters';
import type { Translate } from '../../shared/county/feedback';
import { defaultDeadline, localDay } from '../../shared/county/workspace';
import { isRealIsoDate } from '../../shared/report/dates';
import type { CliOutput } from '../main';

export interface ConsolidateArgs {
  expect?: string;
  year?: string;
  template?: string;
  unit?: string;
  xlsx?: string;
  json?: boolean;
  /** 截止日期 (yyyy-mm-dd): files modified after its day are reported late. */
  deadline?: string;
  /** A folder for the 审核意见: one .docx per unit whose report has something to fix. */
  feedback?: string;
}

/**
 * `nianbao consolidate`: the county clerk's run over the units' draft files. Returns the exit
 * code: 0 every unit read and free of errors, 1 a unit with errors, missing or not on the expected
 * list, or a file unreadable, 2 bad usage or nothing to consolidate.
 */
export async function commandConsolidate(
  paths: string[],
  args: ConsolidateArgs,
  i18n: i18n,
  output: CliOutput,
): Promise<number> {
  const t = i18n.t;
  const usage = (key: string, params: Record<string, string | number>) => {
    output.err(t(key, params));
    return 2;
  };
  if (paths.length === 0) return usage('cli.error.missing', { option: t('cli.consolidate.inputs') });
  const template = args.template === undefined ? undefined : findTemplate(args.template);
  if (args.template !== undefined && !template)
    return usage('cli.error.template', {
      template: args.template,
      known: TEMPLATES.map((x) => x.id).join(', '),
    });
  const year = args.year === undefined ? undefined : Number(args.year);
  if (year !== undefined && (!Number.isInteger(year) || year < 2008 || year > 2100))
    return usage('cli.error.year', { year: args.year ?? '' });
  if (args.deadline !== undefined && !isRealIsoDate(args.deadline))
    return usage('county.cli.deadline', { date: args.deadline });
  let expected: string[] | undefined;
  if (args.expect !== undefined) {
    try {
      expected = expectedUnits(decodeList(await readFile(args.expect)));
    } catch (e) {
      return usage('cli.error.read', { file: args.expect, detail: errorCode(e) });
    }
  }

  const submissions: Submission[] = [];
  const unreadable: Unreadable[] = [];
  for (const file of await draftFiles(paths, unreadable)) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (e) {
      unreadable.push({ file, reason: fsReason(e) });
      continue;
    }
    // A unit that sent its Word file or web page instead of a draft is imported, then checked like any other.
    const read = REPORT_FILE.test(file) ? await importedDraft(bytes, file) : readDraftBytes(bytes);
    if (read.ok) submissions.push({ file, draft: read.draft });
    else unreadable.push({ file, reason: read.error });
  }

  const target = chooseTarget(
    submissions.map((s) => s.draft),
    { template, year },
  );
  const found = target ? consolidate(target, submissions, { summaryUnit: args.unit, expected }) : null;
  // Files were read but none is of the year and template: there is nothing to add up.
  const result = found && found.units.length > 0 ? found : null;
  const rows = roster(found, expected, unreadable);
  // A unit not on the list is not in the sum: until the clerk sorts out why, the figures are not final.
  const failed =
    (found?.unexpected.length ?? 0) > 0 ||
    rows.some((r) => r.status === 'missing' || r.status === 'unreadable' || (r.errors ?? 0) > 0);
  const code = !result ? 2 : failed ? 1 : 0;

  if (result && args.xlsx) {
    const bytes = await workbook(result, rows, failed);
    try {
      await writeFileAtomic(args.xlsx, bytes);
    } catch (e) {
      return usage('cli.error.write', {
        file: args.xlsx,
        detail: e instanceof WriteFailure ? e.code : String(e),
      });
    }
  }

  const read: ReadReport[] = found
    ? [
        ...found.units.map((u) => ({ unit: u.name || u.file, file: u.file, draft: u.draft })),
        ...submissions
          .filter((s) =>
            found.skipped.some((k) => k.file === s.file && (k.reason === 'year' || k.reason === 'template')),
          )
          .map((s) => ({ unit: s.draft.unit.name || s.file, file: s.file, draft: s.draft })),
      ]
    : [];
  const deadline = args.deadline ?? (found ? defaultDeadline(found.year) : '');
  const late =
    args.deadline !== undefined && found
      ? await lateReports(
          found.units.map((u) => ({ unit: u.name || u.file, file: u.file, draft: u.draft })),
          deadline,
        )
      : [];
  let letters: string[] = [];
  if (args.feedback !== undefined && found) {
    // The letters are county documents: Chinese whatever the language of the run.
    const zh = createI18n('zh-CN').t as unknown as Translate;
    const today = localDay(new Date().toISOString());
    try {
      letters = await writeLetters(
        args.feedback,
        read,
        {
          year: found.year,
          issuer: args.unit ?? '',
          issuedOn: today,
          dueBy: today <= deadline ? deadline : '',
        },
        zh,
      );
    } catch (e) {
      return usage('cli.error.write', {
        file: args.feedback,
        detail: e instanceof WriteFailure ? e.code : String(e),
      });
    }
  }

  if (args.json)
    output.out(
      JSON.stringify(
        {
          ...jsonReport(found, rows, code, t),
          ...(args.deadline !== undefined ? { deadline, late } : {}),
          ...(args.feedback !== undefined ? { feedback: letters } : {}),
        },
        null,
        2,
      ),
    );
  else {
    if (found) output.out(t('cli.consolidate.target', { year: found.year, template: found.template.id }));
    for (const row of rows) for (const line of rowLines(row, t)) output.out(line);
    if (!result) output.err(t('cli.consolidate.none'));
    else {
      if (args.xlsx) output.out(t('cli.export.written', { file: args.xlsx }));
      output.out(
        t('cli.consolidate.summary', {
          units: result.units.length,
          withErrors: result.units.filter((u) => u.errors > 0).length,
          missing: result.missing.length,
          unreadable: unreadable.length,
        }),
      );
      if (result.unexpected.length > 0)
        output.out(t('cli.consolidate.unexpected', { count: result.unexpected.length }));
      if (failed && args.xlsx) output.out(t('cli.consolidate.marked'));
      for (const l of late)
        output.out(t('county.cli.late', { unit: l.unit, received: l.receivedOn, deadline }));
      if (args.deadline !== undefined)
        output.out(t('county.cli.lateCount', { count: late.length, deadline }));
      if (args.feedback !== undefined)
        output.out(
          letters.length > 0
            ? t('county.cli.feedbackWritten', { count: letters.length, dir: args.feedback })
            : t('county.cli.feedbackNone'),
        );
    }
  }
  return code;
}

/** Reports as units write them, read by the importer (shared/import). */
const REPORT_FILE = /\.(?:docx|html?)$/i;

async function importedDraft(
  bytes: Uint8Array,
  file: string,
): Promise<{ ok: true; draft: Draft } | { ok: false; error: DraftError }> {
  const result = await importDocument(bytes, basename(file));
  return result.ok ? { ok: true, draft: result.draft } : { ok: false, error: result.error };
}

/** The *.json, .docx and .html files named, or directly inside the folders named; a path that cannot be listed is reported. */
async function draftFiles(paths: string[], unreadable: Unreadable[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    try {
      if (!(await stat(path)).isDirectory()) files.push(path);
      else
        for (const name of (await readdir(path)).sort())
          if (
            (/\.json$/i.test(name) || REPORT_FILE.test(name)) &&
            !(await stat(join(path, name))).isDirectory()
          )
            files.push(join(path, name));
    } catch (e) {
      unreadable.push({ file: path, reason: fsReason(e) });
    }
  }
  // A file named twice (once in its folder, once by name) is one submission.
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(resolve(f)) && seen.add(resolve(f)));
}

const errorCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);
const fsReason = (e: unknown): DraftError => ({
  key: 'cli.consolidate.reason.fs',
  params: { code: errorCode(e) },
});

/** Units in the expected list's order with the missing ones in place, then the files left out. */

function rowLines(row: RosterRow, t: TFunction): string[] {
  const reason = row.reason ? t(row.reason.key, row.reason.params) : '';
  const unit = row.unit || row.file;
  switch (row.status) {
    case 'submitted':
      return [
        t('cli.consolidate.unit', { unit, file: row.file, errors: row.errors, warnings: row.warnings }),
        ...(row.errorList ?? []).map(
          ({ finding: f, place }) =>
            `  ${t('cli.check.error')} ${f.rule}${place ? ` ${place}` : ''}：${t(f.key, f.params)}`,
        ),
      ];
    case 'missing':
      return [t('cli.consolidate.missing', { unit })];
    case 'unreadable':
      return [t('cli.consolidate.unreadable', { file: row.file, reason })];
    default:
      return [t('cli.consolidate.skipped', { file: row.file, unit, reason })];
  }
}

function jsonReport(result: Consolidation | null, rows: RosterRow[], code: number, t: TFunction) {
  return {
    exitCode: code,
    year: result?.year ?? null,
    template: result?.template.id ?? null,
    units: result
      ? result.units.map((u) => ({
          unit: u.name,
          file: u.file,
          errors: u.errors,
          warnings: u.warnings,
          findings: u.findings.map((f) => ({
            id: f.id,
            rule: f.rule,
            severity: f.severity,
            acknowledged: f.acknowledged ?? false,
            place: findingPlace(result.template, u.draft, f),
            message: t(f.key, f.params),
          })),
        }))
      : [],
    missing: result?.missing ?? [],
    unexpected: result?.unexpected ?? [],
    leftOut: rows
      .filter((r) => r.status === 'duplicate' || r.status === 'skipped' || r.status === 'unreadable')
      .map((r) => ({
        file: r.file,
        unit: r.unit,
        status: r.status,
        reason: r.reason ? t(r.reason.key, r.reason.params) : '',
      })),
    totals: result ? Object.fromEntries(computeValues(result.template, result.summary)) : {},
  };
}

/** The summary sheets come from the one xlsx exporter; the roster and per-unit sheets are added to its workbook. */
