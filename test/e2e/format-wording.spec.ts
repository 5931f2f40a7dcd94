import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { expect, screen, test, useApp } from './app';

/**
 * The unit's own wording of a legacy report (#8.6) and its share precision (#8.5): a 寮步 draft
 * rewords 六、, leaves out 四、 and prints its category shares with one decimal. The step list keeps
 * the section left out (so it can be brought back), the Word file numbers the rest without a gap,
 * and the draft file on disk holds the unit's choices.
 */
const server = useApp();
const LIAOBU = fileURLToPath(new URL('../../examples/liaobu-2012.json', import.meta.url));
const OWN_TITLE = '工作存在的主要问题和改进措施';

test('a 寮步 draft rewords a section, leaves one out and exports the renumbered headings', async ({
  page,
}) => {
  await page.goto(server.app.url);
  await page.locator('input[type=file]').setInputFiles(LIAOBU);
  await expect(page.locator('.step-pane h1')).toHaveText('基本信息');
  const steps = page.getByRole('navigation', { name: '填写步骤' });

  await steps.locator('[data-step="problems"]').click();
  await expect(page.locator('.step-pane h1')).toHaveText('六、主要问题和改进措施');
  await page.getByLabel('本部分标题（按本单位的写法，不含“一、”等序号）').fill(OWN_TITLE);
  await expect(page.locator('.step-pane h1')).toHaveText(`六、${OWN_TITLE}`);

  await steps.locator('[data-step="fees"]').click();
  await page.getByRole('checkbox', { name: '本部分不写（不打印）' }).check();
  // Still in the list, without a numeral, so it can be brought back; the parts after it move up.
  await expect(steps.locator('[data-step="fees"]')).toContainText('政府信息公开相关费用情况');
  await expect(steps.locator('[data-step="fees"]')).not.toContainText('四、');
  await expect(steps.locator('[data-step="review"]')).toContainText('四、申请行政复议、提起行政诉讼情况');
  await expect(steps.locator('[data-step="problems"]')).toContainText(`五、${OWN_TITLE}`);
  // Its text would not print: the step says so and offers to move it.
  await expect(page.getByRole('group', { name: '不会打印的文字' })).toContainText(
    '全年依申请公开政府信息支出0元。',
  );

  await screen(page, 'wording-omitted-section');

  await steps.locator('[data-step="active"]').click();
  await page.getByLabel('“主动公开政府信息分类”的比例保留').selectOption({ label: '一位小数（如 56.4%）' });

  await steps.getByRole('button', { name: /导出和打印/ }).click();
  await page.getByRole('button', { name: '导出 Word 文件（.docx）' }).click();
  const saved = page.locator('.export-result');
  await expect(saved).toContainText('文件已保存到：');
  const path = (await saved.locator('.path').textContent())!;
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  for (const heading of [
    '一、基本工作情况',
    '二、主动公开政府信息情况',
    '三、依申请公开政府信息情况',
    '四、申请行政复议、提起行政诉讼情况',
    `五、${OWN_TITLE}`,
  ])
    expect(text).toContain(heading);
  expect(text).not.toContain('六、');
  expect(text).not.toContain('政府信息公开相关费用情况全年');
  expect(text).not.toContain('全年依申请公开政府信息支出0元。');

  const file = JSON.parse(
    readFileSync(join(server.app.dataDir, 'drafts', 'example-liaobu-2012.json'), 'utf8'),
  );
  expect(file.sections).toEqual({ problems: { title: OWN_TITLE }, fees: { omit: true } });
  expect(file.listDecimals).toEqual({ 'active.categories': 1 });
  expect(file.prose['fees.summary']).toBe('全年依申请公开政府信息支出0元。');
});

test('text in a part the 寮步 format does not print is named on 基本信息 and moved where it prints', async ({
  page,
}) => {
  const draft = JSON.parse(readFileSync(LIAOBU, 'utf8'));
  draft.id = 'liaobu-measures-2012';
  draft.prose['measures.body'] = '建立健全政府信息公开工作机制。';
  await page.goto(server.app.url);
  await page.locator('input[type=file]').setInputFiles({
    name: 'liaobu-measures.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(draft)),
  });
  await expect(page.locator('.step-pane h1')).toHaveText('基本信息');
  const offer = page.getByRole('group', { name: '不会打印的文字' });
  await expect(offer).toContainText('完成政府信息公开工作所采取的工作措施');
  await offer.scrollIntoViewIfNeeded();
  await screen(page, 'wording-unprinted-basic');
  await offer.getByLabel('移到').selectOption({ label: '一、基本工作情况' });
  await offer.getByRole('button', { name: '移过去' }).click();
  await expect(offer).toHaveCount(0);
  await page.getByRole('navigation', { name: '填写步骤' }).locator('[data-step="basic"]').click();
  await expect(page.locator('#slot-basic\\.overview')).toHaveValue(/建立健全政府信息公开工作机制。$/);

  await expect
    .poll(() => {
      const file = JSON.parse(readFileSync(join(server.app.dataDir, 'drafts', `${draft.id}.json`), 'utf8'));
      return [
        file.prose['measures.body'],
        file.prose['basic.overview'].endsWith('\n建立健全政府信息公开工作机制。'),
      ];
    })
    .toEqual([undefined, true]);
});
