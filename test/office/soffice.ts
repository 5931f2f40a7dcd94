import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(
      join(profile, 'user', 'registrymodifications.xcu'),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
    );
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        file,
      ],
      { env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF }, stdio: 'pipe', timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(outDir, basename(file).replace(/\.[^.]+$/, '.pdf'));
  if (!existsSync(pdf)) throw new Error(`LibreOffice produced no PDF for ${file}`);
  return pdf;
}

export function pdfText(pdf: string, layout = false): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), pdf, '-'], { encoding: 'utf8' });
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

/** Validates one XML part against a schema file; returns xmllint's complaints, empty when valid. */
export function schemaErrors(xmlFile: string, schema: string): string {
  const r = spawnSync('xmllint', ['--noout', '--schema', join(SCHEMA_DIR, schema), xmlFile], {
    encoding: 'utf8',
  });
  return r.status === 0 ? '' : r.stderr;
}
