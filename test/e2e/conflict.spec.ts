import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, useApp } from './app';

/**
 * #7.13: another process (the command line, the app under another login) saves the draft while
 * the clerk types. Neither version is lost, and the screen never goes on showing a version the
 * file does not hold.
 */
const server = useApp();
const SAMPLE = 'example-national-2021-township-2025';
const file = () => join(server.app.dataDir, 'drafts', `${SAMPLE}.json`);

test('a save made elsewhere meanwhile is kept, the clerk’s version becomes a backup, and the screen shows the file', async ({
  page,
}) => {
  await page.goto(`${server.app.url}#/draft/${SAMPLE}/s6`);
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible();

  // Another process saves a newer revision of the same draft.
  const elsewhere = JSON.parse(readFileSync(file(), 'utf8')) as {
    prose: Record<string, string>;
    meta: { revision: number };
  };
  elsewhere.prose['s6.other'] = '本年度未收取信息处理费。（在另一台电脑上改过）';
  elsewhere.meta.revision += 1;
  writeFileSync(file(), `${JSON.stringify(elsewhere, null, 2)}\n`);

  const area = page.locator('#slot-s6\\.other');
  await area.click();
  await area.press('Control+End');
  await area.pressSequentially('这句是本机刚打的。');

  await expect(page.getByText(/在别处.*保存过更新的内容/)).toBeVisible();
  await expect(area).toHaveValue('本年度未收取信息处理费。（在另一台电脑上改过）');
  const onDisk = JSON.parse(readFileSync(file(), 'utf8')) as { prose: Record<string, string> };
  expect(onDisk.prose['s6.other']).toBe('本年度未收取信息处理费。（在另一台电脑上改过）');

  const backups = join(server.app.dataDir, 'backups', SAMPLE);
  const kept = readdirSync(backups).filter((name) => name.startsWith('conflict-'));
  expect(kept).toHaveLength(1);
  expect(readFileSync(join(backups, kept[0]!), 'utf8')).toContain('这句是本机刚打的。');
});
