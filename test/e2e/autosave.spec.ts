import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, useApp } from './app';

/** Nothing typed is lost: not by reloading mid-sentence, not by switching to another draft. */
const server = useApp();
const SAMPLE = 'example-national-2021-township-2025';

const stored = (id: string) =>
  JSON.parse(readFileSync(join(server.app.dataDir, 'drafts', `${id}.json`), 'utf8')) as {
    prose: Record<string, string>;
  };

async function typeAtEnd(page: Page, selector: string, text: string) {
  const area = page.locator(selector);
  await area.click();
  await area.press('Control+End');
  await area.pressSequentially(text);
}

test('reloading the page mid-edit keeps every keystroke', async ({ page }) => {
  await page.goto(`${server.app.url}#/draft/${SAMPLE}/s5`);
  const added = '另外，个别栏目的更新仍不及时。';
  await typeAtEnd(page, '#slot-s5\\.problems', added);
  // No pause for the autosave: the page goes away within the same breath as the last keystroke.
  await page.reload();
  await expect(page.locator('#slot-s5\\.problems')).toHaveValue(new RegExp(`${added}$`));
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  expect(stored(SAMPLE).prose['s5.problems']).toMatch(new RegExp(`${added}$`));
});

test('switching to another draft right after typing keeps the words', async ({ page }) => {
  await page.goto(server.app.url);
  await page.getByRole('button', { name: '复制一份' }).first().click();
  await expect(page.locator('.draft-card')).toHaveCount(2);

  await page.goto(`${server.app.url}#/draft/${SAMPLE}/s6`);
  const added = '全年未发生信息公开方面的投诉。';
  await typeAtEnd(page, '#slot-s6\\.other', added);
  await page.getByRole('button', { name: '政务公开年报助手' }).click();
  await page.getByRole('button', { name: '继续填写' }).nth(1).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.goto(`${server.app.url}#/draft/${SAMPLE}/s6`);
  await expect(page.locator('#slot-s6\\.other')).toHaveValue(new RegExp(`${added}$`));
  expect(stored(SAMPLE).prose['s6.other']).toMatch(new RegExp(`${added}$`));
});

test('pinyin still being composed in the IME is neither saved nor shown in the report', async ({ page }) => {
  await page.goto(`${server.app.url}#/draft/${SAMPLE}/s6`);
  await page.getByRole('tab', { name: /预览/ }).click();
  const preview = page.locator('.paged-preview');
  const area = page.locator('#slot-s6\\.other');
  const tail = (await area.inputValue()).slice(-6);
  await expect(preview).toContainText(tail);
  await area.click();
  await area.press('Control+End');

  // What a Chinese IME does: composition text first, the chosen characters at the end.
  const ime = await page.context().newCDPSession(page);
  await ime.send('Input.imeSetComposition', { text: 'zhengwu', selectionStart: 7, selectionEnd: 7 });
  await expect(area).toHaveValue(/zhengwu$/);
  await page.waitForTimeout(1_000);
  await expect(preview).not.toContainText('zhengwu');
  expect(stored(SAMPLE).prose['s6.other']).not.toContain('zhengwu');

  await ime.send('Input.insertText', { text: '政务' });
  await expect(preview).toContainText(`${tail}政务`);
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible();
  await expect.poll(() => stored(SAMPLE).prose['s6.other']?.endsWith(`${tail}政务`)).toBe(true);
});
