import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, screen, test, useApp } from './app';

/**
 * What the clerk sees is what the draft file holds (issue 7, items 1, 2, 4, 5 and 8): a refused
 * entry never half-reaches the file, one bad field never stops the others from saving, a step is
 * ticked only when its numbers were entered, every change can be taken back, and a broken rule
 * leads to the figure just typed. Each test reads the draft file on disk back.
 */
const EXAMPLE = JSON.parse(
  readFileSync(new URL('../../examples/national-2021-township-2025.json', import.meta.url), 'utf8'),
) as { id: string };
/** One copy of the finished sample report per test, so no test sees another's edits. */
const COPIES = ['trust-numbers', 'trust-date', 'trust-undo', 'trust-jump'] as const;

const server = useApp((dataDir) => {
  mkdirSync(join(dataDir, 'drafts'), { recursive: true });
  for (const id of COPIES)
    writeFileSync(join(dataDir, 'drafts', `${id}.json`), JSON.stringify({ ...EXAMPLE, id }, null, 2));
});

interface StoredDraft {
  issuedOn: string;
  unit: { address: string; phone: string };
  values: Record<string, number>;
  prose: Record<string, string>;
  lists: Record<string, { label: string; value: number }[]>;
}
const stored = (id: string) =>
  JSON.parse(readFileSync(join(server.app.dataDir, 'drafts', `${id}.json`), 'utf8')) as StoredDraft;

const cell = (page: Page, field: string) => page.locator(`[data-field="${field}"]`);
const step = (page: Page, id: string) => page.locator(`[data-step="${id}"]`);
const saved = (page: Page) => expect(page.locator('[data-save-state="saved"]')).toBeVisible();

/** Types as a clerk does, pausing longer than the autosave waits where `pauseAfter` says. */
async function typeSlowly(input: Locator, text: string, pauseAfter: number) {
  await input.click();
  await input.pressSequentially(text.slice(0, pauseAfter));
  await input.page().waitForTimeout(1_000);
  await input.pressSequentially(text.slice(pauseAfter));
}

test('item 1: a half-typed number never reaches the file, and a refused entry is shown as unfinished', async ({
  page,
}) => {
  const id = 'trust-numbers';
  await page.goto(`${server.app.url}#/draft/${id}/s2`);
  await expect(step(page, 's2')).toContainText('已完成');

  // 行政处罚 holds 38. "1.4": the "1" before the point, left long enough for an autosave, must not stay.
  const penalty = cell(page, 't2.penalty');
  await typeSlowly(penalty, '1.4', 1);
  await penalty.press('Tab');
  await expect(penalty).toHaveValue('1.4');
  await expect(penalty).toHaveAttribute('aria-invalid', 'true');
  await expect(penalty.locator('xpath=..').getByRole('alert')).toContainText('件数只能填写 0 或正整数');
  // Money too: 12.3456 is a valid prefix of a refused 12.34567 (万元 take four decimals).
  const fees = cell(page, 't2.fees');
  await typeSlowly(fees, '12.34567', 7);
  await fees.press('Tab');
  await expect(fees).toHaveAttribute('aria-invalid', 'true');
  await saved(page);
  expect(stored(id).values['t2.penalty']).toBe(38);
  expect(stored(id).values['t2.fees']).toBe(12.35);
  await expect(step(page, 's2')).toContainText('2 处没有保存');
  await expect(step(page, 's2')).not.toContainText('已完成');
  // The checks speak only for what is saved: beside refused entries they claim no all-clear.
  await expect(page.locator('.side-unfinished')).toContainText('还有 2 处填写不对，没有保存');
  await expect(page.locator('.checks-summary')).toHaveText('已保存的内容中没有发现问题。');
  await screen(page, 'trust-1-refused');

  // 三: "25.5" in 自然人 (5) must not show a row total of 25 + 3 = 28 while the file holds 25.
  await step(page, 's3').click();
  await expect(page.locator('.notices')).toContainText('刚才那一步有 2 处填写不对，没有保存');
  await expect(page.locator('.notices')).toContainText('行政处罚，本年处理决定数量：“1.4”');
  const natural = cell(page, 't3.new.natural');
  await typeSlowly(natural, '25.5', 2);
  await natural.press('Tab');
  await expect(cell(page, 't3.new.total')).toHaveValue('8');
  await saved(page);
  expect(stored(id).values['t3.new.natural']).toBe(5);

  // The export page does not say the report passes, and leads back to the entries.
  await step(page, '@export').click();
  const banner = page.locator('.export-unfinished');
  await expect(banner).toContainText('还有 3 处填写不对，没有保存');
  await expect(page.getByText('检查通过，可以导出正式稿。')).toHaveCount(0);
  await expect(page.getByRole('radio', { name: '正式稿' })).toBeDisabled();
  await screen(page, 'trust-1-export');
  // Reloading (or closing the window) loses none of it: the refused entries come back, still
  // refused and counted, while the file keeps the last valid values.
  await page.reload();
  await expect(banner).toContainText('还有 3 处填写不对，没有保存');
  await expect(step(page, 's2')).toContainText('2 处没有保存');
  expect(stored(id).values['t2.penalty']).toBe(38);
  // Nor does the list of reports call this one 没有问题.
  await page.goto(`${server.app.url}#/`);
  await expect(page.locator('.draft-card').filter({ hasText: '3 处填写不对，没有保存' })).toHaveCount(1);
  await page.goto(`${server.app.url}#/draft/${id}/@export`);
  await banner.getByRole('button', { name: /行政处罚/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('二、主动公开政府信息情况');
  await expect(penalty).toHaveValue('1.4');
  await expect(penalty).toBeFocused();

  // Corrected, it is saved, and the step is complete again once 行政事业性收费 is corrected too.
  await penalty.fill('14');
  await penalty.press('Tab');
  await fees.click();
  await fees.press('Escape');
  await expect(fees).toHaveValue('12.35');
  await saved(page);
  expect(stored(id).values['t2.penalty']).toBe(14);
  await expect(step(page, 's2')).toContainText('已完成');

  // A category count that shows 0: clicking it and typing 12 gives 12, not 012.
  await step(page, 's1').click();
  await page.getByRole('button', { name: '添加一行' }).click();
  const count = page.getByRole('textbox', { name: /的数量$/ }).last();
  await expect(count).toHaveValue('0');
  await count.click();
  await count.pressSequentially('12');
  await count.press('Tab');
  await expect(count).toHaveValue('12');
  await saved(page);
  expect(stored(id).lists['active.categories']!.at(-1)!.value).toBe(12);
});

test('item 2: 成文日期 is typed as a clerk writes it, and a bad one stops no other save', async ({
  page,
}) => {
  const id = 'trust-date';
  await page.goto(`${server.app.url}#/draft/${id}/@basic`);
  const date = page.getByRole('textbox', { name: '成文日期' });
  await expect(date).toHaveValue('2026年1月20日');
  const ways = [
    ['2027-1-11', '2027-01-11'],
    ['2027.1.12', '2027-01-12'],
    ['2027/1/13', '2027-01-13'],
    ['2027年1月14日', '2027-01-14'],
    ['20270115', '2027-01-15'],
    ['２０２７年１月１６日', '2027-01-16'],
  ] as const;
  for (const [typed, iso] of ways) {
    await date.fill(typed);
    await date.press('Tab');
    const [y, m, d] = iso.split('-').map(Number);
    await expect(date, typed).toHaveValue(`${y}年${m}月${d}日`);
    await saved(page);
    expect(stored(id).issuedOn, typed).toBe(iso);
  }

  // A day that does not exist is refused at the field; the file keeps the last real date…
  await date.fill('2027年2月30日');
  await date.press('Tab');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#issued-on-problem')).toContainText('2月只有28天');
  await expect(step(page, '@basic')).toContainText('1 处没有保存');
  // …and everything else goes on saving.
  const address = page.getByRole('textbox', { name: '联系地址' });
  await address.fill('清溪县云岭镇云岭大道99号');
  await saved(page);
  expect(stored(id).issuedOn).toBe('2027-01-16');
  expect(stored(id).unit.address).toBe('清溪县云岭镇云岭大道99号');
  await screen(page, 'trust-2-date');

  // A save the services refuse for one entry: the rest is saved, and the entry is named in the clerk's words.
  await page.route('**/api/drafts:save', async (route) => {
    const [draft] = route.request().postDataJSON() as [StoredDraft];
    if (!draft.unit.phone.includes('转')) return route.continue();
    return route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: { key: 'draft.error.format', params: { field: 'unit.phone' } },
      }),
    });
  });
  await page.getByRole('textbox', { name: '联系电话' }).fill('0572-5861234转8');
  await page.getByRole('textbox', { name: '所属地区' }).fill('浙江省清溪县');
  const alert = page.getByRole('alert').filter({ hasText: '联系电话' });
  await expect(alert).toContainText('其余内容已保存，只有这一项没有保存');
  await expect(alert).toContainText('草稿中的“联系电话”格式不对');
  await expect(page.locator('.topbar')).not.toContainText('unit.phone');
  await expect.poll(() => stored(id).unit.phone).toBe('0572-5861234');
  await expect.poll(() => (stored(id).unit as { region?: string }).region).toBe('浙江省清溪县');
  await page.unroute('**/api/drafts:save');
});

test('item 4: a new report ticks a table step only once its numbers are entered or confirmed as 0', async ({
  page,
}) => {
  await page.goto(server.app.url);
  await page.getByRole('button', { name: '新建报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建报告' });
  await dialog.getByLabel('报告年度').fill('2026');
  await dialog.getByLabel('单位名称').fill('柳溪镇人民政府');
  await dialog.getByRole('button', { name: '创建报告' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('基本信息');
  const id = /#\/draft\/([^/]+)/.exec(page.url())![1]!;

  for (const s of ['s2', 's3', 's4']) {
    await expect(step(page, s), s).not.toContainText('已完成');
    await expect(step(page, s), s).toContainText('没填');
  }
  await expect(page.locator('.progress-text')).toHaveText('已完成 0 / 7 步');

  // 二 had nothing to report: the clerk says so in one click, and the file holds explicit zeros.
  await step(page, 's2').click();
  await page.getByRole('button', { name: '本表没有要填的数：全部填 0' }).click();
  await expect(cell(page, 't2.licensing')).toHaveValue('0');
  await expect(step(page, 's2')).toContainText('已完成');
  await saved(page);
  const values = stored(id).values;
  for (const field of ['t2.rules.issued', 't2.normative.current', 't2.licensing', 't2.penalty', 't2.fees'])
    expect(values[field], field).toBe(0);

  // 三: a deliberate 0 typed into one cell is an entry; the untouched cells stay blank, not 0.
  await step(page, 's3').click();
  await cell(page, 't3.new.natural').click();
  await cell(page, 't3.new.natural').pressSequentially('0');
  await cell(page, 't3.new.natural').press('Tab');
  await expect(step(page, 's3')).toContainText('已完成');
  await expect(step(page, 's4')).toContainText('没填');
  await saved(page);
  expect(stored(id).values['t3.new.natural']).toBe(0);
  expect(stored(id).values['t3.new.business']).toBeUndefined();
  await screen(page, 'trust-4-progress');
});

test('item 5: a pasted block, typing, a generated sentence and a list row are undone and redone, and the file follows', async ({
  page,
}) => {
  const id = 'trust-undo';
  await page.goto(`${server.app.url}#/draft/${id}/s3`);
  const undo = page.getByRole('button', { name: '撤销' });
  const redo = page.getByRole('button', { name: '重做' });
  await expect(undo).toBeDisabled();

  // A row of 一、本年新收 copied from Excel: 自然人 5 → 7, 商业企业 2 → 8, 科研机构 blank → 9.
  await cell(page, 't3.new.natural').click();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '7\t8\t9\r\n');
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(cell(page, 't3.new.total')).toHaveValue('25');
  await saved(page);
  expect(stored(id).values).toMatchObject({
    't3.new.natural': 7,
    't3.new.business': 8,
    't3.new.research': 9,
  });

  await page.keyboard.press('Control+z');
  await expect(cell(page, 't3.new.total')).toHaveValue('8');
  await saved(page);
  expect(stored(id).values['t3.new.natural']).toBe(5);
  expect(stored(id).values['t3.new.business']).toBe(2);
  expect(stored(id).values['t3.new.research']).toBeUndefined();

  await page.keyboard.press('Control+y');
  await expect(cell(page, 't3.new.total')).toHaveValue('25');
  await saved(page);
  expect(stored(id).values['t3.new.research']).toBe(9);
  await page.keyboard.press('Control+Shift+Z');
  await undo.click();
  await expect(cell(page, 't3.new.total')).toHaveValue('8');
  await saved(page);
  expect(stored(id).values['t3.new.research']).toBeUndefined();

  // Typing a figure is one step, not one per keystroke.
  const legal = cell(page, 't3.new.legal');
  await legal.click();
  await legal.pressSequentially('123');
  await legal.press('Tab');
  await saved(page);
  expect(stored(id).values['t3.new.legal']).toBe(123);
  await undo.click();
  await expect(legal).toHaveValue('1');
  await saved(page);
  expect(stored(id).values['t3.new.legal']).toBe(1);
  await redo.click();
  await expect(legal).toHaveValue('123');
  await undo.click();
  await saved(page);

  // Typing in a slot, then a generated sentence: each is a step of its own.
  await step(page, 's6').click();
  const other = page.locator('#slot-s6\\.other');
  const before = await other.inputValue();
  await other.fill('');
  await page.getByRole('button', { name: '填入这段文字' }).click();
  await expect(other).toHaveValue('2025年，我镇未收取信息处理费。');
  await saved(page);
  expect(stored(id).prose['s6.other']).toBe('2025年，我镇未收取信息处理费。');
  await undo.click();
  await expect(other).toHaveValue('');
  await undo.click();
  await expect(other).toHaveValue(before);
  await saved(page);
  expect(stored(id).prose['s6.other']).toBe(before);

  // A category row added, a refused count typed into it, and the row taken back: the refused
  // text goes with its row, or it would count as unfinished with no field left to correct it in.
  await step(page, 's1').click();
  const rows = stored(id).lists['active.categories']!.length;
  await page.getByRole('button', { name: '添加一行' }).click();
  const count = page.getByRole('textbox', { name: /的数量$/ }).last();
  await count.click();
  await count.pressSequentially('1.5');
  await count.press('Tab');
  await expect(step(page, 's1')).toContainText('1 处没有保存');
  await saved(page);
  expect(stored(id).lists['active.categories']).toHaveLength(rows + 1);
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  await saved(page);
  expect(stored(id).lists['active.categories']).toHaveLength(rows);
  await expect(step(page, 's1')).not.toContainText('没有保存');
  await page.reload();
  await expect(step(page, '@export')).not.toContainText('没有保存');
  await screen(page, 'trust-5-undo');
});

test('item 8: 去改正错误 after breaking R1 in 予以公开 goes to the 予以公开 cell just changed', async ({
  page,
}) => {
  const id = 'trust-jump';
  await page.goto(`${server.app.url}#/draft/${id}/s3`);
  // 自然人: 5 new + 1 carried = 5 handled + 1 carried on. 予以公开 2 → 3 breaks R1, placed at 四、结转下年度.
  const open = cell(page, 't3.open.natural');
  await open.click();
  await open.pressSequentially('3');
  await open.press('Tab');
  await saved(page);
  expect(stored(id).values['t3.open.natural']).toBe(3);
  await expect(cell(page, 't3.carryOut.natural')).toHaveAttribute('aria-invalid', 'true');

  await step(page, '@export').click();
  await page.getByRole('button', { name: '去改正错误' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('三、收到和处理政府信息公开申请情况');
  await expect(open).toBeFocused();
  await screen(page, 'trust-8-jump');

  // The checks panel leads to the same cell.
  await step(page, '@basic').click();
  await page.getByRole('tab', { name: /检查/ }).click();
  await page
    .locator('.checks-item.is-error')
    .filter({ hasText: '一＋二＝（七）总计＋四' })
    .filter({ hasText: '自然人' })
    .locator('.checks-jump')
    .click();
  await expect(open).toBeFocused();

  await open.fill('2');
  await open.press('Tab');
  await saved(page);
  expect(stored(id).values['t3.open.natural']).toBe(2);
});
