import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChecks } from '../../shared/report/checks';
import type { Draft } from '../../shared/report/draft';
import { serializeDraft } from '../../shared/report/draft-io';
import { findTemplate } from '../../shared/report/templates';
import { national2021 } from '../../shared/report/templates/national-2021';
import { computeValues } from '../../shared/report/totals';
import { oldFormReport, unitReport, withBalanceError } from '../unit/county/fixtures';
import { pdfInfo, pdfText, toPdfs } from '../office/soffice';
import { expect, screen, test, useApp } from './app';

/**
 * The county's January: 40 units on the 名单, 38 reports come in (some with errors, some after
 * the deadline, some on the township form of 2012), 2 never do. Every number the board shows is
 * computed again here from the generated reports, independently of the board's own code.
 */
const server = useApp();

const NAMES = Array.from({ length: 40 }, (_, i) => `清溪县第${String(i + 1).padStart(2, '0')}镇人民政府`);
const MISSING = [NAMES[7]!, NAMES[31]!];
const WITH_ERRORS = new Set([NAMES[2]!, NAMES[11]!, NAMES[19]!, NAMES[27]!, NAMES[36]!]);
const LATE = new Set([NAMES[4]!, NAMES[15]!, NAMES[33]!]);
const OLD_FORM = new Set([NAMES[9]!, NAMES[22]!]);

function report(name: string, i: number): Draft {
  if (OLD_FORM.has(name)) return oldFormReport(name);
  const draft = unitReport(
    name,
    1 + (i % 5),
    `2026-01-${String(10 + (i % 15)).padStart(2, '0')}T02:00:00.000Z`,
  );
  return WITH_ERRORS.has(name) ? withBalanceError(draft) : draft;
}

const work = mkdtempSync(join(tmpdir(), 'nianbao-county-e2e-'));
const onTimeDir = join(work, '按时');
const lateDir = join(work, '逾期');
mkdirSync(onTimeDir);
mkdirSync(lateDir);
const reports = new Map<string, Draft>();
NAMES.forEach((name, i) => {
  if (MISSING.includes(name)) return;
  const draft = report(name, i);
  reports.set(name, draft);
  writeFileSync(join(LATE.has(name) ? lateDir : onTimeDir, `${name}.json`), serializeDraft(draft));
});
const files = (dir: string) => readdirSync(dir).map((n) => join(dir, n));

/** The board's numbers, computed from the reports themselves. */
function expected(all: Map<string, Draft>) {
  const errors = (d: Draft) =>
    runChecks(findTemplate(d.template)!, d).filter((f) => f.severity === 'error').length;
  const national = [...all.values()].filter((d) => d.template === 'national-2021');
  const sum = (id: string) => national.reduce((s, d) => s + computeValues(national2021, d).get(id)!, 0);
  return {
    withErrors: [...all].filter(([, d]) => errors(d) > 0).map(([n]) => n),
    errorsOf: (name: string) => errors(all.get(name)!),
    total: sum('t3.total.total'),
    newApplications: sum('t3.new.total'),
  };
}

test.afterAll(() => rmSync(work, { recursive: true, force: true }));

test('a county of 40 units: 名单, files in, board, a newer file, 审核意见, reload', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(server.app.url);
  await page.getByRole('link', { name: '县级汇总' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `${new Date().getFullYear() - 1}年度报告收集`,
  );
  await page.goto(`${server.app.url}#/county/2025`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2025年度报告收集');
  await expect(page.getByLabel('截止日期')).toHaveValue('2026-01-31');

  // The 名单, pasted as from Excel: 序号, name, kind.
  await page.getByRole('button', { name: /^名单/ }).click();
  const dialog = page.getByRole('dialog', { name: '报送名单' });
  await dialog
    .getByRole('textbox', { name: '名单' })
    .fill(NAMES.map((n, i) => `${i + 1}\t${n}\t乡镇`).join('\n'));
  await expect(dialog.getByRole('status')).toHaveText('共 40 个单位');
  await dialog.getByRole('button', { name: '保存名单' }).click();
  await expect(page.getByRole('button', { name: '名单（40个单位）' })).toBeVisible();

  // Files in: those that came by 25 January, then those that came on 5 February.
  await page.getByLabel('收到日期（留空为今天）').fill('2026-01-25');
  await page.getByLabel('添加文件…').setInputFiles(files(onTimeDir));
  await expect(page.getByText(`已添加 ${35} 个文件，0 个未能添加。`)).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('收到日期（留空为今天）').fill('2026-02-05');
  await page.getByLabel('添加文件…').setInputFiles(files(lateDir));
  await expect(page.getByText('已添加 3 个文件，0 个未能添加。')).toBeVisible({ timeout: 30_000 });

  const want = expected(reports);
  const counts = page.getByTestId('county-counts');
  const countsText = `应报送 40 个，已报送 38 个，逾期 3 个，未报送 2 个，有错误 ${want.withErrors.length} 个。`;
  await expect(counts).toHaveText(countsText);
  const rows = page.locator('.county-table tbody tr');
  await expect(rows).toHaveCount(40);
  for (const name of MISSING)
    await expect(page.locator(`tr[data-unit="${name}"] .county-status`)).toHaveText('未报送');
  for (const name of LATE)
    await expect(page.locator(`tr[data-unit="${name}"] .county-status`)).toHaveText('逾期');
  for (const name of OLD_FORM) await expect(page.locator(`tr[data-unit="${name}"]`)).toContainText('旧格式');
  for (const name of WITH_ERRORS)
    await expect(page.locator(`tr[data-unit="${name}"] td.county-num`).first()).toHaveText(
      String(want.errorsOf(name)),
    );
  await expect(page.locator('[data-field="t3.total.total"] td')).toHaveText(`${want.total}件`);
  await expect(page.locator('[data-field="t3.new.total"] td')).toHaveText(`${want.newApplications}件`);
  await expect(page.getByRole('heading', { name: /全县汇总（36 个单位/ })).toBeVisible();
  await screen(page, 'county-board');

  // Sorting by errors puts the units with most errors first; filtering keeps the missing ones.
  const errorsHeading = page.getByRole('columnheader', { name: '错误', exact: true }).getByRole('button');
  await errorsHeading.click();
  await errorsHeading.click();
  await expect(rows.first()).toHaveAttribute(
    'data-unit',
    [...WITH_ERRORS].sort(
      (a, b) => want.errorsOf(b) - want.errorsOf(a) || NAMES.indexOf(a) - NAMES.indexOf(b),
    )[0]!,
  );
  await page.getByRole('combobox', { name: '状态' }).selectOption('missing');
  await expect(rows).toHaveCount(2);
  await page.getByRole('combobox', { name: '状态' }).selectOption('all');

  // A unit sends a corrected report: the newer file replaces the older, which stays in its history.
  const fixedName = NAMES[2]!;
  const fixed = unitReport(fixedName, 1 + (2 % 5), '2026-01-28T02:00:00.000Z');
  const fixedDir = join(work, '更正');
  mkdirSync(fixedDir);
  writeFileSync(join(fixedDir, `${fixedName}（更正）.json`), serializeDraft(fixed));
  await page.getByLabel('收到日期（留空为今天）').fill('2026-01-29');
  await page.getByLabel('添加文件…').setInputFiles(files(fixedDir));
  const fixedRow = page.locator(`tr[data-unit="${fixedName}"]`);
  await expect(fixedRow).toContainText('共 2 个版本');
  await expect(fixedRow.locator('td.county-num').first()).toHaveText('0');
  reports.set(fixedName, fixed);
  const after = expected(reports);
  await expect(counts).toHaveText(
    `应报送 40 个，已报送 38 个，逾期 3 个，未报送 2 个，有错误 ${after.withErrors.length} 个。`,
  );

  // 审核意见 for every unit with problems, read back through LibreOffice.
  await page.getByRole('button', { name: '导出审核意见（所有有问题的单位）' }).click();
  await expect(page.getByText(/已保存到 .*审核意见汇总\.xlsx/)).toBeVisible({ timeout: 60_000 });
  const letterDir = join(server.app.outDir, '2025年度政府信息公开工作年度报告审核意见汇总');
  const letters = readdirSync(letterDir).map((n) => join(letterDir, n));
  const problemUnits = [...after.withErrors, ...OLD_FORM];
  for (const name of problemUnits) expect(letters.some((l) => l.includes(name))).toBe(true);
  const pdfDir = join(work, 'pdf');
  mkdirSync(pdfDir);
  const errorLetter = letters.find((l) => l.includes(after.withErrors[0]!))!;
  const oldLetter = letters.find((l) => l.includes([...OLD_FORM][0]!))!;
  const [errorPdf, oldPdf] = toPdfs([errorLetter, oldLetter], pdfDir);
  const errorText = pdfText(errorPdf!).replace(/\s+/g, '');
  expect(errorText).toContain(`关于${after.withErrors[0]}2025年政府信息公开工作年度报告的审核意见`);
  expect(errorText).toContain('两者应相等');
  expect(errorText).toContain('报告中写的是');
  expect(pdfInfo(errorPdf!).pages).toBeGreaterThanOrEqual(1);
  const oldText = pdfText(oldPdf!).replace(/\s+/g, '');
  expect(oldText).toContain([...OLD_FORM][0]);
  expect(oldText).toContain('请按现行格式重新编写后报送');
  expect(pdfInfo(oldPdf!).pages).toBeGreaterThanOrEqual(1);

  // A unit's report, read-only, with its findings and its pages.
  await page.getByRole('button', { name: after.withErrors[0]!, exact: true }).click();
  await expect(page.getByText('只读')).toBeVisible();
  await expect(page.locator('.checks-item.is-error').first()).toBeVisible();
  await page.locator('.checks-item.is-error .checks-jump').first().click();
  await expect(page.locator('.county-detail')).toContainText('报告中写的是');
  await expect(page.locator('.pp-page').first()).toBeVisible();
  await screen(page, 'county-unit');
  await page.getByRole('button', { name: /返回一览/ }).click();
  // A unit answers for its own warnings: the county reads them (the old form's TEMPLATE), and
  // has no 确认无误 to accept them with.
  await page.getByRole('button', { name: [...OLD_FORM][0]!, exact: true }).click();
  await expect(page.locator('.checks-item.is-warning').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /确认无误/ })).toHaveCount(0);
  await page.getByRole('button', { name: /返回一览/ }).click();

  // 报送情况: one printable page naming the late and missing units.
  await page.getByRole('link', { name: '报送情况（打印）' }).click();
  const sheet = page.locator('.county-report-page');
  for (const name of MISSING) await expect(sheet).toContainText(name);
  for (const name of LATE) await expect(sheet).toContainText(name);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(1000);
  await page.emulateMedia({ media: 'screen' });

  // Everything is still there after a reload.
  await page.goto(`${server.app.url}#/county/2025`);
  await page.reload();
  await expect(counts).toHaveText(
    `应报送 40 个，已报送 38 个，逾期 3 个，未报送 2 个，有错误 ${after.withErrors.length} 个。`,
  );
  await expect(page.locator(`tr[data-unit="${fixedName}"]`)).toContainText('共 2 个版本');
});
