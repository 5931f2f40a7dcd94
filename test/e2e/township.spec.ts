import { fileURLToPath } from 'node:url';
import { expect, test, useApp } from './app';

/**
 * 从上年报告开始 in the township template of 2008–2018: last year's report (寮步镇 2012, imported
 * from its draft file as it would come on a USB stick) starts 2013's. The prose and the unit's
 * data come along; last year's figures do not become this year's; the template is proposed by
 * the year.
 */
const server = useApp();
const LIAOBU = fileURLToPath(new URL('../../examples/liaobu-2012.json', import.meta.url));

test('a township-2012 report started from last year’s draft', async ({ page }) => {
  await page.goto(server.app.url);
  await page.locator('input[type=file]').setInputFiles(LIAOBU);
  await expect(page.locator('.step-pane h1')).toHaveText('基本信息');
  await expect(page.getByRole('textbox', { name: '单位名称' })).toHaveValue('寮步镇');
  await page.getByRole('button', { name: '政务公开年报助手' }).click();
  await expect(page.locator('.draft-card')).toHaveCount(2);

  await page.getByRole('button', { name: '新建报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建报告' });
  await dialog.getByRole('radio', { name: /从上年报告开始/ }).check();
  await dialog.getByLabel('沿用哪一份报告').selectOption({ label: '寮步镇 2012年度' });
  await expect(dialog.getByLabel('报告年度')).toHaveValue('2013');
  await expect(dialog.getByLabel('报告格式（模板）')).toHaveValue('township-2012');
  await dialog.getByRole('button', { name: '创建报告' }).click();

  await expect(page.locator('.draft-title')).toHaveText('2013年寮步镇政府信息公开工作年度报告');
  await expect(page.getByRole('textbox', { name: '报告年度' })).toHaveValue('2013');
  const steps = page.getByRole('navigation', { name: '填写步骤' });
  await expect(steps).toContainText('一、基本工作情况');
  await expect(steps).toContainText('六、主要问题和改进措施');
  await expect(steps).toContainText('附件（统计表）');

  await steps.getByRole('button', { name: /一、基本工作情况/ }).click();
  await expect(page.locator('#slot-basic\\.overview')).toHaveValue(/我镇按照上级有关政府信息公开文件的要求/);
  await steps.getByRole('button', { name: /六、主要问题和改进措施/ }).click();
  await expect(page.locator('#slot-problems\\.improvements')).toHaveValue(/加强政务信息公开的时效性/);

  // Last year's figures are last year's: this year's table starts empty.
  await steps.getByRole('button', { name: /附件/ }).click();
  await expect(page.locator('[data-field="request.total"]')).toHaveValue('');
  await expect(page.locator('[data-field="answer.total"]')).toHaveValue('0');
  await page.locator('[data-field="request.total"]').fill('3');
  await steps.getByRole('button', { name: /三、依申请公开政府信息情况/ }).click();
  // The standard sentence was generated for this year and follows this year's number.
  await expect(page.locator('#slot-request\\.summary')).toHaveValue(/^全年共受理政府信息公开申请3宗/);
});
