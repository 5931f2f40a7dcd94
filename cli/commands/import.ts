import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { i18n } from 'i18next';
import { importDocument } from '../../shared/import';
import { findTemplate } from '../../shared/report/templates';
import { writeFileAtomic, WriteFailure } from '../../electron/services/atomic-file';
import { writeNewDraftFile } from '../../electron/services/draft-revision';
import type { CliOutput } from '../main';

export interface ImportArgs {
  output?: string;
  report?: string;
  force?: boolean;
}

/**
 * nianbao import <file> -o draft.json [--report report.json]: a report the app did not write
 * becomes a draft; what was read, and what was not, is printed and optionally written as JSON.
 * Exit 0 when imported, 2 when the file cannot be read or an output cannot be written.
 */
export async function commandImport(
  files: string[],
  args: ImportArgs,
  i18n: i18n,
  output: CliOutput,
): Promise<number> {
  const t = i18n.t;
  const file = files[0];
  if (!file) return usage(output, t('cli.error.missing', { option: '<file>' }));
  if (!args.output) return usage(output, t('cli.error.missing', { option: '-o' }));
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return usage(
      output,
      t('cli.error.read', { file, detail: (e as NodeJS.ErrnoException).code ?? String(e) }),
    );
  }
  const result = await importDocument(bytes, basename(file));
  if (!result.ok) return usage(output, t(result.error.key, result.error.params));
  const { draft, report } = result;

  try {
    // The app may be saving that very file: never replace it unasked.
    if ((await writeNewDraftFile(args.output, draft, args.force === true)) === 'exists')
      return usage(output, t('import.cli.exists', { file: args.output }));
  } catch (e) {
    return usage(
      output,
      t('cli.error.write', { file: args.output, detail: e instanceof WriteFailure ? e.code : String(e) }),
    );
  }
  const template = findTemplate(draft.template)!;
  output.out(
    t('import.cli.written', {
      file,
      template: template.name,
      year: draft.year,
      unit: draft.unit.name || '—',
      output: args.output,
    }),
  );
  output.out(
    t('import.cli.summary', {
      cells: report.cells.length + report.figures.length,
      blanks: report.cells.filter((c) => c.value === null).length,
      slots: report.slots.reduce((n, s) => n + s.origins.length, 0),
      notPlaced: report.notPlaced.length,
    }),
  );
  if (report.year.source === 'assumed') output.out(t('import.cli.yearAssumed', { year: draft.year }));
  else if (report.year.disagree)
    output.out(
      t('import.cli.yearDisagree', {
        years: [...new Set(report.year.found.map((y) => y.year))].join(', '),
        year: draft.year,
      }),
    );
  if (report.trackedChanges > 0) output.out(t('import.ui.trackedChanges', { count: report.trackedChanges }));
  if (report.script.traditional > 0)
    output.out(t('import.ui.traditional', { count: report.script.traditional }));
  if (report.script.pinyin > 0)
    output.out(t('import.ui.pinyin', { count: report.script.pinyin, example: report.script.pinyinExample }));
  for (const item of report.notPlaced) output.out(t('import.cli.notPlaced', { text: item.text }));
  if (args.report) {
    try {
      await writeFileAtomic(args.report, new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`));
    } catch (e) {
      return usage(
        output,
        t('cli.error.write', { file: args.report, detail: e instanceof WriteFailure ? e.code : String(e) }),
      );
    }
    output.out(t('import.cli.reportWritten', { file: args.report }));
  }
  return 0;
}

function usage(output: CliOutput, message: string): number {
  output.err(message);
  return 2;
}
