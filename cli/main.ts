import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { i18n } from 'i18next';
import { createI18n, isLanguage, type Language } from '../shared/i18n';
import { plainName } from '../shared/bridge';
import { newDraft, readDraftBytes } from '../shared/report/draft-io';
import { parseNumberInput } from '../shared/report/numbers';
import { runChecks } from '../shared/report/checks';
import { findingPlace } from '../shared/report/checks/place';
import { findTemplate, TEMPLATES } from '../shared/report/templates';
import { UNIT_KINDS, type TemplateDef, type UnitKind } from '../shared/report/template';
import type { Draft } from '../shared/report/draft';
import { exportDocx } from '../shared/export/docx';
import { exportXlsx } from '../shared/export/xlsx';
import { writeFileAtomic, WriteFailure } from '../electron/services/atomic-file';
import { writeNewDraftFile } from '../electron/services/draft-revision';
import { commandConsolidate } from './commands/consolidate';
import { commandImport } from './commands/import';
import pkg from '../package.json';

/** Where the CLI writes; replaced in tests to capture output. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}
const consoleOutput: CliOutput = { out: (l) => console.log(l), err: (l) => console.error(l) };

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  lang: { type: 'string' },
  template: { type: 'string' },
  variant: { type: 'string' },
  unit: { type: 'string' },
  kind: { type: 'string' },
  year: { type: 'string' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  docx: { type: 'string' },
  xlsx: { type: 'string' },
  'allow-errors': { type: 'boolean' },
  'bold-headings': { type: 'boolean' },
  'line-spacing': { type: 'string' },
  json: { type: 'boolean' },
  expect: { type: 'string' },
  deadline: { type: 'string' },
  feedback: { type: 'string' },
  report: { type: 'string' },
} satisfies ParseArgsConfig['options'];

class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

/** Runs one CLI invocation and returns its exit code: 0 fine, 1 the draft has errors, 2 bad usage or unreadable input. */
export async function main(argv: string[], output: CliOutput = consoleOutput): Promise<number> {
  const langArg = argv.find((a, i) => argv[i - 1] === '--lang') ?? process.env.NIANBAO_LANG;
  const t = createI18n(isLanguage(langArg) ? langArg : 'zh-CN').t;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    output.err(t('cli.error.usage', { detail: e instanceof Error ? e.message : String(e) }));
    output.err(t('cli.help'));
    return 2;
  }
  const { values: opts, positionals } = parsed;
  if (opts.version) {
    output.out(`nianbao ${pkg.version}`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (opts.help || !command) {
    output.out(t('cli.help'));
    return command || opts.help ? 0 : 2;
  }
  const i18n = createI18n(isLanguage(opts.lang) ? (opts.lang as Language) : 'zh-CN');
  try {
    switch (command) {
      case 'new':
        return await commandNew(opts, i18n, output);
      case 'check':
        return await commandCheck(rest, opts, i18n, output);
      case 'export':
        return await commandExport(rest, opts, i18n, output);
      case 'consolidate':
        return await commandConsolidate(rest, opts, i18n, output);
      case 'import':
        return await commandImport(rest, opts, i18n, output);
      case 'templates':
        for (const tpl of TEMPLATES) output.out(`${tpl.id}\t${tpl.name}\t${tpl.basis}`);
        return 0;
      default:
        throw new UsageError('cli.error.command', { command });
    }
  } catch (e) {
    if (e instanceof UsageError) {
      output.err(i18n.t(e.key, e.params));
      return 2;
    }
    throw e;
  }
}

type Opts = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

async function commandNew(opts: Opts, i18n: i18n, output: CliOutput): Promise<number> {
  const template = opts.template ? findTemplate(opts.template) : TEMPLATES[0];
  if (!template)
    throw new UsageError('cli.error.template', { template: opts.template ?? '', known: templateIds() });
  // The same rule as the app's fields: no control or bidi-override character in a name.
  const unit = plainName(opts.unit ?? '').trim();
  if (!unit) throw new UsageError('cli.error.missing', { option: '--unit' });
  // Typed as a clerk types it: 2025, ２０２５ or 2025年.
  const typedYear = parseNumberInput((opts.year ?? '').trim().replace(/年$/, ''), { kind: 'count' });
  const year = typedYear.ok ? (typedYear.value ?? NaN) : NaN;
  if (!Number.isInteger(year) || year < 2008 || year > 2100)
    throw new UsageError('cli.error.year', { year: opts.year ?? '' });
  const kind = (opts.kind ?? 'township') as UnitKind;
  if (!UNIT_KINDS.includes(kind))
    throw new UsageError('cli.error.kind', { kind, known: UNIT_KINDS.join(', ') });
  if (opts.variant && !template.variants.some((v) => v.id === opts.variant))
    throw new UsageError('cli.error.variant', {
      variant: opts.variant,
      known: template.variants.map((v) => v.id).join(', '),
    });
  if (!opts.output) throw new UsageError('cli.error.missing', { option: '-o' });
  const draft = newDraft({ template, year, unit: { name: unit, kind }, variant: opts.variant });
  // The app may be saving that very file (-o into its drafts folder): never replace it unasked.
  if ((await writeNew(opts.output, draft, opts.force === true)) === 'exists')
    throw new UsageError('cli.new.exists', { file: opts.output });
  output.out(i18n.t('cli.new.written', { file: opts.output, template: template.id, year }));
  return 0;
}

async function load(file: string | undefined, i18n: i18n): Promise<{ draft: Draft; template: TemplateDef }> {
  if (!file) throw new UsageError('cli.error.missing', { option: 'draft.json' });
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new UsageError('cli.error.read', { file, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  const result = readDraftBytes(bytes);
  if (!result.ok)
    throw new UsageError('cli.error.draft', { file, detail: i18n.t(result.error.key, result.error.params) });
  return result;
}

async function commandCheck(files: string[], opts: Opts, i18n: i18n, output: CliOutput): Promise<number> {
  const { draft, template } = await load(files[0], i18n);
  const findings = runChecks(template, draft);
  if (opts.json) {
    output.out(JSON.stringify(findings, null, 2));
  } else {
    for (const f of findings) {
      const severity = i18n.t(f.acknowledged ? 'cli.check.acknowledged' : `cli.check.${f.severity}`);
      const place = findingPlace(template, draft, f);
      output.out(`${severity} ${f.rule}${place ? ` ${place}` : ''}：${i18n.t(f.key, f.params)}`);
    }
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning' && !f.acknowledged).length;
  if (!opts.json) output.out(i18n.t('cli.check.summary', { errors, warnings }));
  return errors > 0 ? 1 : 0;
}

async function commandExport(files: string[], opts: Opts, i18n: i18n, output: CliOutput): Promise<number> {
  const { draft, template } = await load(files[0], i18n);
  if (!opts.docx && !opts.xlsx) throw new UsageError('cli.error.missing', { option: '--docx / --xlsx' });
  const lineSpacing = opts['line-spacing'] === undefined ? 28 : Number(opts['line-spacing']);
  if (lineSpacing !== 28 && lineSpacing !== 29)
    throw new UsageError('cli.error.lineSpacing', { value: opts['line-spacing'] ?? '' });
  const errors = runChecks(template, draft).filter((f) => f.severity === 'error');
  if (errors.length > 0 && !opts['allow-errors']) {
    output.err(i18n.t('cli.export.refused', { errors: errors.length }));
    return 1;
  }
  const draftMark = errors.length > 0;
  if (opts.docx) {
    const bytes = await exportDocx(template, draft, {
      draftMark,
      boldHeadings: Boolean(opts['bold-headings']),
      lineSpacing: lineSpacing as 28 | 29,
    });
    await writeAtomic(opts.docx, bytes);
    output.out(i18n.t('cli.export.written', { file: opts.docx }));
  }
  if (opts.xlsx) {
    await writeAtomic(opts.xlsx, await exportXlsx(template, draft, { draftMark }));
    output.out(i18n.t('cli.export.written', { file: opts.xlsx }));
  }
  if (draftMark) output.out(i18n.t('cli.export.marked', { errors: errors.length }));
  return 0;
}

async function writeNew(file: string, draft: Draft, force: boolean): Promise<'written' | 'exists'> {
  try {
    return await writeNewDraftFile(file, draft, force);
  } catch (e) {
    throw new UsageError('cli.error.write', { file, detail: e instanceof WriteFailure ? e.code : String(e) });
  }
}

/** The desktop app's own atomic write: an interrupted run never leaves a half-written report. */
async function writeAtomic(file: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(file, bytes);
  } catch (e) {
    throw new UsageError('cli.error.write', { file, detail: e instanceof WriteFailure ? e.code : String(e) });
  }
}

const templateIds = () => TEMPLATES.map((t) => t.id).join(', ');
