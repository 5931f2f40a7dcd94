import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/report/draft';
import { readDraft, serializeDraft } from '../../shared/report/draft-io';
import { runChecks, type Finding } from '../../shared/report/checks';
import { documentTitle, resolveSections } from '../../shared/report/model';
import { generateSentences } from '../../shared/report/prose';
import type { TemplateDef } from '../../shared/report/template';
import { findTemplate, proposeTemplate } from '../../shared/report/templates';
import { computeValues } from '../../shared/report/totals';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

function load(file: string): { text: string; draft: Draft; template: TemplateDef } {
  const text = readFileSync(`${EXAMPLES}${file}`, 'utf8');
  const result = readDraft(text);
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.error)}`);
  return { text, draft: result.draft, template: result.template };
}

const national = load('national-2021-township-2025.json');
const liaobu = load('liaobu-2012.json');
const guangzhou = load('guangzhou-chengguan-2012.json');

/** The findings of one rule. */
const findingsOf = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

describe('the examples', () => {
  it.each([
    ['national-2021-township-2025.json', 'national-2021', 'default', 2025, national],
    ['liaobu-2012.json', 'township-2012', 'liaobu', 2012, liaobu],
    ['guangzhou-chengguan-2012.json', 'guangzhou-2010', 'default', 2012, guangzhou],
  ] as const)(
    '%s is a %s draft (%s) for %i, stored as the app writes it',
    (_file, template, variant, year, ex) => {
      expect([ex.draft.template, ex.draft.variant, ex.draft.year]).toEqual([template, variant, year]);
      expect(serializeDraft(ex.draft)).toBe(ex.text);
    },
  );

  it('are proposed the template of their year; 2019 and 2020 fall back to the national format', () => {
    expect(proposeTemplate(2025).id).toBe('national-2021');
    expect(proposeTemplate(2021).id).toBe('national-2021');
    expect(proposeTemplate(2019).id).toBe('national-2021');
    expect(proposeTemplate(2020).id).toBe('national-2021');
    expect(proposeTemplate(2012).id).toBe('township-2012');
    expect(proposeTemplate(2008).id).toBe('township-2012');
  });
});

describe('national-2021-township-2025.json', () => {
  const { template, draft } = national;
  const v = computeValues(template, draft);
  const value = (id: string) => v.get(id) ?? 0;
  const columns = ['natural', 'business', 'research', 'public', 'legal', 'other', 'total'];

  it('balances table 三 in every column (R1: 一 + 二 = （七）总计 + 四)', () => {
    for (const c of columns)
      expect(value(`t3.new.${c}`) + value(`t3.carried.${c}`), c).toBe(
        value(`t3.total.${c}`) + value(`t3.carryOut.${c}`),
      );
    expect([
      value('t3.new.total'),
      value('t3.carried.total'),
      value('t3.total.total'),
      value('t3.carryOut.total'),
    ]).toEqual([8, 1, 8, 1]);
  });

  it('holds applications from three kinds of applicant and cases in table 四', () => {
    expect(columns.slice(0, 6).filter((c) => value(`t3.new.${c}`) > 0)).toEqual([
      'natural',
      'business',
      'legal',
    ]);
    expect([value('t4.review.total'), value('t4.direct.total'), value('t4.after.total')]).toEqual([1, 1, 0]);
    expect(value('t2.rules.current')).toBe(0);
    expect(value('t2.fees')).toBe(12.35);
  });

  it('has prose in every slot, and its standard sentences are what the generator writes today', () => {
    for (const slot of Object.keys(generateSentences(template, draft)))
      expect(draft.prose[slot]?.startsWith(draft.generated[slot]!), slot).toBe(true);
    expect(draft.generated).toEqual(generateSentences(template, draft));
    const slots = resolveSections(template).flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === 'prose' ? [b.slot.id] : [])),
    );
    for (const slot of ['preface', ...slots]) expect(draft.prose[slot]?.trim(), slot).toBeTruthy();
  });

  it('passes every check without an error or a warning', () => {
    expect(runChecks(template, draft)).toEqual([]);
  });
});

describe('liaobu-2012.json', () => {
  const { template, draft } = liaobu;
  const findings = runChecks(template, draft);

  it('prints the six section titles and the title of the 寮步 report', () => {
    expect(resolveSections(template, draft).map((s) => s.heading)).toEqual([
      '一、基本工作情况',
      '二、主动公开政府信息情况',
      '三、依申请公开政府信息情况',
      '四、政府信息公开相关费用情况',
      '五、申请行政复议、提起行政诉讼情况',
      '六、主要问题和改进措施',
    ]);
    expect(documentTitle(template, draft)).toBe('2012年寮步镇政府信息公开工作年度报告');
  });

  it('typed the standard sentences word for word as the template generates them', () => {
    const generated = generateSentences(template, draft);
    for (const slot of ['request.summary', 'fees.summary', 'review.summary'])
      expect(draft.prose[slot], slot).toBe(generated[slot]);
  });

  it('keeps the categories of its portal: 28 + 16 + 248 + 12 + 1024 = 1328', () => {
    expect(computeValues(template, draft).get('active.total')).toBe(1328);
  });

  it('is found to announce 2011 as its year', () => {
    const year = findingsOf(findings, 'YEAR');
    expect(year.map((f) => [f.at.slot, f.params.found])).toEqual([['preface', 2011]]);
  });

  it('is found to skip （二） in section 二', () => {
    const skips = findingsOf(findings, 'NUM');
    expect(skips.map((f) => [f.at.slot, f.params.found, f.params.missing])).toEqual([
      ['active.summary', '（三）', '（二）'],
    ]);
  });

  it('is found to print shares that are not the largest-remainder shares (18% for 19%, 2% for 1%)', () => {
    const shares = findingsOf(findings, 'PCT').map((f) => [
      f.params.label,
      f.params.printed,
      f.params.expected,
    ]);
    expect(shares).toEqual([
      ['业务工作类', '18%', '19%'],
      ['统计数据类', '2%', '1%'],
    ]);
  });

  it('has no error: its faults are warnings the clerk can read', () => {
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('guangzhou-chengguan-2012.json', () => {
  const { template, draft } = guangzhou;
  const findings = runChecks(template, draft);

  it('prints 附表1–4 with the labels of the seed, character for character', () => {
    const labels = (id: string) =>
      template.tables
        .find((t) => t.id === id)!
        .rows.slice(1)
        .map((r) => ('text' in r.cells[0]! ? r.cells[0].text : ''));
    expect(template.tables.map((t) => [t.title, t.unit])).toEqual([
      ['附表1 主动公开情况统计', '单位：条'],
      ['附表2 依申请公开情况统计', '单位：条'],
      ['附表3 咨询情况统计', undefined],
      ['附表4 申诉情况统计表', '单位：件'],
    ]);
    expect(labels('annex1')).toEqual([
      '主动公开信息数',
      '其中：全文电子化的主动公开信息数',
      '新增的行政规范性文件数',
    ]);
    expect(labels('annex2')).toEqual([
      '依申请公开信息目录数',
      '申请总数',
      '其中：1.当面申请数',
      '2.传真申请数',
      '3.电子邮件申请数',
      '4.网上申请数',
      '5.信函申请数',
      '6.其他形式申请数',
      '对申请的答复总数',
      '其中：1.同意公开答复数',
      '2.同意部分公开答复数',
      '3.不予公开答复数',
      '4.信息不存在答复数',
      '5.非本机关政府信息答复数',
      '6.申请内容不明确答复数',
    ]);
    expect(labels('annex3')).toEqual([
      '提供服务类信息数',
      '网上咨询数',
      '现场接待人数',
      '咨询电话接听数',
      '网站专栏页面访问量',
    ]);
    expect(labels('annex4')).toEqual([
      '行政复议数',
      '行政诉讼数',
      '行政申诉数',
      '其中：对本单位首次处理不满意的行政申诉数',
    ]);
  });

  it('leaves the blank cells of 附表3 blank', () => {
    expect(draft.values['consult.service']).toBeUndefined();
    expect(draft.values['consult.phone']).toBeUndefined();
  });

  it('is found to leave 申请总数 blank although its channels add to 9 (L1, an error)', () => {
    const blank = findingsOf(findings, 'L1');
    expect(blank.map((f) => [f.severity, f.key, f.at.field, f.params.computed])).toEqual([
      ['error', 'checks.declaredBlank', 'request.total', '9'],
    ]);
    expect(computeValues(template, draft).get('request.total')).toBe(9);
  });

  it('is found to contradict 附表3 in its prose: 网上咨询800余 against 266, 月访问量3万余 against 526696 a year', () => {
    const claims = findingsOf(findings, 'R8').map((f) => [f.params.field, f.params.prose, f.params.table]);
    expect(claims).toContainEqual(['网上咨询数', '800余', '266']);
    expect(claims).toContainEqual(['网站专栏页面访问量', '3万余', '526696']);
  });

  it('is found to copy 主动公开信息数 into 新增的行政规范性文件数, and to say 11 were drafted', () => {
    expect(findingsOf(findings, 'L6').map((f) => [f.at.field, f.params.value])).toEqual([
      ['active.normative', 170],
    ]);
    const claims = findingsOf(findings, 'R8').map((f) => [f.params.field, f.params.prose, f.params.table]);
    expect(claims).toContainEqual(['新增的行政规范性文件数', '11', '170']);
  });

  it('agrees with its own 附表 where the report did: 主动公开 170, 答复总数 9', () => {
    expect(findingsOf(findings, 'L-list')).toEqual([]);
    expect(findingsOf(findings, 'L2')).toEqual([]);
    expect(findingsOf(findings, 'L3')).toEqual([]);
  });
});

describe('township-2012, 海盐 wording', () => {
  const template = findTemplate('township-2012')!;
  const haiyan = {
    ...liaobu.draft,
    variant: 'haiyan',
    unit: { ...liaobu.draft.unit, name: '海盐县城投集团', selfRef: '本单位', website: '县政府信息公开网站' },
    lists: {
      'active.categories': [
        ['政策性文件类', 2],
        ['计划总结类', 1],
        ['本单位工作事务类', 27],
        ['人事任免类', 3],
        ['招考录用类', 1],
        ['工作动态类', 14],
        ['其他类', 21],
      ].map(([label, value]) => ({ label: label as string, value: value as number })),
    },
  };

  it('prints seven parts under the 海盐 titles', () => {
    expect(documentTitle(template, haiyan)).toBe('海盐县城投集团2012年度政府信息公开工作报告');
    expect(resolveSections(template, { variant: 'haiyan' }).map((s) => s.heading)).toEqual([
      '一、主动公开的政府信息的情况',
      '二、依申请公开政府信息的情况',
      '三、政府信息公开的收费及减免情况',
      '四、因政府信息公开申请行政复议、提起行政诉讼的情况',
      '五、完成政府信息公开工作所采取的工作措施',
      '六、存在的主要问题和改进情况',
      '七、其他需要报告的事项',
    ]);
  });

  it('writes the 海盐 sentence, with shares that add to 100% as the report printed them', () => {
    expect(generateSentences(template, haiyan)['active.summary']).toBe(
      '截至2012年12月，在县政府信息公开网站上主动公开政府信息69条。其中，政策性文件类的信息2条，占总体的比例为3%；' +
        '计划总结类的信息1条，占总体的比例为2%；本单位工作事务类的信息27条，占总体的比例为39%；' +
        '人事任免类的信息3条，占总体的比例为4%；招考录用类的信息1条，占总体的比例为2%；' +
        '工作动态类的信息14条，占总体的比例为20%；其他类的信息21条，占总体的比例为30%。',
    );
  });

  it('switches its sentences when applications or appeals are zero', () => {
    const none = { ...haiyan, values: { 'request.total': 0, 'appeal.review': 1 } };
    const sentences = generateSentences(template, none);
    expect(sentences['request.summary']).toBe('全年未收到政府信息公开申请。');
    expect(sentences['review.summary']).toBe('全年因政府信息公开申请行政复议1件，提起行政诉讼0件。');
  });

  it('warns of more answers than applications (L3: no 上年结转 row, so only a warning)', () => {
    const over = { ...haiyan, values: { 'request.total': 1, 'answer.open': 1, 'answer.absent': 1 } };
    expect(findingsOf(runChecks(template, over), 'L3').map((f) => [f.severity, f.at.field])).toEqual([
      ['warning', 'answer.total'],
    ]);
  });
});
