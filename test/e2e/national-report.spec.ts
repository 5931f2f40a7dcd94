import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { expect, screen, test, useApp } from './app';

/**
 * A newcomer's whole job in the national format of 2021: a new empty report, every step filled
 * in through the wizard as a clerk would (typing, generated sentences, standard phrases, the
 * category list, the tables), then the final Word file, whose text is read back from the .docx.
 */
const server = useApp();

const UNIT = '青山镇人民政府';
const YEAR = 2025;

async function next(page: Page, title: RegExp) {
  await page.getByRole('button', { name: /^下一步/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

/** Types into a cell as a clerk does: character by character, then Tab to the next cell. */
async function cell(page: Page, field: string, value: string) {
  const input = page.locator(`[data-field="${field}"]`);
  await input.click();
  await input.pressSequentially(value);
  await input.press('Tab');
}

async function write(page: Page, heading: string, text: string) {
  const slot = page
    .locator('section.slot')
    .filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
  await slot.locator('textarea').fill(text);
}

test('a national-2021 report from a new draft to an exported Word file', async ({ page }) => {
  await page.goto(server.app.url);
  await expect(page.getByRole('heading', { name: '我的年度报告' })).toBeVisible();
  await screen(page, '01-home');

  await page.getByRole('button', { name: '新建报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建报告' });
  await dialog.getByLabel('报告年度').fill(String(YEAR));
  await dialog.getByLabel('单位名称').fill(UNIT);
  await expect(dialog.getByLabel('报告格式（模板）')).toHaveValue('national-2021');
  await screen(page, '02-new-report');
  await dialog.getByRole('button', { name: '创建报告' }).click();

  // 基本信息
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('基本信息');
  await page.getByRole('textbox', { name: '联系地址' }).fill('青山县青山镇人民路1号');
  await page.getByRole('textbox', { name: '联系电话' }).fill('0571-12345678');
  await page.getByRole('textbox', { name: '报告电子版的下载网址' }).fill('青山县人民政府门户网站');
  await page.getByRole('textbox', { name: '成文日期' }).fill(`${YEAR + 1}-01-20`);
  await page.getByRole('button', { name: '填入这段文字' }).click();
  await expect(page.locator('#slot-preface')).toHaveValue(/由青山镇人民政府编制/);
  await screen(page, '03-step-basic');

  // 一、总体情况: the category list, then the generated sentences and the clerk's own text.
  await next(page, /一、总体情况/);
  await write(page, '正文', `${YEAR}年，青山镇认真贯彻落实《条例》，政府信息公开工作稳步推进。`);
  const counts = [12, 30, 8, 20, 100, 30];
  for (const [i, n] of counts.entries()) {
    const input = page.getByRole('textbox', { name: /的数量$/ }).nth(i);
    await input.fill(String(n));
  }
  await expect(page.locator('.list-table tfoot')).toContainText('200 条');
  const active = page
    .locator('section.slot')
    .filter({ has: page.getByRole('heading', { name: '（一）主动公开' }) });
  await active.getByRole('button', { name: '填入这段文字' }).click();
  await expect(active.locator('textarea')).toHaveValue(/主动公开政府信息200条，其中机构职能类12条，占6.0%/);
  const management = page
    .locator('section.slot')
    .filter({ has: page.getByRole('heading', { name: '（三）政府信息管理' }) });
  await management.getByRole('button', { name: '常用语：工作措施' }).click();
  await management.getByRole('button', { name: /^插入：严格落实政府信息公开属性源头认定机制/ }).click();
  await expect(management.locator('textarea')).toHaveValue(/公文在拟稿时即明确公开属性/);
  const request = page
    .locator('section.slot')
    .filter({ has: page.getByRole('heading', { name: '（二）依申请公开' }) });
  await request.getByRole('button', { name: '填入这段文字' }).click();
  await write(page, '（四）政府信息公开平台建设', '持续优化镇政府信息公开专栏。');
  await write(page, '（五）监督保障', '将政务公开纳入年度考核。');
  await screen(page, '04-step-s1');

  // 二、主动公开政府信息情况
  await next(page, /二、主动公开政府信息情况/);
  await cell(page, 't2.normative.issued', '2');
  await cell(page, 't2.normative.current', '５');
  await cell(page, 't2.licensing', '36');
  await screen(page, '05-step-s2');

  // 三、收到和处理政府信息公开申请情况: 一 + 二 = （七）总计 + 四 holds (R1).
  await next(page, /三、收到和处理政府信息公开申请情况/);
  await cell(page, 't3.new.natural', '4');
  await cell(page, 't3.new.business', '1');
  await cell(page, 't3.open.natural', '3');
  await cell(page, 't3.open.business', '1');
  await cell(page, 't3.carryOut.natural', '1');
  await expect(page.locator('[data-field="t3.total.total"]')).toHaveValue('4');
  await screen(page, '06-step-s3');

  await next(page, /四、政府信息公开行政复议、行政诉讼情况/);
  await page.getByRole('button', { name: '填入这段文字' }).click();
  await screen(page, '07-step-s4');

  await next(page, /五、存在的主要问题及改进情况/);
  await write(page, '（一）存在的主要问题', '信息更新的及时性有待提高。');
  const improvements = page
    .locator('section.slot')
    .filter({ has: page.getByRole('heading', { name: '（二）改进情况' }) });
  await improvements.getByRole('button', { name: '常用语：改进措施' }).click();
  await improvements.getByRole('button', { name: /^插入：加强业务培训/ }).click();
  await screen(page, '08-step-s5');

  await next(page, /六、其他需要报告的事项/);
  await page.getByRole('button', { name: '填入这段文字' }).click();
  await expect(page.locator('#slot-s6\\.other')).toHaveValue(`${YEAR}年，我镇未收取信息处理费。`);
  await screen(page, '09-step-s6');

  await next(page, /导出和打印/);
  await expect(
    page.getByText('检查通过，可以导出正式稿。').or(page.getByText(/没有错误，可以导出正式稿/)),
  ).toBeVisible();
  await expect(page.getByRole('radio', { name: '正式稿' })).toBeChecked();
  await page.getByRole('button', { name: '导出 Word 文件（.docx）' }).click();
  const saved = page.locator('.export-result');
  await expect(saved).toContainText('文件已保存到：');
  await expect(saved.getByRole('button', { name: '打开所在文件夹' })).toBeVisible();
  await screen(page, '10-step-export');

  const path = (await saved.locator('.path').textContent())!;
  expect(path.startsWith(server.app.outDir)).toBe(true);
  expect(path.endsWith(`${UNIT}${YEAR}年政府信息公开工作年度报告.docx`)).toBe(true);
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  for (const expected of [
    `${UNIT}${YEAR}年政府信息公开工作年度报告`,
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
    '由青山镇人民政府编制',
    '青山镇认真贯彻落实《条例》',
    '主动公开政府信息200条',
    '公文在拟稿时即明确公开属性',
    '信息更新的及时性有待提高',
    `${YEAR}年，我镇未发生因政府信息公开引起的行政复议、行政诉讼案件。`,
    `${YEAR + 1}年1月20日`,
  ])
    expect(text).toContain(expected);
  expect(text).not.toContain('草稿');
});
