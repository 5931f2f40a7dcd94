import type { Page } from '@playwright/test';
import { expect, test, useApp } from './app';

/**
 * Every UI string goes through i18next: in English and in traditional Chinese no key is shown
 * raw (i18next shows the key itself when a translation is missing). The report's own text stays
 * as the template writes it.
 */
const server = useApp();
const SAMPLE = 'example-national-2021-township-2025';

/** Text that looks like an i18n key: a namespace, then dotted lower-camel segments (ui.home.title). */
const RAW_KEY = /\b(?:ui|sheet|checks|input|draft|app|cli)\.[a-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\b/g;

async function rawKeys(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label],[placeholder],[title]'))
      for (const attr of ['aria-label', 'placeholder', 'title']) parts.push(el.getAttribute(attr) ?? '');
    return parts.join('\n');
  });
  return [...shown.matchAll(RAW_KEY)].map((m) => m[0]);
}

async function chooseLanguage(page: Page, settingsButton: RegExp, language: string) {
  await page.getByRole('button', { name: settingsButton }).click();
  await page.getByRole('radio', { name: language }).check();
  expect(await rawKeys(page)).toEqual([]);
  await page.keyboard.press('Escape');
}

/** The mark the computed cells of a table step carry, as drawn, and the help sentence that explains it. */
async function computedMark(page: Page, step: string) {
  await page.goto(`${server.app.url}#/draft/${SAMPLE}/${step}`);
  const cell = page.locator('.table-grid-cell.is-computed:not(.has-error):not(.has-warning)').first();
  await expect(cell).toBeVisible();
  return {
    drawn: await cell.evaluate((el) => getComputedStyle(el, '::before').content),
    help: (await page.locator('.table-grid-help').textContent()) ?? '',
  };
}

/** Walks the screens a clerk sees and collects anything shown as a key. */
async function walk(page: Page, newReport: RegExp, steps: string[]) {
  const found: string[] = [];
  await page.goto(server.app.url);
  await expect(page.locator('.draft-card')).toHaveCount(1);
  found.push(...(await rawKeys(page)));
  await page.getByRole('button', { name: newReport }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  found.push(...(await rawKeys(page)));
  await page.keyboard.press('Escape');
  for (const step of steps) {
    await page.goto(`${server.app.url}#/draft/${SAMPLE}/${step}`);
    await expect(page.locator('.step-pane h1')).toBeVisible();
    found.push(...(await rawKeys(page)));
    for (const tab of await page.getByRole('tab').all()) {
      await tab.click();
      found.push(...(await rawKeys(page)));
    }
  }
  return found;
}

test('English and traditional Chinese show no untranslated key; the report stays Chinese', async ({
  page,
}) => {
  await page.goto(server.app.url);
  await chooseLanguage(page, /^设置$/, 'English');
  await expect(page.getByRole('heading', { name: 'My annual reports' })).toBeVisible();
  expect(await walk(page, /^New report$/, ['@basic', 's1', 's3', '@export'])).toEqual([]);
  // The report's text is the template's: Chinese in every UI language.
  await page.getByRole('tab', { name: 'Preview' }).click();
  await expect(page.locator('.paged-preview')).toContainText('一、总体情况');
  // The 计 of computed cells is a word of the interface, translated like the help that explains it.
  const english = await computedMark(page, 's3');
  expect(english.drawn).toBe('"Σ"');
  expect(english.help).toContain('Grey cells marked Σ are totals');
  await page.goto(`${server.app.url}#/draft/${SAMPLE}/@export`);

  await chooseLanguage(page, /^Settings$/, '繁體中文');
  await expect(page.locator('.step-pane h1')).toHaveText('匯出和列印');
  expect(await walk(page, /^新建報告$/, ['@basic', 's2', 's5', '@export'])).toEqual([]);
  const traditional = await computedMark(page, 's3');
  expect(traditional.drawn).toBe('"計"');
  expect(traditional.help).toContain('帶「計」字的格子是合計');

  await chooseLanguage(page, /^設定$/, '简体中文');
  await expect(page.getByRole('button', { name: '设置' })).toBeVisible();
  const simplified = await computedMark(page, 's3');
  expect(simplified.drawn).toBe('"计"');
  expect(simplified.help).toContain('带“计”字的格子是合计');
});
