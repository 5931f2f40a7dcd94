import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { confirmCarried } from '../../shared/report/carried';
import { startFromPrevious } from '../../shared/report/carry-forward';
import { runChecks } from '../../shared/report/checks';
import type { Draft } from '../../shared/report/draft';
import { readDraft, serializeDraft } from '../../shared/report/draft-io';
import { applyGenerated, generateSentences } from '../../shared/report/prose';
import type { TemplateDef } from '../../shared/report/template';
import { findTemplate } from '../../shared/report/templates';
import { liuxi2026Draft } from '../fixtures/liuxi-2026';

const national = findTemplate('national-2021')!;
const township = findTemplate('township-2012')!;
const guangzhou = findTemplate('guangzhou-2010')!;
const APPLICANTS = ['natural', 'business', 'research', 'public', 'legal', 'other'];

function example(file: string): Draft {
  const result = readDraft(
    readFileSync(fileURLToPath(new URL(`../../examples/${file}`, import.meta.url)), 'utf8'),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.draft;
}

/** The carried draft survives a save and a reopen, so the wizard can store it at once. */
function reopened(draft: Draft, template: TemplateDef): Draft {
  const result = readDraft(serializeDraft(draft));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  expect(result.template).toBe(template);
  return result.draft;
}

describe('national 2025 → national 2026', () => {
  const last = example('national-2021-township-2025.json');
  // A carry-over in two columns, so the test tells the columns apart.
  last.values['t3.new.business'] = 3;
  last.values['t3.carryOut.business'] = 1;
  const { draft, unmapped } = startFromPrevious(last, national, national, 2026);

  it('prefills 上年结转 with last year’s 结转下年度继续办理, column by column, and R6 then passes', () => {
    expect(APPLICANTS.map((c) => draft.values[`t3.carried.${c}`])).toEqual([1, 1, 0, 0, 0, 0]);
    expect(runChecks(national, draft).filter((f) => f.rule === 'R6')).toEqual([]);
    const edited = { ...draft, values: { ...draft.values, 't3.carried.business': 0 } };
    const r6 = runChecks(national, edited).filter((f) => f.rule === 'R6');
    expect(r6.map((f) => [f.at.field, f.params.value, f.params.previous])).toEqual([
      ['t3.carried.business', 0, 1],
    ]);
  });

  it('carries 现行有效件数 forward, and R7 asks for it to follow this year’s 制发 and 废止', () => {
    expect(draft.previous).toMatchObject({
      year: 2025,
      values: { 't2.normative.current': 9, 't3.carryOut.total': 2 },
    });
    expect(draft.values['t2.normative.current']).toBe(9);
    expect(runChecks(national, draft).filter((f) => f.rule === 'R7')).toEqual([]);
    const issuedOne = { ...draft, values: { ...draft.values, 't2.normative.issued': 1 } };
    expect(runChecks(national, issuedOne).filter((f) => f.rule === 'R7')).toHaveLength(1);
    const stocked = {
      ...draft,
      values: { ...draft.values, 't2.normative.issued': 1, 't2.normative.current': 10 },
    };
    expect(runChecks(national, stocked).filter((f) => f.rule === 'R7')).toEqual([]);
  });

  it('keeps the unit and the clerk’s prose, and replaces last year’s generated sentences with this year’s', () => {
    expect(draft.unit).toEqual(last.unit);
    expect(draft.prose['s1.intro']).toBe(last.prose['s1.intro']);
    expect(draft.prose['s5.problems']).toBe(last.prose['s5.problems']);
    expect(draft.prose['preface']).toContain('自2026年1月1日起至2026年12月31日止');
    expect(draft.prose['s1.active']).not.toContain('343条');
    expect(draft.prose['s1.active']!.split('\n')).toEqual([
      '2026年，我镇主动公开政府信息（请填写“主动公开政府信息分类”的条数）条。',
      ...last.prose['s1.active']!.split('\n').slice(1),
    ]);
    expect(draft.prose['s1.request']).toMatch(/^2026年，我镇共收到政府信息公开申请0件，上年结转2件/);
    expect(unmapped).toEqual([]);
  });

  it('starts with a blank 成文日期, nothing acknowledged, and categories at zero', () => {
    expect(draft.year).toBe(2026);
    expect(draft.id).not.toBe(last.id);
    expect(draft.issuedOn).toBe('');
    expect(draft.generated).toEqual(generateSentences(national, draft));
    expect(draft.acknowledged).toEqual([]);
    expect(draft.lists['active.categories']).toEqual(
      last.lists['active.categories']!.map((i) => ({ label: i.label, value: 0 })),
    );
  });

  it('regenerates this year’s sentences with this year’s numbers and keeps the carried paragraphs', () => {
    const reopenedDraft = reopened(draft, national);
    const counted = { ...reopenedDraft, lists: { 'active.categories': [{ label: '工作动态', value: 200 }] } };
    const regenerated = applyGenerated(national, counted);
    expect(regenerated.prose['s1.active']!.split('\n')).toEqual([
      '2026年，我镇主动公开政府信息200条，其中工作动态类200条，占100.0%。',
      ...last.prose['s1.active']!.split('\n').slice(1),
    ]);
  });
});

describe('寮步 2012 (township-2012) → national 2013', () => {
  const last = example('liaobu-2012.json');
  const { draft, unmapped } = startFromPrevious(last, township, national, 2013);

  it('raises no R6 or R7: the township report had no national table to carry from', () => {
    expect(runChecks(national, draft).filter((f) => f.rule === 'R6' || f.rule === 'R7')).toEqual([]);
  });

  it('moves the prose to the national sections', () => {
    expect(draft.variant).toBe('default');
    expect(draft.prose['s1.intro']).toMatch(/^2012年，我镇按照上级有关政府信息公开文件的要求/);
    expect(draft.prose['s1.active']).toContain('（六）召开新闻发布会主动公开政府信息');
    expect(draft.prose['s5.problems']).toContain('“三个加强”');
    expect(draft.prose['s5.improvements']).toMatch(/^第一，加强政务信息公开的时效性/);
    expect(reopened(draft, national).prose).toEqual(draft.prose);
  });

  it('replaces the hand-typed standard sentences with the national ones', () => {
    expect(draft.prose['s1.request']).toBe('2013年，我镇未收到政府信息公开申请，无上年结转申请。');
    expect(JSON.stringify(draft.prose)).not.toContain('全年共受理政府信息公开申请1宗');
    expect(JSON.stringify(draft.prose)).not.toContain('全年依申请公开政府信息支出0元');
  });

  it('reports the 前言 and the channel list as not carried', () => {
    expect(unmapped).toEqual(['preface', 'active.channels']);
  });

  it('keeps the category labels at zero and last year’s figures in national terms', () => {
    expect(draft.lists['active.categories']!.map((i) => i.label)).toEqual([
      '规范性文件类',
      '规划计划类',
      '业务工作类',
      '统计数据类',
      '其他类',
    ]);
    expect(draft.lists['active.categories']!.every((i) => i.value === 0)).toBe(true);
    expect(draft.previous).toMatchObject({ year: 2012 });
    expect(draft.previous!.values).toEqual({
      'active.total': 1328,
      't3.new.total': 1,
      't3.open.total': 0,
      't3.partial.total': 0,
      't3.none.nothold.total': 0,
      't3.none.unclear.total': 0,
      't4.review.total': 0,
    });
    expect(draft.values).toEqual({});
  });
});

describe('海盐-style township-2012 → national, with every kind of answer', () => {
  const last: Draft = {
    ...example('liaobu-2012.json'),
    variant: 'haiyan',
    prose: {
      'measures.body': '（一）健全组织，强化领导',
      'other.body': '海盐县城投集团政府信息公开有关指标统计（见附表）',
    },
    values: {
      'request.total': 9,
      'answer.open': 3,
      'answer.partial': 1,
      'answer.denied': 2,
      'answer.absent': 1,
      'answer.notOurs': 1,
      'answer.unclear': 1,
      'fees.amount': 15.5,
      'appeal.litigation': 1,
    },
  };
  const { draft, unmapped } = startFromPrevious(last, township, national, 2013);

  it('maps the answers by domain §2.4, 信息不存在 and 非本机关 both to 无法提供 1', () => {
    expect(draft.previous?.values).toMatchObject({
      't3.new.total': 9,
      't3.open.total': 3,
      't3.partial.total': 1,
      't3.none.nothold.total': 2,
      't3.none.unclear.total': 1,
    });
  });

  it('reports 不予公开 (no reason recorded), the fee and the lawsuit as not carried', () => {
    expect(unmapped).toEqual(['active.channels', 'answer.denied', 'fees.amount', 'appeal.litigation']);
  });

  it('puts the 工作措施 under （三）政府信息管理 and the 其他 part under 六', () => {
    expect(draft.prose['s1.management']).toBe('（一）健全组织，强化领导');
    expect(draft.prose['s6.other']!.split('\n')).toEqual([
      '2013年，我镇未收取信息处理费。',
      '海盐县城投集团政府信息公开有关指标统计（见附表）',
    ]);
  });
});

describe('广州城管委 2012 (guangzhou-2010) → national', () => {
  const last = example('guangzhou-chengguan-2012.json');
  const { draft, unmapped } = startFromPrevious(last, guangzhou, national, 2013);

  it('carries 概述 into 总体情况 and the problems into 五', () => {
    expect(draft.prose['s1.intro']).toMatch(/^2012年以来，我委认真贯彻落实/);
    expect(draft.prose['s1.intro']).toContain('（六）落实政务公开工作重要事项');
    expect(draft.prose['s5.improvements']).toMatch(/^一是加强日常监督指导/);
    expect(draft.unit.selfRef).toBe('我委');
  });

  it('reports what has no national place: 咨询, 申诉, the 附表 figures that have no row', () => {
    expect(unmapped).toEqual([
      'preface',
      'consult.summary',
      'review.summary',
      'active.electronic',
      'request.catalogue',
      'answer.denied',
      'consult.online',
      'consult.visits',
      'consult.pageViews',
    ]);
  });

  it('takes 申请总数 with its channels, and 新增的行政规范性文件数 as last year’s 本年制发件数', () => {
    expect(draft.previous?.values).toMatchObject({
      't3.new.total': 9,
      't2.normative.issued': 170,
      'active.total': 170,
    });
  });
});

describe('township-2012 → township-2012', () => {
  it('keeps the variant and the channel labels', () => {
    const last = example('liaobu-2012.json');
    const { draft, unmapped } = startFromPrevious(last, township, township, 2013);
    expect(draft.variant).toBe('liaobu');
    expect(draft.lists['active.channels']!.map((i) => [i.label, i.value])[0]).toEqual(['镇政府网站', 0]);
    expect(draft.previous?.values['active.total']).toBe(1328);
    expect(unmapped).toEqual([]);
  });

  it('keeps the unit’s own section titles, the part it leaves out, its title order and its share decimals', () => {
    const last = example('liaobu-2012.json');
    last.sections = { basic: { title: '概述' }, other: { omit: true } };
    last.titleOrder = 'unit-first';
    last.listDecimals = { 'active.categories': 1 };
    const draft = reopened(startFromPrevious(last, township, township, 2013).draft, township);
    expect(draft.sections).toEqual({ basic: { title: '概述' }, other: { omit: true } });
    expect(draft.titleOrder).toBe('unit-first');
    expect(draft.listDecimals).toEqual({ 'active.categories': 1 });
  });

  it('into the national template, only the share decimals come along: its titles are prescribed', () => {
    const last = example('liaobu-2012.json');
    last.sections = { basic: { title: '概述' } };
    last.titleOrder = 'unit-first';
    last.listDecimals = { 'active.categories': 1 };
    const { draft } = startFromPrevious(last, township, national, 2021);
    expect(draft.sections).toEqual({});
    expect(draft.titleOrder).toBeUndefined();
    expect(draft.listDecimals).toEqual({ 'active.categories': 1 });
  });
});

describe('柳溪镇 2026 → 2027: carried paragraphs stay last year’s until edited or confirmed (#7.3)', () => {
  const last = liuxi2026Draft();
  const { draft } = startFromPrevious(last, national, national, 2027);
  const ofRule = (d: Draft, rule: string) => runChecks(national, d).filter((f) => f.rule === rule);

  it('records the carried paragraphs, and last year’s whole prose, and survives a reopen', () => {
    expect(draft.carried).toEqual({
      's1.intro': last.prose['s1.intro']!.split('\n'),
      's5.problems': [last.prose['s5.problems']],
    });
    expect(draft.previous!.prose['s1.intro']).toBe(last.prose['s1.intro']);
    expect(draft.previous!.prose['s1.request']).toBe(last.prose['s1.request']);
    expect(reopened(draft, national).carried).toEqual(draft.carried);
  });

  it('names last year’s year in the carried sentences, whatever their subject', () => {
    expect(ofRule(draft, 'YEAR').map((f) => [f.at.slot, f.params.text])).toEqual([
      ['s1.intro', '2026年，柳溪镇人民政府'],
      ['s1.intro', '2026年政府信息公开'],
    ]);
  });

  it('names last year’s figures in a carried paragraph, until it is edited or confirmed', () => {
    const carried = ofRule(draft, 'CARRIED');
    expect(carried.map((f) => f.params.figures)).toEqual(['3件、90条']);
    expect(draft.prose['s1.intro']!.slice(carried[0]!.at.offset, carried[0]!.at.offset! + 10)).toBe(
      '全年共清理规范性文件',
    );

    const edited = {
      ...draft,
      prose: { ...draft.prose, 's1.intro': draft.prose['s1.intro']!.replace('3件', '5件') },
    };
    expect(ofRule(edited, 'CARRIED')).toEqual([]);
    const paragraph = '全年共清理规范性文件3件，在政府网站发布信息90条。';
    const confirmed = confirmCarried(draft, 's1.intro', paragraph);
    expect(confirmed.carried['s1.intro']).not.toContain(paragraph);
    expect(ofRule(confirmed, 'CARRIED')).toEqual([]);
    expect(
      confirmCarried(
        confirmCarried(confirmed, 's1.intro', draft.carried['s1.intro']![0]!),
        's1.intro',
        draft.carried['s1.intro']![1]!,
      ).carried,
    ).toEqual({
      's5.problems': draft.carried['s5.problems'],
    });
  });

  it('asks what became of last year’s problems, and measures the repeated text', () => {
    expect(ofRule(draft, 'FOLLOWUP').map((f) => f.at.slot)).toEqual(['s5.problems']);
    const repeat = ofRule(draft, 'REPEAT');
    expect(repeat.map((f) => f.params.share)).toEqual(['100%']);
  });
});
