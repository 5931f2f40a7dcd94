import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test, useApp } from './app';

/** Numbers as clerks type them with a Chinese IME, and a broken rule shown where it is. */
const server = useApp();
const SAMPLE = 'example-national-2021-township-2025';

const cell = (page: Page, field: string) => page.locator(`[data-field="${field}"]`);
const bubbleOf = (input: Locator) => input.locator('xpath=..').getByRole('alert');

async function type(input: Locator, text: string) {
  await input.click();
  await input.pressSequentially(text);
  await input.press('Tab');
}

const stored = () =>
  JSON.parse(readFileSync(join(server.app.dataDir, 'drafts', `${SAMPLE}.json`), 'utf8')) as {
    values: Record<string, number>;
  };

test('full-width digits are accepted; "-3" and "abc" are refused at the cell with a message', async ({
  page,
}) => {
  await page.goto(`${server.app.url}#/draft/${SAMPLE}/s3`);
  const research = cell(page, 't3.new.research');
  await type(research, '１２');
  await expect(research).toHaveValue('12');
  // 一、本年新收: 5 自然人 + 2 商业企业 + 1 法律服务机构 + 12 科研机构.
  await expect(cell(page, 't3.new.total')).toHaveValue('20');

  const publicCell = cell(page, 't3.new.public');
  await type(publicCell, '-3');
  await expect(publicCell).toHaveAttribute('aria-invalid', 'true');
  await expect(bubbleOf(publicCell)).toContainText('不能填写负数');
  await expect(publicCell).toBeFocused();
  await publicCell.press('Escape');

  const otherCell = cell(page, 't3.new.other');
  await type(otherCell, 'abc');
  await expect(otherCell).toHaveAttribute('aria-invalid', 'true');
  await expect(bubbleOf(otherCell)).toContainText('不是数字');
  await otherCell.press('Escape');

  await expect(page.locator('[data-save-state="saved"]')).toBeVisible();
  const values = stored().values;
  expect(values['t3.new.research']).toBe(12);
  expect(values['t3.new.public']).toBeUndefined();
  expect(values['t3.new.other']).toBeUndefined();
});

test('a broken R1 shows at the cell and in the checks panel, and the panel jumps to it', async ({ page }) => {
  await page.goto(`${server.app.url}#/draft/${SAMPLE}/s3`);
  // R1 per column: 一 + 二 = （七）总计 + 四. 自然人: 5 + 1 = 5 + 1; make 四 say 3.
  const carryOut = cell(page, 't3.carryOut.natural');
  await type(carryOut, '3');
  await expect(carryOut).toHaveAttribute('aria-invalid', 'true');
  await expect(carryOut.locator('xpath=..')).toContainText('两者应相等');

  await page
    .getByRole('navigation')
    .getByRole('button', { name: /基本信息/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('基本信息');
  await page.getByRole('tab', { name: /检查/ }).click();
  const finding = page
    .locator('.checks-item.is-error')
    .filter({ hasText: '一＋二＝（七）总计＋四' })
    .filter({ hasText: '四、结转下年度继续办理 / 自然人' });
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('三、收到和处理政府信息公开申请情况');
  await finding.locator('.checks-jump').click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('三、收到和处理政府信息公开申请情况');
  await expect(cell(page, 't3.carryOut.natural')).toBeFocused();
  await expect(page.getByRole('button', { name: /三、收到和处理政府信息公开申请情况/ })).toContainText(
    '处错误',
  );
});
