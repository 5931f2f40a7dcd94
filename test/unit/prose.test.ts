import { describe, expect, it } from 'vitest';
import { runChecks } from '../../shared/report/checks';
import type { Draft } from '../../shared/report/draft';
import { newDraft } from '../../shared/report/draft-io';
import { isComputed } from '../../shared/report/model';
import { applyGenerated, generateSentences, wouldOverwrite } from '../../shared/report/prose';
import type { TemplateDef } from '../../shared/report/template';
import { TEMPLATES } from '../../shared/report/templates';
import { national2021 } from '../../shared/report/templates/national-2021';
import { heyouTownshipDraft } from '../fixtures/heyou-township';

const t = national2021;

function draft(edit: (d: Draft) => void = () => {}): Draft {
  const d = heyouTownshipDraft('test-draft-prose');
  edit(d);
  return d;
}

describe('generateSentences (national-2021)', () => {
  it('writes the 前言 with the statistics period, the six parts and the unit’s contact data', () => {
    const { preface } = generateSentences(t, draft());
    expect(preface).toContain('由鹤游镇人民政府编制。');
    expect(preface).toContain(
      '全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分。',
    );
    expect(preface).toContain('本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。');
    expect(preface).toContain('本报告电子版可在鹤游镇人民政府网站“政府信息公开”专栏下载。');
    expect(preface).toContain('（地址：鹤游镇政府路1号；电话：0571-12345678）');
  });

  it('leaves a visible gap where the unit’s data is missing', () => {
    const { preface } = generateSentences(
      t,
      draft((d) => ((d.unit.phone = ''), (d.unit.website = ' '))),
    );
    expect(preface).toContain('本报告电子版可在（请填写网址）下载。');
    expect(preface).toContain('电话：（请填写电话））');
  });

  it('writes the numbers of the tables, and the other branch of a condition when they are zero', () => {
    const none = generateSentences(t, draft());
    expect(none['s1.request']).toBe('2025年，我镇未收到政府信息公开申请，无上年结转申请。');
    expect(none['s4.summary']).toBe('2025年，我镇未发生因政府信息公开引起的行政复议、行政诉讼案件。');
    expect(none['s6.other']).toBe('2025年，我镇未收取信息处理费。');
    const some = generateSentences(
      t,
      draft((d) =>
        Object.assign(d.values, {
          't3.new.natural': 4,
          't3.new.business': 1,
          't3.open.natural': 3,
          't3.partial.business': 1,
          't3.carryOut.natural': 1,
          'fees.processing': 12.5,
          't4.review.upheld': 1,
        }),
      ),
    );
    expect(some['s1.request']).toBe(
      '2025年，我镇共收到政府信息公开申请5件，上年结转0件，已办结4件，其中予以公开3件，部分公开1件；结转下年度继续办理1件。',
    );
    expect(some['s6.other']).toBe('2025年，我镇依据《政府信息公开信息处理费管理办法》收取信息处理费12.5元。');
    expect(some['s4.summary']).toContain('被申请行政复议1件');
  });

  it('lists the categories with shares that add to 100, skipping empty ones and doubled 类', () => {
    const d = draft((x) => {
      x.unit.selfRef = '本街道';
      x.lists['active.categories'] = [
        { label: '机构职能', value: 5079 },
        { label: '政策文件', value: 1481 },
        { label: '规划计划', value: 0 },
        { label: '村（居）委会', value: 1227 },
        { label: '其他类', value: 2444 },
      ];
    });
    expect(generateSentences(t, d)['s1.active']).toBe(
      '2025年，本街道主动公开政府信息10231条，其中机构职能类5079条，占49.6%，政策文件类1481条，占14.5%，村（居）委会类1227条，占12.0%，其他类2444条，占23.9%。',
    );
    // Nothing entered in the category list: a gap for the clerk, never an invented 0.
    expect(generateSentences(t, draft())['s1.active']).toBe(
      '2025年，我镇主动公开政府信息（请填写“主动公开政府信息分类”的条数）条。',
    );
  });
});

describe('applyGenerated and wouldOverwrite', () => {
  it('fills empty slots and records what it generated', () => {
    const d = applyGenerated(t, draft());
    expect(d.prose['s1.request']).toBe('2025年，我镇未收到政府信息公开申请，无上年结转申请。');
    expect(d.generated['s1.request']).toBe(d.prose['s1.request']);
    expect(Object.keys(d.generated).sort()).toEqual([
      'preface',
      's1.active',
      's1.request',
      's4.summary',
      's6.other',
    ]);
  });

  it('regenerates its own paragraph after the numbers change and keeps the clerk’s paragraphs after it', () => {
    const first = applyGenerated(t, draft());
    const added = '我镇依托政务服务中心设立依申请公开受理窗口。';
    first.prose['s1.request'] = `${first.prose['s1.request']}\n${added}`;
    first.values['t3.new.natural'] = 2;
    first.values['t3.open.natural'] = 2;
    expect(wouldOverwrite(t, first, 's1.request')).toBe(false);
    const second = applyGenerated(t, first);
    expect(second.prose['s1.request']).toBe(
      `2025年，我镇共收到政府信息公开申请2件，上年结转0件，已办结2件，其中予以公开2件；结转下年度继续办理0件。\n${added}`,
    );
    expect(first.prose['s1.request']).toContain('未收到');
  });

  it('leaves a slot the clerk edited alone unless the clerk confirmed the overwrite', () => {
    const first = applyGenerated(t, draft());
    const edited = '2025年，我镇未收到政府信息公开申请。全年咨询电话接听30余次。';
    first.prose['s1.request'] = edited;
    first.values['t3.new.natural'] = 1;
    first.values['t3.open.natural'] = 1;
    expect(wouldOverwrite(t, first, 's1.request')).toBe(true);
    expect(wouldOverwrite(t, first, 's4.summary')).toBe(false);

    const kept = applyGenerated(t, first);
    expect(kept.prose['s1.request']).toBe(edited);
    expect(kept.generated['s1.request']).toBe(first.generated['s1.request']);

    const confirmed = applyGenerated(t, first, ['s1.request']);
    expect(confirmed.prose['s1.request']).toContain('共收到政府信息公开申请1件');
    expect(confirmed.prose['s1.request']).not.toContain('咨询电话');
    expect(confirmed.generated['s1.request']).toBe(confirmed.prose['s1.request']);
  });
});

/** Every entered number and category filled with values that vary with the seed. */
function filled(template: TemplateDef, variant: string, seed: number): Draft {
  const d = newDraft({
    template,
    variant,
    year: 2012 + (seed % 14),
    id: `test-generated-${seed}`,
    unit: {
      name: '寮步镇人民政府',
      kind: 'township',
      address: '寮步镇香市路1号',
      phone: '0769-1234567',
      website: '寮步镇人民政府网',
    },
  });
  template.fields.forEach((f, i) => {
    if (isComputed(f)) return;
    const n = (seed * 7919 + i * 104729) % 1500;
    d.values[f.id] = f.kind === 'money' ? n / 4 : n % 3 === 0 ? 0 : n;
  });
  for (const l of template.lists)
    d.lists[l.id] = (d.lists[l.id] ?? []).map((item, i) => ({ ...item, value: (seed * (i + 3) * 31) % 400 }));
  return d;
}

describe.each(TEMPLATES.flatMap((tpl) => tpl.variants.map((v) => [tpl.id, v.id, tpl] as const)))(
  'generated prose of %s (%s)',
  (_id, variant, template) => {
    it('agrees with its own tables, years, parts and shares', () => {
      for (const seed of [1, 2, 3, 5, 8]) {
        const d = applyGenerated(template, filled(template, variant, seed));
        const prose = runChecks(template, d).filter((f) =>
          ['R8', 'PCT', 'YEAR', 'PARTS', 'NUM', 'LEVEL', 'FILL', 'DOUBLE', 'CUT', 'DOCNO', 'DONE'].includes(
            f.rule,
          ),
        );
        expect(prose, `seed ${seed}`).toEqual([]);
      }
    });
  },
);
