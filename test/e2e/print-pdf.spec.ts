import { pdfPageSizes, pdfText, isA4Landscape, isA4Portrait } from '../office/soffice';
import { expect, test, useApp } from './app';

/**
 * 导出 PDF: the print route rendered by Chromium's page.pdf() (the engine of Electron's
 * printToPDF) through the real services. The pages are A4 (a landscape page for the wide table
 * 四), as many as the preview showed, with the report's headings and page numbers in the text.
 */
const server = useApp();
const SAMPLE = 'example-national-2021-township-2025';

test('printing to PDF through Chromium: A4 pages, the preview’s page count, the headings', async ({
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
  expect(sizes.every((s) => isA4Portrait(s) || isA4Landscape(s))).toBe(true);
  expect(isA4Portrait(sizes[0]!)).toBe(true);

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
});
