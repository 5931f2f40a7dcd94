import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, useApp } from './app';

/**
 * A draft file damaged while the app was closed (a crash mid-write, a bad disk sector): on the
 * next start the clerk is told, in words, which file was affected and what was recovered, and
 * the report opens from its newest good backup.
 */
const server = useApp();
const SAMPLE = 'example-national-2021-township-2025';

test('a corrupted draft file on start is reported and restored from its backup', async ({ page }) => {
  await page.goto(`${server.app.url}#/draft/${SAMPLE}/s5`);
  const area = page.locator('#slot-s5\\.improvements');
  await area.click();
  await area.press('Control+End');
  await area.pressSequentially('4.加强队伍建设。');
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible();
  await page.goto('about:blank');

  const app = await server.restart((dataDir) =>
    // Half a file, as a write cut off by a power failure leaves it.
    writeFileSync(
      join(dataDir, 'drafts', `${SAMPLE}.json`),
      '{\n  "formatVersion": 2,\n  "id": "example-nat',
    ),
  );
  await page.goto(app.url);
  const notice = page.locator('.notices .banner');
  await expect(notice).toContainText(`${SAMPLE}.json`);
  await expect(notice).toContainText('已损坏');
  await expect(notice).toContainText('备份恢复');

  await page.getByRole('button', { name: '继续填写' }).click();
  await page.getByRole('button', { name: /五、存在的主要问题及改进情况/ }).click();
  // Every save is also a backup, so the newest good one holds the last words typed.
  await expect(page.locator('#slot-s5\\.improvements')).toHaveValue(
    /3\.提升办理能力[\s\S]*4\.加强队伍建设。$/,
  );
});
