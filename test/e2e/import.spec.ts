import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, screen, test, useApp } from './app';

/**
 * #9: a report written elsewhere (here a 2023 town report as LibreOffice saved it to .docx, with
 * its published 规章 现行有效件数 of 6) is imported from the home page; the import report says
 * what came in, the wizard opens with the numbers in the grid and the checks flag the published
 * error; and a new year starts from the imported file.
 */
const server = useApp();
const DOCX = join(
  fileURLToPath(new URL('../..', import.meta.url)),
  'test/fixtures/import/published/xjnlk-town-2023.docx',
);

async function importDocx(page: Page) {
  await page.goto(server.app.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入已有报告（Word、网页）' }).click();
  await (await chooser).setFiles(DOCX);
  const dialog = page.getByRole('dialog', { name: '导入结果：xjnlk-town-2023.docx' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Step 二 holds table 二, where the imported 规章 现行有效件数 (6) shows. */
async function openStep2(page: Page) {
  await page
    .getByRole('navigation', { name: '填写步骤' })
    .getByRole('button', { name: /二、主动公开政府信息情况/ })
    .click();
}

test('a .docx from the home page: the import report, then the wizard with its numbers and checks', async ({
  page,
}) => {
  const dialog = await importDocx(page);
  await expect(dialog).toContainText('全国统一格式（2021年起）');
  await expect(dialog).toContainText('2023年（据正文）');
  await expect(dialog.getByRole('list', { name: '读到的内容' })).toContainText(/表格数字 \d+ 个/);
  await screen(page, 'import-report');
  await dialog.getByRole('button', { name: '打开向导' }).click();

  await expect(page.getByRole('textbox', { name: '报告年度' })).toHaveValue('2023');
  await openStep2(page);
  await expect(page.locator('[data-field="t2.rules.current"]')).toHaveValue('6');
  await page.getByRole('tab', { name: /检查/ }).click();
  await expect(page.locator('.checks-item').filter({ hasText: '规章' }).first()).toBeVisible();
});

test('a new year starts from an imported file', async ({ page }) => {
  const dialog = await importDocx(page);
  await dialog.getByRole('button', { name: '从这份报告开始 2024 年' }).click();
  await expect(page.getByRole('textbox', { name: '报告年度' })).toHaveValue('2024');
  await openStep2(page);
  // R7 carries 现行有效件数 forward: last year's 6 is where this year's count starts.
  await expect(page.locator('[data-field="t2.rules.current"]')).toHaveValue('6');
});

test('从上年报告开始 takes last year’s report as a file: imported first, then carried forward', async ({
  page,
}) => {
  await page.goto(server.app.url);
  await page.getByRole('button', { name: '新建报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建报告' });
  await dialog.getByRole('radio', { name: '从上年报告文件开始（Word、网页）' }).check();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: '选择上年报告文件…' }).click();
  await (await chooser).setFiles(DOCX);
  await expect(dialog.getByRole('status')).toContainText('2023年度（xjnlk-town-2023.docx）');
  await expect(dialog.getByLabel('报告年度')).toHaveValue('2024');
  await dialog.getByRole('button', { name: '创建报告' }).click();

  await expect(page.getByRole('textbox', { name: '报告年度' })).toHaveValue('2024');
  await openStep2(page);
  await expect(page.locator('[data-field="t2.rules.current"]')).toHaveValue('6');
});

test('a page republished in traditional characters (海盐 2012) is read as simplified, and the report says so', async ({
  page,
}) => {
  await page.goto(server.app.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入已有报告（Word、网页）' }).click();
  await (
    await chooser
  ).setFiles(
    join(fileURLToPath(new URL('../..', import.meta.url)), 'test/fixtures/import/haiyan-chengtou-2012.txt'),
  );
  const dialog = page.getByRole('dialog', { name: '导入结果：haiyan-chengtou-2012.txt' });
  const toCheck = dialog.getByRole('list', { name: '请核对' });
  await expect(toCheck).toContainText(/原文是繁体字，已按简体读入（转换 \d+ 字）/);
  await expect(toCheck).toContainText('删去了原文中转换工具留下的 119 处注音，如“認(rèn)”');
  await expect(dialog).toContainText('海盐县城投集团');
  const cameIn = dialog.getByRole('list', { name: '读到的内容' });
  await expect(cameIn).toContainText('主动公开政府信息分类 7 项');
  await expect(cameIn).not.toContainText('表格数字');
  await screen(page, 'import-traditional');
  await dialog.getByRole('button', { name: '打开向导' }).click();
  await expect(page.getByRole('textbox', { name: '报告年度' })).toHaveValue('2012');
  await expect(
    page.getByText('县城投集团认真贯彻落实《中华人民共和国政府信息公开条例》精神').first(),
  ).toBeVisible();
});
