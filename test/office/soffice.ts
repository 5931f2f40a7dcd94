import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * Real-office checks: LibreOffice converts an export to PDF, poppler reads it back. Each
 * conversion gets its own throw-away profile (two conversions sharing one silently produce
 * nothing), the 公文 font aliases of fonts.conf, and OOXMLRecalcMode=0 so Calc recalculates
 * formulas instead of trusting the cached values we wrote.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const FONTS_CONF = join(here, 'fonts.conf');

export const hasOffice = (): boolean => spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

export function toPdf(file: string, outDir: string): string {
  return toPdfs([file], outDir)[0]!;
}

/** A throw-away LibreOffice profile that recalculates formulas on loading. */
function newProfile(): string {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return profile;
}

const convertArgs = (profile: string, files: string[], outDir: string) => [
  `-env:UserInstallation=file://${profile}`,
  '--headless',
  '--norestore',
  '--convert-to',
  'pdf',
  '--outdir',
  outDir,
  ...files,
];
const convertOptions = (files: string[]) => ({
  env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
  timeout: 120_000 + 10_000 * files.length,
});

function pdfsOf(files: string[], outDir: string): string[] {
  return files.map((file) => {
    const pdf = join(outDir, basename(file).replace(/\.[^.]+$/, '.pdf'));
    if (!existsSync(pdf)) throw new Error(`LibreOffice produced no PDF for ${file}`);
    return pdf;
  });
}

/**
 * Many files in one LibreOffice start (about 2 s of the 2–3 s a single conversion takes), for
 * tests that render a hundred documents. PDFs in the order of the files.
 */
export function toPdfs(files: string[], outDir: string): string[] {
  const profile = newProfile();
  try {
    execFileSync('soffice', convertArgs(profile, files, outDir), { ...convertOptions(files), stdio: 'pipe' });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return pdfsOf(files, outDir);
}

/** As toPdfs, split over `processes` LibreOffice instances at once: CI has two cores. */
export async function toPdfsInParallel(files: string[], outDir: string, processes = 2): Promise<string[]> {
  const size = Math.ceil(files.length / processes);
  const batches = Array.from({ length: processes }, (_, i) => files.slice(i * size, (i + 1) * size)).filter(
    (b) => b.length > 0,
  );
  await Promise.all(
    batches.map(async (batch) => {
      const profile = newProfile();
      try {
        await execFileAsync('soffice', convertArgs(profile, batch, outDir), convertOptions(batch));
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    }),
  );
  return pdfsOf(files, outDir);
}

export function pdfText(pdf: string, layout = false): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), pdf, '-'], { encoding: 'utf8' });
}

/** The words of one page (1-based). */
export function pdfPageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
}

export interface PdfInfo {
  pages: number;
  /** Page size in points of the first page. */
  width: number;
  height: number;
}

export function pdfInfo(pdf: string): PdfInfo {
  const out = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** Per-page sizes, to find landscape pages. */
export function pdfPageSizes(pdf: string): { width: number; height: number }[] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

/** A4 in points, with a point of tolerance. */
export const isA4Portrait = (s: { width: number; height: number }) =>
  Math.abs(s.width - 595.3) < 1.5 && Math.abs(s.height - 841.9) < 1.5;
export const isA4Landscape = (s: { width: number; height: number }) =>
  Math.abs(s.width - 841.9) < 1.5 && Math.abs(s.height - 595.3) < 1.5;

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `nianbao-${prefix}-`));
}

/** The OOXML schemas beside the checkout (CI has ../shared); absent elsewhere. */
export const SCHEMA_DIR = resolve(here, '../../../shared/ooxml-schemas');
export const hasSchemas = (): boolean =>
  existsSync(SCHEMA_DIR) && spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * Validates XML parts against a schema file, all in one xmllint run (loading the schema is most of
 * its time); returns xmllint's complaints, empty when every part is valid.
 */
export function schemaErrors(xmlFiles: string | string[], schema: string): string {
  const files = typeof xmlFiles === 'string' ? [xmlFiles] : xmlFiles;
  const r = spawnSync('xmllint', ['--noout', '--schema', join(SCHEMA_DIR, schema), ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status === 0) return '';
  return r.stderr
    .split('\n')
    .filter((line) => line && !line.endsWith(' validates'))
    .join('\n');
}
