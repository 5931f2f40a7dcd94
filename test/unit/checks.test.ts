import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, resources } from '../../shared/i18n';
import { openCounts, runChecks, type Finding } from '../../shared/report/checks';
import type { Draft } from '../../shared/report/draft';
import { readDraft } from '../../shared/report/draft-io';
import { applyGenerated } from '../../shared/report/prose';
import type { TemplateDef } from '../../shared/report/template';
import { TEMPLATES } from '../../shared/report/templates';
import { national2021 } from '../../shared/report/templates/national-2021';
import { heyouTownshipDraft } from '../fixtures/heyou-township';

const t = national2021;
const zh = createI18n('zh-CN');

/** A complete 2025 township draft in the national format, its prose generated from its numbers. */
function clean(edit: (d: Draft) => void = () => {}): Draft {
  const d = heyouTownshipDraft('test-draft-national');
  d.issuedOn = '2026-01-20';
  d.prose['s5.problems'] = '一是政务公开工作队伍业务水平有待提高。二是公开内容的及时性有待加强。';
  d.prose['s1.management'] = '严格落实公文公开属性源头认定机制，公文在拟稿时即明确公开属性。';
  d.prose['s1.platform'] = '及时更新政府网站“政府信息公开”专栏，确保信息发布及时、准确。';
  d.prose['s1.oversight'] = '将政府信息公开工作纳入年度绩效考核，主动接受群众监督。';
  d.prose['s5.improvements'] = '加强业务培训，提高工作人员的业务能力和服务水平。';
  // Every category entered: a list left untouched prints its total blank (BLANK).
  d.lists['active.categories'] = d.lists['active.categories']!.map((item, i) => ({ ...item, value: i }));
  edit(d);
  return d;
}
/** Numbers and the prose generated from them, then an edit of the prose. */
function generated(values: Record<string, number>, edit: (d: Draft) => void = () => {}): Draft {
  const d = applyGenerated(
    t,
    clean((x) => Object.assign(x.values, values)),
  );
  edit(d);
  return d;
}
const check = (d: Draft, template: TemplateDef = t) => runChecks(template, d);
const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);
const message = (f: Finding) => zh.t(f.key, f.params);

describe('a complete draft', () => {
  it('has no findings', () => {
    expect(check(applyGenerated(t, clean()))).toEqual([]);
  });
});

describe('table rules', () => {
  it('R1: 一 + 二 = （七）总计 + 四 per column, reported at the 四、结转下年度继续办理 cell', () => {
    const fs = ofRule(check(generated({ 't3.new.natural': 5, 't3.open.natural': 3 })), 'R1');
    expect(fs.map((f) => f.id)).toEqual(['R1:t3.carryOut.natural', 'R1:t3.carryOut.total']);
    const [natural] = fs;
    expect(natural!.severity).toBe('error');
    expect(natural!.at).toEqual({
      section: 's3',
      table: 't3',
      field: 't3.carryOut.natural',
      row: 27,
      column: 3,
    });
    const table = t.tables.find((x) => x.id === 't3')!;
    expect(table.rows[27]!.cells[0]).toMatchObject({ text: '四、结转下年度继续办理' });
    expect(fs[1]!.at.column).toBe(9);
    expect(message(natural!)).toMatch(/为 5，.*为 3，两者应相等，现相差 2/);

    expect(
      ofRule(check(generated({ 't3.new.natural': 5, 't3.open.natural': 3, 't3.carryOut.natural': 2 })), 'R1'),
    ).toEqual([]);
  });

  it('R2, R3, R4, L-list: a transcribed total must equal the sum of its parts, and a blank one is named', () => {
    const d = generated({ 't3.open.natural': 3, 't3.new.natural': 3, 't4.review.upheld': 1 }, (x) => {
      x.declared = { 't3.total.natural': 4, 't3.new.total': 3, 't4.review.total': null, 'active.total': 10 };
      x.lists['active.categories'] = [{ label: '工作动态', value: 7 }];
    });
    const fs = check(d);
    expect(ofRule(fs, 'R2')).toMatchObject([
      { severity: 'error', key: 'checks.declaredDiffers', params: { declared: '4', computed: '3' } },
    ]);
    expect(ofRule(fs, 'R3')).toEqual([]);
    expect(ofRule(fs, 'R4')).toMatchObject([{ key: 'checks.declaredBlank', params: { computed: '1' } }]);
    expect(message(ofRule(fs, 'R4')[0]!)).toBe(
      '“行政复议 总计”总数未填写，按各项合计应为 1。请补上总数，或核对各项数字。',
    );
    expect(ofRule(fs, 'L-list')).toMatchObject([
      { params: { declared: '10', computed: '7' }, at: { section: 's1', field: 'active.total' } },
    ]);
  });

  it('R5: a negative or fractional count given directly is an error, so is money with too many decimals', () => {
    const fs = ofRule(
      check(
        clean((d) =>
          Object.assign(d.values, { 't3.new.natural': -3, 't3.new.business': 1.5, 't2.fees': 0.12345 }),
        ),
      ),
      'R5',
    );
    expect(fs.map((f) => [f.at.field, f.key])).toEqual([
      ['t2.fees', 'checks.tooManyDecimals'],
      ['t3.new.natural', 'checks.negative'],
      ['t3.new.business', 'checks.notCount'],
    ]);
    expect(ofRule(check(clean((d) => (d.values['t2.fees'] = 0.1234))), 'R5')).toEqual([]);
  });

  it('R6: 上年结转 must equal last year’s 结转下年度继续办理, and is skipped without last year', () => {
    const withLastYear = (carried: number) =>
      generated({ 't3.carried.natural': carried, 't3.open.natural': carried }, (d) => {
        d.previous = { year: 2024, values: { 't3.carryOut.natural': 2 }, prose: {} };
      });
    expect(ofRule(check(withLastYear(0)), 'R6')).toMatchObject([
      {
        severity: 'warning',
        id: 'R6:t3.carried.natural',
        params: { value: 0, previous: 2, previousYear: 2024 },
      },
    ]);
    expect(ofRule(check(withLastYear(2)), 'R6')).toEqual([]);
    expect(ofRule(check(generated({ 't3.carried.natural': 2, 't3.open.natural': 2 })), 'R6')).toEqual([]);
  });

  it('R7: 现行有效件数 = last year’s + 本年制发 − 本年废止', () => {
    const draft = (current: number) =>
      clean((d) => {
        Object.assign(d.values, {
          't2.normative.issued': 2,
          't2.normative.repealed': 1,
          't2.normative.current': current,
        });
        d.previous = { year: 2024, values: { 't2.normative.current': 10 }, prose: {} };
      });
    expect(ofRule(check(draft(11)), 'R7')).toEqual([]);
    expect(ofRule(check(draft(12)), 'R7')).toMatchObject([
      { params: { value: 12, expected: 11 }, at: { table: 't2', row: 3, column: 3 } },
    ]);
  });

  it('R10: a township reports no 规章; other units may', () => {
    const d = clean((x) => (x.values['t2.rules.issued'] = 1));
    expect(ofRule(check(d), 'R10')).toMatchObject([{ id: 'R10:t2.rules.issued', severity: 'warning' }]);
    expect(ofRule(check({ ...d, unit: { ...d.unit, kind: 'other' } }), 'R10')).toEqual([]);
  });

  it('R11 and R12: implausibly large decisions, and a fee typed in 元 instead of 万元', () => {
    const fs = check(
      clean((d) => Object.assign(d.values, { 't2.licensing': 6000, 't2.penalty': 50, 't2.fees': 25000 })),
    );
    expect(ofRule(fs, 'R11').map((f) => f.at.field)).toEqual(['t2.licensing']);
    expect(ofRule(fs, 'R12')).toMatchObject([{ params: { value: 25000, max: 10000, unit: '万元' } }]);
    expect(ofRule(check(clean((d) => (d.values['t2.fees'] = 2.5))), 'R12')).toEqual([]);
  });

  it('R9: a charged 信息处理费 must be reported in section 六, not contradicted', () => {
    const charged = (text: string | null) =>
      generated({ 'fees.processing': 120 }, (d) => {
        if (text !== null) d.prose['s6.other'] = text;
      });
    expect(ofRule(check(charged(null)), 'R9')).toEqual([]);
    expect(ofRule(check(charged('本年度积极推进政务公开。')), 'R9')).toMatchObject([
      { key: 'checks.mention' },
    ]);
    const contradicted = ofRule(check(charged('2025年，我镇未收取信息处理费。')), 'R9');
    expect(contradicted).toMatchObject([
      { key: 'checks.mentionContradiction', at: { slot: 's6.other', offset: 8, length: 8 } },
    ]);
  });

  it('R9: applications ended for unpaid fees need 信息处理费 mentioned, and “未收取” is then no contradiction', () => {
    const endedForFees = (text: string | null) =>
      generated({ 't3.other.fee.natural': 1, 't3.new.natural': 1 }, (d) => {
        if (text !== null) d.prose['s6.other'] = text;
      });
    // The generated sentence says no fee was charged, which is true here: nothing to warn of.
    expect(ofRule(check(endedForFees(null)), 'R9')).toEqual([]);
    expect(ofRule(check(endedForFees('本年度积极推进政务公开。')), 'R9')).toMatchObject([
      { key: 'checks.mention' },
    ]);
  });

  it('R9: accepting the unpaid-fee warning does not silence the one for a fee charged later', () => {
    const both = (acknowledged: string[]) =>
      generated({ 't3.other.fee.natural': 1, 't3.new.natural': 1, 'fees.processing': 50 }, (d) => {
        d.prose['s6.other'] = '本年度积极推进政务公开。';
        d.acknowledged = acknowledged;
      });
    const findings = ofRule(check(both([])), 'R9');
    expect(findings).toHaveLength(2);
    expect(new Set(findings.map((f) => f.id)).size).toBe(2);
    const unpaid = findings.find((f) => f.id.endsWith('@t3.other.fee.natural'))!;
    const after = ofRule(check(both([unpaid.id])), 'R9');
    expect(after.filter((f) => f.acknowledged).map((f) => f.id)).toEqual([unpaid.id]);
  });

  it('EMPTY: section 五 empty or just 无 is a warning', () => {
    for (const text of ['', '无', '无。', '暂无', ' 无 '])
      expect(
        ofRule(
          check(
            applyGenerated(
              t,
              clean((d) => (d.prose['s5.problems'] = text)),
            ),
          ),
          'EMPTY',
        ),
        text,
      ).toHaveLength(1);
    const [f] = ofRule(
      check(
        applyGenerated(
          t,
          clean((d) => (d.prose['s5.problems'] = '无')),
        ),
      ),
      'EMPTY',
    );
    expect(message(f!)).toBe(
      '“五、存在的主要问题及改进情况（一）存在的主要问题”没有内容，或只写了“无”。请写明实际情况，这一部分不能空缺。',
    );
  });
});

describe('years and dates (§4)', () => {
  const withDate = (issuedOn: string) =>
    check(
      applyGenerated(
        t,
        clean((d) => (d.issuedOn = issuedOn)),
      ),
    );
  it('成文日期 must come after the reporting year, normally in January–March', () => {
    expect(ofRule(withDate('2026-02-01'), 'DATE')).toEqual([]);
    expect(ofRule(withDate(''), 'DATE')).toMatchObject([
      { severity: 'warning', key: 'checks.issuedOnEmpty' },
    ]);
    expect(ofRule(withDate('2025-12-31'), 'DATE')).toMatchObject([
      { severity: 'error', params: { date: '2025年12月31日' } },
    ]);
    expect(ofRule(withDate('2026-05-10'), 'DATE')).toMatchObject([
      { severity: 'warning', key: 'checks.issuedOnUnusual' },
    ]);
  });

  const proseYears = (slot: string, text: string) =>
    ofRule(
      check(
        applyGenerated(
          t,
          clean((d) => (d.prose[slot] = text)),
        ),
      ),
      'YEAR',
    );
  it('finds another year presented as the reporting year', () => {
    const [f] = proseYears('s1.intro', '2024年，我镇认真贯彻落实《条例》。');
    expect(f).toMatchObject({
      key: 'checks.yearInProse',
      params: { found: 2024, year: 2025 },
      at: { slot: 's1.intro', offset: 0, length: 5 },
    });
    expect(proseYears('s1.intro', '2025年度本机关认真贯彻落实《条例》。')).toEqual([]);
    expect(proseYears('s1.intro', '2026年，我镇共收到申请3件。')).toHaveLength(1);
    expect(proseYears('s5.improvements', '2026年，我镇将继续加强培训。')).toEqual([]);
    expect(proseYears('s1.intro', '２０２４年，本机关认真贯彻落实《条例》。')).toHaveLength(1);
    const period = proseYears('preface', '本报告中所列数据的统计期限自2023年1月1日起至2024年12月31日止。');
    expect(period.map((x) => x.params.found)).toEqual([2023, 2024]);
  });

  it('finds an impossible year such as 202020年 as an error', () => {
    const [f] = proseYears('preface', '本报告中所列数据的统计期限自202020年1月1日起至2025年12月31日止。');
    expect(f).toMatchObject({
      severity: 'error',
      key: 'checks.impossibleYear',
      params: { text: '202020年' },
    });
    expect(f!.at).toMatchObject({ slot: 'preface', offset: 14, length: 7 });
  });
});

describe('R8: figures in the prose against the tables', () => {
  const request = (text: string, total: number) =>
    ofRule(
      check(
        generated(
          { 't3.new.natural': total, 't3.open.natural': total },
          (d) => (d.prose['s1.request'] = text),
        ),
      ),
      'R8',
    );

  it('accepts figures as clerks write them when they fit the table', () => {
    expect(request('2025年，我镇共收到政府信息公开申请１２件。', 12)).toEqual([]);
    expect(request('2025年，我镇共收到政府信息公开申请1,234件。', 1234)).toEqual([]);
    expect(request('2025年，我镇共收到政府信息公开申请800余件。', 850)).toEqual([]);
    expect(request('2025年，我镇共收到政府信息公开申请140多件。', 147)).toEqual([]);
    expect(request('2025年，我镇共收到政府信息公开申请3860余件。', 3861)).toEqual([]);
    expect(request('2025年，我镇共收到政府信息公开申请十二件。', 12)).toEqual([]);
  });

  it('reports a figure that contradicts the table, at the figure (广州城管委: 800余 against 266)', () => {
    const [f] = request('2025年，我镇共收到政府信息公开申请800余件。', 266);
    expect(f).toMatchObject({
      severity: 'warning',
      params: { prose: '800余', table: '266' },
      at: { slot: 's1.request', offset: 19, length: 4 },
    });
    expect(message(f!)).toBe(
      '正文写的是“800余”，但表中“一、本年新收政府信息公开申请数量 / 总计”为 266件，两者不一致。请修改正文或表中数字。',
    );
    expect(request('2025年，我镇共收到政府信息公开申请3860余件。', 3870)).toHaveLength(1);
    expect(request('2025年，我镇共收到政府信息公开申请13件。', 12)).toHaveLength(1);
  });

  it('compares a monthly figure with a twelfth of the year (广州城管委: 月访问量3万余次 against 526696)', () => {
    const template: TemplateDef = {
      ...t,
      fields: [...t.fields, { id: 'site.views', label: '网站专栏页面访问量', kind: 'count', unit: '人次' }],
      claims: [...t.claims, { pattern: '月访问量{n}次', field: 'site.views', perMonth: true }],
    };
    const views = (text: string, yearly: number) =>
      ofRule(
        runChecks(
          template,
          clean((d) => ((d.values['site.views'] = yearly), (d.prose['s1.platform'] = text))),
        ),
        'R8',
      );
    const [f] = views('网站专栏页面月访问量3万余次。', 526696);
    expect(f).toMatchObject({
      key: 'checks.claimPerMonth',
      params: { prose: '3万余', table: '526696', perMonth: '43891' },
    });
    expect(views('网站专栏页面月访问量3万余次。', 400000)).toEqual([]);
    expect(views('网站专栏页面月访问量4.4万次。', 526696)).toEqual([]);
    expect(views('网站专栏页面月访问量43891次。', 526696)).toEqual([]);
  });
});

describe('percentages in the prose', () => {
  it('reports a share that disagrees with the largest remainder', () => {
    const d = applyGenerated(
      t,
      clean((x) => {
        x.lists['active.categories'] = [
          { label: '机构职能', value: 5079 },
          { label: '政策文件', value: 1481 },
          { label: '工作动态', value: 1227 },
          { label: '其他', value: 2444 },
        ];
      }),
    );
    expect(ofRule(check(d), 'PCT')).toEqual([]);
    d.prose['s1.active'] = d.prose['s1.active']!.replace('12.0%', '12.1%');
    expect(ofRule(check(d), 'PCT')).toMatchObject([
      { params: { label: '工作动态', printed: '12.1%', expected: '12.0%' } },
    ]);
  });
});

describe('prose written by hand', () => {
  const lint = (slot: string, text: string, rule: string, edit: (d: Draft) => void = () => {}) =>
    ofRule(
      check(
        applyGenerated(
          t,
          clean((d) => ((d.prose[slot] = text), edit(d))),
        ),
      ),
      rule,
    );

  it('finds sub-heading numbering that skips (寮步: (一) then (三)) or runs backwards', () => {
    const [skip, order] = lint(
      's1.management',
      '(一)突出队伍建设\n正文。\n(三)突出载体建设\n正文。\n(四)其他\n(二)镇政府电子屏幕',
      'NUM',
    );
    expect(skip).toMatchObject({
      key: 'checks.numberingSkip',
      params: { missing: '（二）', found: '(三)' },
      at: { offset: 14, length: 3 },
    });
    expect(order).toMatchObject({
      key: 'checks.numberingOrder',
      params: { found: '(二)', previous: '(四)' },
    });
    expect(lint('s1.management', '1.建立制度。\n3.加强培训。', 'NUM')).toMatchObject([
      { params: { missing: '2.' } },
    ]);
    expect(lint('s1.management', '（一）制度\n1.甲。\n2.乙。\n（二）培训\n1.丙。2.丁。', 'NUM')).toEqual([]);
    expect(lint('s1.management', '增长1.5倍，共3、4两个季度。', 'NUM')).toEqual([]);
  });

  it('finds a 前言 announcing more parts than the report has', () => {
    const [f] = lint('preface', '本报告由总体情况等7个部分组成。', 'PARTS');
    expect(f).toMatchObject({ params: { announced: 7, actual: 6 }, at: { slot: 'preface' } });
    expect(lint('preface', '全文包括总体情况、主动公开政府信息情况等六部分。', 'PARTS')).toEqual([]);
    expect(lint('s1.intro', '一部分群众对政府信息公开工作了解不够。', 'PARTS')).toEqual([]);
  });

  it('finds wording copied from a provincial report into a township’s', () => {
    const text = '组织推动全省政府信息公开工作，在全省率先完成目录编制，全省领先。';
    const fs = lint('s1.intro', text, 'LEVEL');
    expect(fs.map((f) => [f.params.phrase, f.params.count])).toEqual([
      ['组织推动全省', 1],
      ['全省', 2],
    ]);
    expect(lint('s1.intro', text, 'LEVEL', (d) => (d.unit.kind = 'county-department'))).toEqual([]);
  });

  it('needs the unit name for the title, and reports gaps the generator left', () => {
    const d = applyGenerated(
      t,
      clean((x) => ((x.unit.name = ''), (x.unit.phone = ''))),
    );
    const fs = check(d);
    expect(ofRule(fs, 'UNIT')).toMatchObject([{ severity: 'error', at: { field: 'unit.name' } }]);
    expect(ofRule(fs, 'FILL').map((f) => f.params.text)).toEqual([
      '（请填写单位名称）',
      '（请填写单位名称）',
      '（请填写电话）',
    ]);
  });
});

describe('the list of findings', () => {
  const messy = () =>
    generated({ 't3.new.natural': 5, 't2.rules.issued': 1 }, (d) => {
      d.issuedOn = '';
      d.prose['s1.intro'] = '2024年，我镇认真贯彻落实《条例》。';
      d.prose['s1.request'] = '2025年，我镇共收到政府信息公开申请3件。';
    });

  it('lists errors first, then warnings in the order the report prints them', () => {
    const fs = check(messy());
    const severities = fs.map((f) => f.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
    expect(fs.filter((f) => f.severity === 'warning').map((f) => f.rule)).toEqual([
      'YEAR',
      'R8',
      'R10',
      'DATE',
    ]);
    expect(new Set(fs.map((f) => f.id)).size).toBe(fs.length);
  });

  it('marks acknowledged warnings and stops counting them as open; errors cannot be acknowledged', () => {
    const d = messy();
    const before = check(d);
    const counts = openCounts(before);
    d.acknowledged = ['R10:t2.rules.issued', 'R1:t3.carryOut.natural'];
    const after = check(d);
    expect(after.find((f) => f.id === 'R10:t2.rules.issued')?.acknowledged).toBe(true);
    expect(after.find((f) => f.id === 'R1:t3.carryOut.natural')?.acknowledged).toBeUndefined();
    expect(openCounts(after)).toEqual({ errors: counts.errors, warnings: counts.warnings - 1 });
  });

  it('has a message and a rule name in every language for every finding', () => {
    const fs = check(messy());
    for (const lng of ['zh-CN', 'zh-TW', 'en'] as const) {
      const i18n = createI18n(lng);
      for (const f of fs) {
        expect(i18n.exists(f.key), f.key).toBe(true);
        expect(i18n.t(f.key, f.params)).not.toMatch(/\{\{/);
        expect(i18n.exists(`checks.name.${f.rule}`), f.rule).toBe(true);
      }
    }
  });

  it('names every rule the templates use', () => {
    const names = Object.keys(resources['zh-CN'].translation.checks.name);
    for (const template of TEMPLATES) {
      for (const r of template.rules) expect(names, `${template.id} ${r.id}`).toContain(r.id);
      for (const f of template.fields)
        if (f.rule) expect(names, `${template.id} ${f.rule}`).toContain(f.rule);
    }
  });
});

describe('the example reports', () => {
  const example = (name: string) => {
    const r = readDraft(readFileSync(resolve(__dirname, '../../examples', name), 'utf8'));
    if (!r.ok) throw new Error(`${name}: ${r.error.key}`);
    return runChecks(r.template, r.draft);
  };

  it('寮步 2012: "现公布2011年" in a 2012 report, and §二 numbered (一) then (三)', () => {
    const fs = example('liaobu-2012.json');
    expect(ofRule(fs, 'YEAR')).toMatchObject([
      { params: { found: 2011, year: 2012, text: '现公布2011年' }, at: { slot: 'preface' } },
    ]);
    expect(ofRule(fs, 'NUM')).toMatchObject([{ key: 'checks.numberingSkip', params: { missing: '（二）' } }]);
    expect(ofRule(fs, 'PARTS')).toEqual([]);
  });

  it('广州城管委 2012: a blank 申请总数, and prose contradicting 附表3', () => {
    const fs = example('guangzhou-chengguan-2012.json');
    expect(ofRule(fs, 'L1')).toMatchObject([
      { severity: 'error', key: 'checks.declaredBlank', params: { computed: '9' } },
    ]);
    const r8 = ofRule(fs, 'R8').map((f) => [f.params.prose, f.params.table]);
    expect(r8).toContainEqual(['800余', '266']);
    expect(r8).toContainEqual(['3万余', '526696']);
  });
});
