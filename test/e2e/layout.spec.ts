import type { Locator, Page } from '@playwright/test';
import { expect, screen, test, useApp } from './app';

/**
 * The wizard on the commonest office screen, 1366 × 768, at 100 % and 150 % text: the wide tables
 * fit beside the open side pane or keep their row labels in view while they scroll, the settings
 * dialog's 关闭 stays on screen, and the preview can be read at real size.
 */
const server = useApp();
const SAMPLE = 'example-national-2021-township-2025';

async function textSize(size: 100 | 150) {
  const response = await fetch(`${server.app.url}api/settings:set`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([{ textSize: size }]),
  });
  expect(response.ok).toBe(true);
}

async function openStep(page: Page, step: string) {
  await page.goto(`${server.app.url}#/draft/${SAMPLE}/${step}`);
  await expect(page.locator('.table-grid')).toBeVisible();
  // The clerk opens the side pane to work through the checks.
  const expand = page.locator('.side-expand').first();
  if (await expand.isVisible()) await expand.click();
  await expect(page.getByRole('tab', { name: /检查/ })).toBeVisible();
}

/** How much of `target` lies inside the visible part of the grid's scrolling view, 0 to 1, horizontally. */
async function shownInGrid(grid: Locator, target: Locator): Promise<number> {
  const view = (await grid.locator('.table-grid-scroll').boundingBox())!;
  const box = (await target.boundingBox())!;
  const left = Math.max(view.x, box.x);
  const right = Math.min(view.x + view.width, box.x + box.width);
  return Math.max(0, right - left) / box.width;
}

test.afterEach(async () => textSize(100));

test('at 100 % with the side pane open, tables 三 and 四 show every column', async ({ page }) => {
  await textSize(100);
  for (const [step, table, fields] of [
    ['s3', 't3', ['t3.new.natural', 't3.new.other', 't3.new.total', 't3.carryOut.total']],
    ['s4', 't4', ['t4.review.upheld', 't4.direct.total', 't4.after.pending', 't4.after.total']],
  ] as const) {
    await openStep(page, step);
    const grid = page.locator(`[data-table="${table}"]`);
    for (const field of fields)
      expect(await shownInGrid(grid, page.locator(`[data-field="${field}"]`)), field).toBe(1);
    await screen(page, `layout-100-${table}`);
  }
});

test('at 150 % table 三 shows its labels and most columns, and its labels stay while it scrolls', async ({
  page,
}) => {
  await textSize(150);
  await openStep(page, 's3');
  const grid = page.locator('[data-table="t3"]');
  const label = grid.getByRole('rowheader', { name: '（一）予以公开' });
  const shown = await Promise.all(
    ['natural', 'business', 'research', 'public', 'legal'].map((c) =>
      shownInGrid(grid, page.locator(`[data-field="t3.new.${c}"]`)),
    ),
  );
  expect(shown).toEqual([1, 1, 1, 1, 1]);
  await screen(page, 'layout-150-t3');

  // Fixing a figure in the last columns, far right: its row's labels are still in view.
  await page.locator('[data-field="t3.open.other"]').click();
  await grid.locator('.table-grid-scroll').evaluate((el) => (el.scrollLeft = el.scrollWidth));
  expect(await shownInGrid(grid, page.locator('[data-field="t3.open.total"]'))).toBe(1);
  expect(await shownInGrid(grid, label)).toBe(1);
  expect(await shownInGrid(grid, grid.getByRole('rowheader', { name: '1.属于国家秘密' }))).toBe(1);
  await screen(page, 'layout-150-t3-scrolled');
});

test('the settings dialog keeps 关闭 on screen at 150 %', async ({ page }) => {
  await textSize(150);
  await page.goto(`${server.app.url}#/draft/${SAMPLE}/s1`);
  await page.getByRole('button', { name: '设置' }).click();
  const dialog = page.getByRole('dialog', { name: '设置' });
  const close = dialog.getByRole('button', { name: '关闭' });
  const box = (await close.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  await screen(page, 'layout-150-settings');
  await close.click();
  await expect(dialog).toBeHidden();
});

test('the preview fits the pane’s width or shows pages at real size', async ({ page }) => {
  await textSize(100);
  await page.goto(`${server.app.url}#/draft/${SAMPLE}/s1`);
  await page.getByRole('tab', { name: '预览' }).click();
  const preview = page.locator('.paged-preview');
  const viewport = preview.locator('.pp-viewport');
  const firstPage = preview.locator('.pp-page').first();
  await expect(firstPage).toBeVisible();
  const view = (await viewport.boundingBox())!;
  const fitted = (await firstPage.boundingBox())!;
  expect(fitted.width).toBeLessThanOrEqual(view.width);
  expect(fitted.width).toBeGreaterThan(view.width * 0.8);

  await preview.getByRole('button', { name: '100%' }).click();
  // A4 is 210 mm: 794 px at 96 dpi, body type at its printed 16 pt.
  await expect.poll(async () => Math.round((await firstPage.boundingBox())!.width)).toBe(794);
  await screen(page, 'layout-100-preview-real-size');
  await preview.getByRole('button', { name: '缩小' }).click();
  await expect(preview.locator('.pp-scale')).toHaveText('75%');
  await preview.getByRole('button', { name: '适合宽度' }).click();
  await expect.poll(async () => (await firstPage.boundingBox())!.width).toBeLessThanOrEqual(view.width);
});
