import type { Page } from '@playwright/test';
import { expect, test, useApp } from './app';

/**
 * A start draws the first screen once, with its data: no "正在加载" and no empty home page for a
 * moment before the report appears. Only a request slower than the app's patience shows the
 * loading state, and then the report follows it.
 */
const server = useApp();
const SAMPLE = 'example-national-2021-township-2025';

/** Records, in the page, what the app's first drawing into #root held. */
async function watchFirstDrawing(page: Page, selector: string) {
  await page.addInitScript((wanted) => {
    const seen = { first: null as null | { wanted: boolean; loading: boolean }, loading: false };
    (window as unknown as { __firstDrawing: typeof seen }).__firstDrawing = seen;
    new MutationObserver(() => {
      const root = document.getElementById('root');
      if (!root?.firstChild) return;
      const loading = root.querySelector('.loading') !== null;
      seen.loading ||= loading;
      seen.first ??= { wanted: root.querySelector(wanted) !== null, loading };
    }).observe(document, { childList: true, subtree: true });
  }, selector);
}

const firstDrawing = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __firstDrawing: { first: unknown; loading: boolean } }).__firstDrawing,
  );

test('the home page draws the clerk’s reports in its first drawing', async ({ page }) => {
  await watchFirstDrawing(page, '.draft-card');
  await page.goto(server.app.url);
  await expect(page.locator('.draft-card')).toHaveCount(1);
  expect(await firstDrawing(page)).toEqual({ first: { wanted: true, loading: false }, loading: false });
});

test('a report opened by its address draws its step in the first drawing', async ({ page }) => {
  await watchFirstDrawing(page, '.step-pane textarea');
  await page.goto(`${server.app.url}#/draft/${SAMPLE}/s1`);
  await expect(page.locator('#slot-s1\\.intro')).toHaveValue(/^2025年，云岭镇/);
  expect(await firstDrawing(page)).toEqual({ first: { wanted: true, loading: false }, loading: false });
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible();
});

test('a slow answer shows the loading state instead of a blank window, then the report', async ({ page }) => {
  await watchFirstDrawing(page, '.step-pane textarea');
  await page.route('**/api/drafts:open', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.goto(`${server.app.url}#/draft/${SAMPLE}/s1`);
  await expect(page.locator('#slot-s1\\.intro')).toHaveValue(/^2025年，云岭镇/);
  expect(await firstDrawing(page)).toEqual({ first: { wanted: false, loading: true }, loading: true });
});
