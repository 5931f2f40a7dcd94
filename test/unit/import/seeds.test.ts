import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../shared/import';
import { runChecks } from '../../../shared/report/checks';
import { findTemplate } from '../../../shared/report/templates';

const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/import/${name}`));

async function imported(name: string) {
  const result = await importDocument(fixture(name), name);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result;
}

describe('the seeds import into their legacy templates with their published numbers', () => {
  it('寮步镇 2012, pasted as one line: township template, 寮步 wording, its figures and its year mismatch', async () => {
    const { draft, report } = await imported('liaobu-2012.txt');
    expect(draft.template).toBe('township-2012');
    expect(draft.variant).toBe('liaobu');
    expect(draft.year).toBe(2012);
    expect(draft.unit.name).toBe('寮步镇');
    // The title announces 2011 while the prose reports 2012 (domain §6): the report says so.
    expect(report.year.disagree).toBe(true);
    expect(report.year.found.map((y) => y.year)).toEqual(expect.arrayContaining([2011, 2012]));
    expect(draft.values).toMatchObject({ 'request.total': 1, 'fees.amount': 0 });
    expect(draft.lists['active.categories']).toEqual([
      { label: '规范性文件类', value: 28 },
      { label: '规划计划类', value: 16 },
      { label: '业务工作类', value: 248 },
      { label: '统计数据类', value: 12 },
      { label: '其他类', value: 1024 },
    ]);
    expect(draft.prose['basic.overview']).toMatch(/^2012年[,，]我镇按照上级有关政府信息公开文件的要求/);
    expect(draft.prose['review.summary']).toMatch(
      /^全年没有因政府信息公开申请行政复议、提起行政诉讼的案件。/,
    );
  });

  it('广州市城管委 2012: guangzhou template, 附表 read by label, the blank 申请总数 kept blank', async () => {
    const { draft, report } = await imported('guangzhou-chengguan-2012.txt');
    expect(draft.template).toBe('guangzhou-2010');
    expect(draft.year).toBe(2012);
    expect(draft.unit.name).toBe('广州市城管委');
    expect(draft.values).toMatchObject({
      'active.electronic': 170,
      'active.normative': 170,
      'request.catalogue': 9,
      'request.inPerson': 3,
      'request.fax': 0,
      'request.email': 0,
      'request.online': 1,
      'request.letter': 5,
      'request.otherChannel': 0,
      'answer.open': 7,
      'answer.partial': 0,
      'answer.denied': 1,
      'answer.absent': 0,
      'answer.notOurs': 0,
      'answer.unclear': 1,
      'consult.online': 266,
      'consult.visits': 573,
      'consult.pageViews': 526696,
      'appeal.review': 0,
      'appeal.litigation': 0,
      'appeal.complaint': 0,
      'appeal.complaintFirst': 0,
    });
    // 申请总数 was printed blank: a declared blank total, not a 0; 提供服务类信息数 and 咨询电话接听数 blank too.
    expect(draft.declared).toMatchObject({ 'active.total': 170, 'request.total': null, 'answer.total': 9 });
    expect(draft.values['consult.service']).toBeUndefined();
    expect(draft.values['consult.phone']).toBeUndefined();
    expect(report.blankCount).toEqual({ annex2: 1, annex3: 2 });
    // The checks then find what the published report got wrong: prose against 附表3, 170 = 170.
    const ids = runChecks(findTemplate(draft.template)!, draft).map((f) => f.rule);
    expect(ids).toEqual(expect.arrayContaining(['R8', 'L6']));
  });
});

describe('海盐县城投集团 2012, republished through a traditional-script converter', () => {
  it('reads as simplified text into the 海盐 wording, with its seven categories, shares and 附表 pointer', async () => {
    const { draft, report } = await imported('haiyan-chengtou-2012.txt');
    expect(draft.template).toBe('township-2012');
    expect(draft.variant).toBe('haiyan');
    expect(draft.year).toBe(2012);
    expect(draft.unit.name).toBe('海盐县城投集团');
    expect(draft.issuedOn).toBe('2013-02-27');
    // The published figures (domain §2.2): 69 in seven categories.
    expect(draft.declared).toMatchObject({ 'active.total': 69 });
    expect(draft.lists['active.categories']).toEqual([
      { label: '政策性文件类', value: 2 },
      { label: '计划总结类', value: 1 },
      { label: '属于本单位工作事物类', value: 27 },
      { label: '人事任免类', value: 3 },
      { label: '招考录用类', value: 1 },
      { label: '工作动态类', value: 14 },
      { label: '其它类', value: 21 },
    ]);
    expect(draft.values).toMatchObject({ 'request.total': 1 });
    expect(report.recognisedBy.sections).toEqual([
      'active',
      'request',
      'fees',
      'review',
      'measures',
      'problems',
      'other',
    ]);
    expect(draft.prose['preface']).toMatch(
      /^2012年,县城投集团认真贯彻落实《中华人民共和国政府信息公开条例》精神/,
    );
    expect(draft.prose['measures.body']).toMatch(/^一年来,本单位政府信息公开工作运行正常/);
    expect(draft.prose['other.body']).toBe('海盐县城投集团政府信息公开有关指标统计(见附表)');
    // Nothing of the converter is left: no traditional form, no pinyin note; and the report says so.
    const all = Object.values(draft.prose).join('');
    expect(all).not.toMatch(/[縣開報條為們這說體會國與發數處單時對個關現]/);
    expect(all).not.toMatch(/\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/);
    expect(all).toContain('网络防火墙(ath F100-S-AC)');
    expect(report.script.traditional).toBeGreaterThan(500);
    expect(report.script).toMatchObject({ pinyin: 119, pinyinExample: '認(rèn)' });
    expect(report.skipped.map((s) => [s.reason, s.text])).toEqual([
      ['title', '海盐县城投集团2012年度政府信息公开工作报告'],
      ['date', '2013年2月27日'],
      ['attachment', '2013-20号附件'],
    ]);
    // The published shares (3/2/39/4/2/20/30) are the largest-remainder ones: no share finding.
    const rules = runChecks(findTemplate(draft.template)!, draft).map((f) => f.rule);
    expect(rules).not.toContain('PCT');
    expect(rules).not.toContain('L-list');
  });

  it('a report in simplified characters is left as it is', async () => {
    const { report } = await imported('liaobu-2012.txt');
    expect(report.script).toEqual({ traditional: 0, pinyin: 0, pinyinExample: '' });
  });
});
