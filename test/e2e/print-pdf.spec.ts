import { pdfPageSizes, pdfText, isA4Portrait } from '../office/soffice';
import { expect, test, useApp } from './app';

/**
 * 导出 PDF: the print route rendered by Chromium's page.pdf() (the engine of Electron's
 * printToPDF) through the real services. The pages are A4 portrait (the wide table 四 in small
 * type, not turned), as many as the preview showed, with the report's headings and page numbers in
 * the text.
 */
const server = useApp();
const SAMPLE = 'example-national-2021-township-2025';

test('printing to PDF through Chromium: A4 portrait pages, the preview’s page count, the headings', async ({
  page,
}) => {
  await page.goto(`${server.app.url}#/draft/${SAMPLE}/@export`);
  const preview = page.locator('.paged-preview');
  await expect(preview).toBeVisible();
  const previewPages = Number(await preview.getAttribute('data-pages'));
  expect(previewPages).toBeGreaterThanOrEqual(3);

  await page.getByRole('button', { name: '导出 PDF' }).click();
  const saved = page.locator('.export-result');
  await expect(saved).toContainText('文件已保存到：', { timeout: 60_000 });
  const path = (await saved.locator('.path').textContent())!;
  expect(path.endsWith('清溪县云岭镇人民政府2025年政府信息公开工作年度报告.pdf')).toBe(true);

  const sizes = pdfPageSizes(path);
  expect(sizes.length).toBe(previewPages);
  sizes.forEach((s, i) => expect(isA4Portrait(s), `page ${i + 1}`).toBe(true));

  const text = pdfText(path).replace(/[ \t]+/g, '');
  for (const heading of [
    '一、总体情况',
    '（一）主动公开',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
    '2026年1月20日',
    '—1—',
  ])
    expect(text).toContain(heading);
  expect(text).not.toContain('草稿');

  // Table 四 on its portrait page: each header word in two whole halves (结果/维持, never 结果维/持),
  // its 15 figures in one row.
  const t4 = pdfText(path)
    .split('\f')
    .find((p) => p.includes('未经复议直接起诉'))!;
  // Each of the three groups prints 维持, 纠正 and 审结 whole (how pdftotext joins the groups into
  // lines depends on where their cells centre, so count words, not lines).
  for (const word of ['维持', '纠正', '审结']) expect(t4.match(new RegExp(word, 'g')), word).toHaveLength(3);
  expect(t4).not.toMatch(/结果维|维\s*\n\s*持|审\s*\n\s*结/);
  expect(t4).toMatch(/^\d+( \d+){14}$/m);
});
