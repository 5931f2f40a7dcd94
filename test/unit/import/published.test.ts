import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../shared/import';
import { runChecks } from '../../../shared/report/checks';
import { findTemplate } from '../../../shared/report/templates';

/**
 * Reports published on county portals in 2022–2024, as their pages' text reads when copied: one
 * cell per line with "|" lines between (新疆), one cell per line with blank lines (盐边), rows with
 * "|" between cells (九龙坡, 衢江), a report pasted as one line with its headings inline (永嘉),
 * and prose-only reports. The expected numbers are the published ones, written down by hand.
 */
const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/import/published/${name}`));

async function imported(name: string) {
  const result = await importDocument(fixture(name), name);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result;
}

const T2_ZERO = {
  't2.rules.issued': 0,
  't2.rules.repealed': 0,
  't2.rules.current': 0,
  't2.normative.issued': 0,
  't2.normative.repealed': 0,
  't2.normative.current': 0,
  't2.licensing': 0,
  't2.penalty': 0,
  't2.enforcement': 0,
};
const zeroRow = (row: string) =>
  Object.fromEntries(
    ['natural', 'business', 'research', 'public', 'legal', 'other'].map((c) => [`t3.${row}.${c}`, 0]),
  );

describe('reports we did not write import with their published numbers', () => {
  it('a 2023 town report whose table reads one cell per line: a published 规章 现行有效件数 of 6 is kept, and R10 flags it', async () => {
    const { draft, report } = await imported('xjnlk-town-2023.txt');
    expect(draft.template).toBe('national-2021');
    expect(draft.year).toBe(2023);
    expect(draft.unit.kind).toBe('township');
    expect(draft.values).toEqual({
      ...T2_ZERO,
      't2.rules.current': 6,
      't2.fees': 0,
      ...zeroRow('new'),
      ...zeroRow('carried'),
      ...zeroRow('open'),
      ...zeroRow('partial'),
      ...zeroRow('deny.secret'),
    });
    expect(draft.declared).toMatchObject({ 't3.new.total': 0, 't3.carried.total': 0, 't3.open.total': 0 });
    expect(report.cells.every((c) => c.confidence === 'high')).toBe(true);
    const findings = runChecks(findTemplate(draft.template)!, draft);
    expect(findings.some((f) => f.rule === 'R10')).toBe(true);
  });

  it('重庆市九龙坡区二郎街道 2022: rows with "|" between cells, and 4 行政规范性文件', async () => {
    const { draft } = await imported('erlang-subdistrict-2022.txt');
    expect(draft.year).toBe(2022);
    expect(draft.unit).toMatchObject({ name: '重庆市九龙坡区二郎街道办事处', kind: 'subdistrict' });
    expect(draft.values).toEqual({ ...T2_ZERO, 't2.normative.issued': 4, 't2.normative.current': 4 });
    expect(draft.prose['s1.active']).toMatch(/^全年通过区政府信息公开网站共公开信息314条/);
    expect(draft.prose['s1.request']).toBe(
      '全年新收政府信息公开申请数量0件,上年结转政府信息公开申请数量0件。',
    );
  });

  it('盐边县新九镇 2021: blank-line cells, 现行有效件 for 现行有效件数, 商业 / 企业 over two lines', async () => {
    const { draft, report } = await imported('xinjiu-town-2021.txt');
    expect(draft.year).toBe(2021);
    expect(draft.unit).toMatchObject({ name: '盐边县新九镇人民政府', kind: 'township' });
    expect(draft.values).toEqual({
      ...T2_ZERO,
      't2.fees': 0,
      ...zeroRow('new'),
      ...zeroRow('carried'),
      ...zeroRow('open'),
    });
    expect(report.skipped.filter((s) => s.reason === 'tableText').map((s) => s.text)).toContain('现行有效件');
    expect(draft.prose['s1.intro']).toMatch(/^新九镇认真贯彻落实/);
  });

  it('衢江区湖南镇 2021: the period gives the year, (二)政府信息主动公开情况 finds its slot', async () => {
    const { draft } = await imported('hunan-town-2021.txt');
    expect(draft.year).toBe(2021);
    expect(draft.unit.kind).toBe('township');
    expect(draft.values).toEqual({
      't2.rules.issued': 0,
      't2.rules.repealed': 0,
      't2.rules.current': 0,
      't2.normative.issued': 0,
      't2.normative.repealed': 0,
      't2.normative.current': 0,
      't2.licensing': 0,
    });
    expect(draft.prose['s1.active']).toBe('截至2021年底,共计在衢江区政府信息公开平台主动公开信息80条。');
    expect(draft.prose.preface).toMatch(/^根据《中华人民共和国政府信息公开条例》/);
  });

  it('义乌市廿三里街道 2022, prose only: the national format by its headings, 7 applications left in the prose', async () => {
    const { draft, report } = await imported('niansanli-subdistrict-2022.txt');
    expect(draft.template).toBe('national-2021');
    expect(draft.year).toBe(2022);
    expect(draft.unit).toMatchObject({ name: '义乌市廿三里街道办事处', kind: 'subdistrict' });
    expect(report.recognisedBy.tableRows).toBe(0);
    expect(draft.values).toEqual({});
    expect(draft.prose['s1.request']).toContain('共收到信息公开申请7件,上年度结转1件');
    expect(draft.prose['s1.oversight']).toMatch(/^坚持内部监督和社会监督相结合/);
  });

  it('道里区经纬街道 2022: run-in headings ((一)主动公开。…) put each paragraph in its slot', async () => {
    const { draft } = await imported('jingwei-subdistrict-2022.txt');
    expect(draft.unit.name).toBe('道里区经纬街道办事处');
    expect(draft.year).toBe(2022);
    expect(draft.prose['s1.active']).toBe('街道以服务群众为导向,进一步加大政务公开力度,提高公开透明度。');
    expect(draft.prose['s1.platform']).toMatch(/^街道对公开信息的数量/);
    expect(draft.prose['s1.oversight']).toMatch(/^街道把政府信息公开工作纳入街道年度工作计划/);
  });

  it('武汉青山区钢花村街道 2022: the unit from 现公开…, (四)平台建设 matched by meaning', async () => {
    const { draft } = await imported('ganghuacun-subdistrict-2022.txt');
    expect(draft.unit).toMatchObject({ name: '钢花村街道办事处', kind: 'subdistrict' });
    expect(draft.year).toBe(2022);
    expect(draft.prose['s1.management']).toMatch(/^遵循“先审查,后公开”/);
    expect(draft.prose['s1.platform']).toMatch(/^在街道、社区行政服务大厅开设/);
  });

  it('黄石市下陆区新下陆街道 2022: the title under the page furniture (名 称:, 索引号)', async () => {
    const { draft, report } = await imported('xinxialu-subdistrict-2022.txt');
    expect(draft.unit.name).toBe('新下陆街道办事处');
    expect(draft.year).toBe(2022);
    expect(report.skipped.filter((s) => s.reason === 'beforeTitle').length).toBeGreaterThan(3);
    expect(draft.prose['s1.intro']).toContain('1、主动公开:');
  });

  it('永嘉县溪下乡 2023, pasted as one line: inline headings split, the year from the statistics period', async () => {
    const { draft } = await imported('xixia-township-2023.txt');
    expect(draft.year).toBe(2023);
    expect(draft.unit.kind).toBe('township');
    expect(draft.prose['s1.intro']).toMatch(/^本年度报告根据《中华人民共和国政府信息公开条例》/);
    expect(draft.prose['s1.active']).toMatch(
      /^2023年度在永嘉县政府信息公开网站上共新增主动公开政府信息50条。/,
    );
    expect(draft.prose['s1.request']).toMatch(/2023年度溪下乡未收到政府信息公开申请。$/);
    expect(draft.values).toEqual({});
  });

  it('富县周湾镇 2021: a statistics period printed as 202111日 still gives 2021', async () => {
    const { draft, report } = await imported('zhouwan-town-2021.txt');
    expect(draft.year).toBe(2021);
    expect(report.year.source).toBe('period');
    expect(draft.unit).toMatchObject({ name: '周湾镇', kind: 'township' });
    expect(draft.prose['s1.intro']).toContain('我镇主动公开的信息共计85条');
  });
});
