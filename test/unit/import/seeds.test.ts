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
