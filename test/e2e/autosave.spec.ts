import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { LIST_LABEL_MAX, UNIT_TEXT_MAX } from '../../shared/report/limits';
import { expect, test, useApp } from './app';

/** Nothing typed is lost: not by reloading mid-sentence, not by switching to another draft. */
const server = useApp();
const SAMPLE = 'example-national-2021-township-2025';

const stored = (id: string) =>
  JSON.parse(readFileSync(join(server.app.dataDir, 'drafts', `${id}.json`), 'utf8')) as {
    prose: Record<string, string>;
    unit: { address: string };
  };

const kept = (id: string) => {
  const folder = join(server.app.dataDir, 'backups', id);
  return existsSync(folder) ? readdirSync(folder) : [];
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
  // Both pages sent the same words: that is one version, not a clash with "another window".
  await expect(page.getByText('保存过更新的内容')).toHaveCount(0);
  expect(kept(SAMPLE).filter((name) => name.startsWith('conflict-'))).toEqual([]);
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

test('edits a failed save left behind come back, but never undo a restored backup', async ({ page }) => {
  const improvements = page.locator('#slot-s5\\.improvements');
  await page.goto(`${server.app.url}#/draft/${SAMPLE}/s5`);
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible();
  // The services answer every save as a full disk does.
  await page.route('**/api/drafts:save', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: { key: 'app.storage.diskFull', params: { file: 'D:\\a.json' } },
      }),
    }),
  );
  const unsaved = '这一句没有保存成功。';
  await typeAtEnd(page, '#slot-s5\\.improvements', unsaved);
  await expect(page.getByRole('alert').filter({ hasText: '保存失败（磁盘已满' })).toBeVisible();

  // Leaving and coming back: the edits are found again, and nobody claims they were saved.
  await page.getByRole('button', { name: '政务公开年报助手' }).click();
  await page.getByRole('button', { name: '继续填写' }).first().click();
  await page.getByRole('button', { name: /五、存在的主要问题及改进情况/ }).click();
  await expect(improvements).toHaveValue(new RegExp(`${unsaved}$`));
  await expect(page.locator('.notices')).toContainText('已经找回，正在保存');
  await expect(page.getByRole('alert').filter({ hasText: '保存失败（磁盘已满' })).toBeVisible();

  // The clerk goes back to the last saved version instead: the leftover edits must not return.
  await page.getByRole('button', { name: '政务公开年报助手' }).click();
  await page.getByRole('button', { name: '历史版本' }).first().click();
  await page.getByRole('button', { name: '恢复这个版本' }).first().click();
  await page
    .getByRole('dialog', { name: '恢复历史版本' })
    .getByRole('button', { name: '恢复这个版本' })
    .click();
  await page.getByRole('button', { name: /五、存在的主要问题及改进情况/ }).click();
  await expect(improvements).not.toHaveValue(new RegExp(unsaved));
  await expect(page.locator('.notices')).not.toContainText('找回');

  await page.unroute('**/api/drafts:save');
  await page.reload();
  await expect(improvements).not.toHaveValue(new RegExp(unsaved));
  expect(stored(SAMPLE).prose['s5.improvements']).not.toContain(unsaved);
});

test('an over-long entry in a unit field is cut at the draft format’s limit, and saving goes on', async ({
  page,
}) => {
  await page.goto(`${server.app.url}#/draft/${SAMPLE}/@basic`);
  for (const [key, max] of Object.entries(UNIT_TEXT_MAX))
    await expect(page.locator(`#unit-${key}`), key).toHaveAttribute('maxlength', String(max));
  const address = page.getByRole('textbox', { name: '联系地址' });
  await address.fill('某某县某某镇人民路'.repeat(30));
  await expect(address).toHaveValue(/^(某某县某某镇人民路)+/);
  expect((await address.inputValue()).length).toBe(UNIT_TEXT_MAX.address);
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible();
  await expect.poll(() => stored(SAMPLE).unit.address.length).toBe(UNIT_TEXT_MAX.address);

  await page.locator('[data-step="s1"]').click();
  const labels = page.getByRole('textbox', { name: /^第 \d+ 行的类别$/ });
  await expect(labels.first()).toBeVisible();
  for (const label of await labels.all())
    await expect(label).toHaveAttribute('maxlength', String(LIST_LABEL_MAX));
});
