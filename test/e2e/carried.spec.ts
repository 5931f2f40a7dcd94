import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeDraft } from '../../shared/report/draft-io';
import { LIUXI_INTRO, LIUXI_PROBLEMS, liuxi2026Draft } from '../fixtures/liuxi-2026';
import { expect, screen, test, useApp } from './app';

/**
 * #7.3: a 2027 report started from the 2026 one keeps last year's paragraphs, and says so. The
 * sentences that present 2026 as the reporting year are YEAR findings whatever their subject,
 * each carried paragraph is marked 上年内容 (with last year's figures named) until the clerk edits
 * or confirms it, and a confirmation reaches the draft file on disk.
 */
const server = useApp();

/** 柳溪镇's 2026 report as a draft file, as it would come on a USB stick. */
function lastYearFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'nianbao-carried-')), 'liuxi-2026.json');
  writeFileSync(file, serializeDraft(liuxi2026Draft()));
  return file;
}

test('a 2027 report started from 2026: last year’s year and figures are named, carried paragraphs marked until confirmed', async ({
  page,
}) => {
  await page.goto(server.app.url);
  await page.locator('input[type=file]').setInputFiles(lastYearFile());
  await expect(page.getByRole('textbox', { name: '单位名称' })).toHaveValue('柳溪镇人民政府');
  await page.getByRole('button', { name: '政务公开年报助手' }).click();

  await page.getByRole('button', { name: '新建报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建报告' });
  await dialog.getByRole('radio', { name: /从上年报告开始/ }).check();
  await dialog.getByLabel('沿用哪一份报告').selectOption({ label: '柳溪镇人民政府 2026年度' });
  await expect(dialog.getByLabel('报告年度')).toHaveValue('2027');
  await dialog.getByRole('button', { name: '创建报告' }).click();
  await expect(page.locator('.draft-title')).toHaveText('柳溪镇人民政府2027年政府信息公开工作年度报告');

  const steps = page.getByRole('navigation', { name: '填写步骤' });
  // 上年结转 and 现行有效件数 start at last year's figures, but no table of this year's is filled in yet.
  for (const id of ['s2', 's3']) {
    await expect(page.locator(`[data-step="${id}"]`)).not.toContainText('已完成');
    await expect(page.locator(`[data-step="${id}"]`)).toContainText('没填');
  }
  await steps.getByRole('button', { name: /一、总体情况/ }).click();
  const intro = page.locator('section.slot').filter({ has: page.locator('#slot-s1\\.intro') });
  await expect(page.locator('#slot-s1\\.intro')).toHaveValue(LIUXI_INTRO.join('\n'));

  // The sentences that still present 2026 as the year reported on.
  const findings = intro.locator('.slot-findings');
  await expect(findings).toContainText(
    '“2026年，柳溪镇人民政府”把 2026 年当作报告年度，但本报告是 2027 年度的。',
  );
  await expect(findings).toContainText('“2026年政府信息公开”把 2026 年当作报告年度');
  await expect(findings).toContainText('其中的数字是上年的：3件、90条');

  // Every carried paragraph is marked; the one with figures names them.
  const marks = intro.locator('[data-carried]');
  await expect(marks).toHaveCount(3);
  await expect(marks.nth(2)).toContainText('上年内容');
  await expect(marks.nth(2)).toContainText('上年数字：3件、90条');

  // Confirming keeps the words and drops the mark.
  await intro.getByRole('button', { name: /^确认保留这一段上年内容：现将本镇2026年/ }).click();
  await expect(marks).toHaveCount(2);
  // Editing a paragraph makes it this year's: its mark and its figures' warning go.
  const area = page.locator('#slot-s1\\.intro');
  await area.fill(LIUXI_INTRO.join('\n').replace('3件', '5件').replace('90条', '120条'));
  await area.blur();
  await expect(marks).toHaveCount(1);
  await expect(findings).not.toContainText('上年的：3件');

  // Kept as it was, the first paragraph is still last year's text: it is shown as repeated.
  await intro.getByRole('button', { name: /^确认保留这一段上年内容：2026年，柳溪镇/ }).click();
  await expect(marks).toHaveCount(0);
  await expect(intro.locator('[data-repeated]')).toHaveCount(1);
  await expect(intro.locator('[data-repeated]')).toContainText('与 2026 年报告相同');
  await screen(page, 'carried-confirmed');

  const id = /#\/draft\/([^/]+)\//.exec(page.url())![1]!;
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible();
  // Both intro paragraphs confirmed, the third edited: only section 五's paragraph is still last year's.
  await expect
    .poll(
      () =>
        (
          JSON.parse(readFileSync(join(server.app.dataDir, 'drafts', `${id}.json`), 'utf8')) as {
            carried: Record<string, string[]>;
          }
        ).carried,
    )
    .toEqual({ 's5.problems': [LIUXI_PROBLEMS] });
  const stored = JSON.parse(readFileSync(join(server.app.dataDir, 'drafts', `${id}.json`), 'utf8')) as {
    year: number;
    prose: Record<string, string>;
    previous: { year: number; prose: Record<string, string> };
  };
  expect(stored.year).toBe(2027);
  expect(stored.prose['s1.intro']).toContain('现将本镇2026年政府信息公开工作情况报告如下：');
  expect(stored.previous.year).toBe(2026);
  expect(stored.previous.prose['s1.intro']).toBe(LIUXI_INTRO.join('\n'));
});

test('a 2026 report started from the 2025 sample: no step is ticked until this year’s words and numbers are in', async ({
  page,
}) => {
  await page.goto(server.app.url);
  await page.getByRole('button', { name: '新建报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建报告' });
  await dialog.getByRole('radio', { name: /从上年报告开始/ }).check();
  await dialog.getByLabel('沿用哪一份报告').selectOption({ label: '清溪县云岭镇人民政府 2025年度' });
  await dialog.getByRole('button', { name: '创建报告' }).click();
  await expect(page.locator('.draft-title')).toHaveText('清溪县云岭镇人民政府2026年政府信息公开工作年度报告');

  const step = (id: string) => page.locator(`[data-step="${id}"]`);
  // Every paragraph is there, but each is last year's until it is edited or confirmed.
  for (const id of ['s1', 's5', 's6']) {
    await expect(step(id)).toContainText('段上年内容待确认');
    await expect(step(id)).not.toContainText('已完成');
  }
  await expect(page.locator('.progress-text')).toHaveText('已完成 0 / 7 步');
  await screen(page, 'carried-progress');

  // Confirming every carried paragraph of 五 makes it this year's report: the step is done.
  await step('s5').click();
  const confirm = page.getByRole('button', { name: /^确认保留这一段上年内容：/ });
  while ((await confirm.count()) > 0) await confirm.first().click();
  await expect(step('s5')).not.toContainText('待确认');
  await expect(step('s5')).not.toContainText('没填');
  const id = /#\/draft\/([^/]+)\//.exec(page.url())![1]!;
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible();
  const stored = JSON.parse(readFileSync(join(server.app.dataDir, 'drafts', `${id}.json`), 'utf8')) as {
    carried: Record<string, string[]>;
  };
  expect(stored.carried['s5.problems']).toBeUndefined();
  expect(stored.carried['s5.improvements']).toBeUndefined();
});
