import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Draft } from '../../shared/report/draft';
import { pdfText, tempDir } from '../office/soffice';
import { expect, test, useApp } from './app';

/**
 * 导出 PDF in browser mode hands the print page subsets of the installed fonts it draws with
 * (scripts/web/pdf-fonts.ts), because Chromium embeds a whole installed CJK font slowly. The
 * pages must still be exactly those Chromium draws with the installed fonts: each export is
 * compared, pixel for pixel, with the same print route printed with nothing done to its fonts.
 */
const server = useApp();
const SAMPLE = 'example-national-2021-township-2025';

async function api(channel: string, ...args: unknown[]): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.app.url}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  expect(response.ok, channel).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

async function exported(): Promise<string> {
  const result = await api('exports:pdf', { id: SAMPLE, final: true, size: 'a4' });
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return result.path as string;
}

/** The print route printed by this test's own Chromium, its fonts left as installed. */
async function reference(page: Page, dir: string, name: string): Promise<string> {
  // A fresh load: after a change of hash alone, the previous visit's printReady would let the
  // old draft print before the route has read the saved one.
  await page.goto('about:blank');
  await page.goto(`${server.app.url}#/print/${SAMPLE}?size=a4&final=1&visit=${name}`);
  await page.waitForFunction(() => document.documentElement.dataset.printReady === '1');
  const path = join(dir, `${name}.pdf`);
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  return path;
}

/** Each page rasterized in grey at 100 dpi. */
function pages(pdf: string, dir: string, name: string): Buffer[] {
  execFileSync('pdftoppm', ['-r', '100', '-gray', pdf, join(dir, name)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.pgm'))
    .sort((a, b) => Number(/-(\d+)\.pgm$/.exec(a)![1]) - Number(/-(\d+)\.pgm$/.exec(b)![1]))
    .map((f) => readFileSync(join(dir, f)));
}

/** How many font objects the PDF holds: Chromium writes a whole CJK font as one Type 3 font per 255 glyph ids. */
function fontCount(pdf: string): number {
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').length - 2;
}

function expectSamePages(pdf: string, expected: string, dir: string, name: string) {
  const got = pages(pdf, dir, `${name}-export`);
  const want = pages(expected, dir, `${name}-reference`);
  expect(got.length).toBe(want.length);
  got.forEach((p, i) => expect(p.equals(want[i]!), `page ${i + 1}`).toBe(true));
}

test('导出 PDF draws the pages the installed fonts draw, from subsets of them, also after an edit brings new characters', async ({
  page,
}) => {
  const dir = tempDir('pdf-fonts');
  try {
    const first = await exported();
    const firstReference = await reference(page, dir, 'first');
    expectSamePages(first, firstReference, dir, 'first');
    expect(fontCount(first)).toBeLessThan(fontCount(firstReference) / 3);

    // Characters the report did not have: the subsets grow and the new words print in the same face.
    const added = '另据统计，鳜鱼养殖户咨询犇羴鱻等生僻字姓名信息。';
    const { draft } = (await api('drafts:open', SAMPLE)) as { draft: Draft };
    await api('drafts:save', {
      ...draft,
      prose: { ...draft.prose, 's1.intro': `${draft.prose['s1.intro']}${added}` },
    });
    const second = await exported();
    expect(pdfText(second).replace(/\s/g, '')).toContain(added);
    const secondReference = await reference(page, dir, 'second');
    expect(pdfText(secondReference).replace(/\s/g, '')).toContain(added);
    expectSamePages(second, secondReference, dir, 'second');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
