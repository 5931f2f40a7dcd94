import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n';
import { runChecks, type Finding } from '../../shared/report/checks';
import type { Draft } from '../../shared/report/draft';
import { newDraft } from '../../shared/report/draft-io';
import { applyGenerated, generateSentences } from '../../shared/report/prose';
import { repeatedText } from '../../shared/report/repeat';
import type { TemplateDef } from '../../shared/report/template';
import { findTemplate } from '../../shared/report/templates';
import { national2021 } from '../../shared/report/templates/national-2021';
import { heyouTownshipDraft } from '../fixtures/heyou-township';

/**
 * The checks that real reports showed missing (issues #7, #8, #9). Each has a failing case worded
 * as a published report worded it, and a passing case that a careless check would have flagged.
 */
const t = national2021;
const township = findTemplate('township-2012')!;
const guangzhou = findTemplate('guangzhou-2010')!;
const zh = createI18n('zh-CN');

/** A complete 2025 township draft in the national format, its prose generated, then `edit`. */
function draft(edit: (d: Draft) => void = () => {}): Draft {
  const d = heyouTownshipDraft('test-draft-field');
  d.issuedOn = '2026-01-20';
  Object.assign(d.prose, {
    's1.management': '严格落实公文公开属性源头认定机制，公文在拟稿时即明确公开属性。',
    's1.platform': '及时更新政府网站“政府信息公开”专栏，确保信息发布及时、准确。',
    's1.oversight': '将政府信息公开工作纳入年度绩效考核，主动接受群众监督。',
    's5.problems': '一是政务公开工作队伍业务水平有待提高。二是公开内容的及时性有待加强。',
    's5.improvements': '加强业务培训，提高工作人员的业务能力和服务水平。',
  });
  // Every category entered: a list left untouched prints its total blank (BLANK).
  d.lists['active.categories'] = d.lists['active.categories']!.map((item, i) => ({ ...item, value: i }));
  const generated = applyGenerated(t, d);
  edit(generated);
  return generated;
}
const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);
const check = (d: Draft, template: TemplateDef = t) => runChecks(template, d);
const message = (f: Finding) => zh.t(f.key, f.params);

describe('a complete draft', () => {
  it('raises none of the new checks', () => {
    expect(check(draft())).toEqual([]);
  });
});

describe('YEAR: last year’s year in carried prose (#7.3)', () => {
  const carried = (intro: string) =>
    applyGenerated(
      t,
      draft((d) => {
        d.year = 2026;
        d.issuedOn = '2027-01-20';
        d.prose['s1.intro'] = intro;
      }),
    );

  it('names "2026年，柳溪镇人民政府在县委…" and "…2026年政府信息公开工作…" in a 2027 report, whoever the subject', () => {
    const d = carried(
      '2025年，柳溪镇人民政府在县委、县政府的正确领导下，认真贯彻落实《条例》。\n根据《中华人民共和国政府信息公开条例》规定，现将本镇2025年政府信息公开工作情况报告如下：\n截至2025年底，共梳理公开目录12项。',
    );
    const years = ofRule(check(d), 'YEAR');
    expect(years.map((f) => [f.params.found, f.params.text])).toEqual([
      [2025, '2025年，'],
      [2025, '2025年政府信息公开'],
      [2025, '截至2025年底'],
    ]);
    expect(message(years[0]!)).toBe(
      '“2025年，”把 2025 年当作报告年度，但本报告是 2026 年度的。请改为 2026 年。',
    );
    expect(d.prose['s1.intro']!.slice(years[1]!.at.offset!, years[1]!.at.offset! + 5)).toBe('2025年');
  });

  it('leaves last year named as last year alone: 较2025年增长, 上年（2025年）, 2025年度问题整改', () => {
    const d = carried(
      '2026年，柳溪镇人民政府认真贯彻落实《条例》，主动公开信息数较2025年增长12%。\n上年（2025年）政府信息公开工作年度报告指出的问题已逐项整改，2025年度问题整改情况已向县政务公开办报告。\n2027年，我镇将继续深化政务公开。',
    );
    expect(ofRule(check(d), 'YEAR')).toEqual([]);
  });
});

describe('依申请 sentence: every non-zero result, adding up to the whole (#7.6)', () => {
  /** The figures a 其中 clause names, as numbers. */
  const parts = (clause: string) => [...clause.matchAll(/(\d+)[件宗]/g)].map((m) => Number(m[1]));
  const random = (seed: number) => {
    let s = seed;
    return () => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s / 2 ** 31;
    };
  };

  it('national: "已办结12件，其中予以公开7件，部分公开1件，不予公开1件，无法提供3件"', () => {
    const d = draft((x) =>
      Object.assign(x.values, {
        't3.new.natural': 12,
        't3.open.natural': 7,
        't3.partial.natural': 1,
        't3.deny.third.natural': 1,
        't3.none.nothold.natural': 2,
        't3.none.unclear.natural': 1,
      }),
    );
    expect(generateSentences(t, d)['s1.request']).toBe(
      '2025年，我镇共收到政府信息公开申请12件，上年结转0件，已办结12件，其中予以公开7件，部分公开1件，不予公开1件，无法提供3件；结转下年度继续办理0件。',
    );
  });

  it('national: for random tables the figures after 其中 add up to 已办结', () => {
    const rows = t.fields
      .filter((f) => /^t3\.(open|partial|deny|none|reject|other)\./.test(f.id) && !f.sum)
      .map((f) => f.id);
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const d = heyouTownshipDraft(`random-${seed}`);
      for (const id of rows) if (next() < 0.25) d.values[id] = Math.floor(next() * 40);
      d.values['t3.new.natural'] = 500;
      const sentence = generateSentences(t, d)['s1.request']!;
      const done = /已办结(\d+)件((?:，[^；]*)?)；/.exec(sentence);
      expect(done, sentence).not.toBeNull();
      const named = parts(done![2]!);
      expect(
        named.reduce((a, b) => a + b, 0),
        sentence,
      ).toBe(Number(done![1]));
      expect(
        named.every((n) => n > 0),
        sentence,
      ).toBe(true);
    }
  });

  it.each([
    ['township-2012', township, '全年共受理政府信息公开申请(\\d+)宗，答复(\\d+)宗((?:，[^。]*)?)。'],
    ['guangzhou-2010', guangzhou, '共受理依申请公开政府信息事项(\\d+)宗，答复(\\d+)宗((?:，[^。]*)?)。'],
  ])('%s: the named answers add up to 答复 for random tables', (_id, template, pattern) => {
    const answers = [
      'answer.open',
      'answer.partial',
      'answer.denied',
      'answer.absent',
      'answer.notOurs',
      'answer.unclear',
    ];
    for (let seed = 1; seed <= 100; seed++) {
      const next = random(seed);
      const d = newDraft({ template, year: 2012, unit: { name: '寮步镇', kind: 'township' } });
      for (const id of answers) if (next() < 0.5) d.values[id] = Math.floor(next() * 30);
      if (template === township) d.values['request.total'] = 200;
      else d.values['request.inPerson'] = 200;
      const sentence = generateSentences(template, d)['request.summary']!;
      const m = new RegExp(pattern).exec(sentence);
      const answered = answers.reduce((n, id) => n + (d.values[id] ?? 0), 0);
      // 寮步's sentence without answers says none; 广州's prints 答复0宗 with no 其中.
      if (answered === 0 && template === township) {
        expect(m, sentence).toBeNull();
        continue;
      }
      expect(m, sentence).not.toBeNull();
      expect(Number(m![2])).toBe(answered);
      expect(
        parts(m![3]!).reduce((a, b) => a + b, 0),
        sentence,
      ).toBe(Number(m![2]));
    }
  });

  it('township: keeps the 寮步 sentence when no answer was entered', () => {
    const d = newDraft({ template: township, year: 2012, unit: { name: '寮步镇', kind: 'township' } });
    d.values['request.total'] = 1;
    expect(generateSentences(township, d)['request.summary']).toBe(
      '全年共受理政府信息公开申请1宗，并在规定时间内完成回复。',
    );
  });
});

describe('PCT: share phrases (#8.10)', () => {
  // 18 of 500 is 3.6%.
  const shares = (sentence: string) =>
    ofRule(
      check(
        draft((d) => {
          d.lists['active.categories'] = [
            { label: '政策文件', value: 18 },
            { label: '工作动态', value: 482 },
          ];
          d.prose['s1.active'] = `${d.prose['s1.active']}\n${sentence}`;
        }),
      ),
      'PCT',
    ).map((f) => [f.params.printed, f.params.expected]);

  it.each([
    '政策文件类18条，占比3.6%。',
    '政策文件类18条，约占3.6%。',
    '政策文件类18条，占总数的3.6%。',
    '政策文件类18条，比例为3.6%。',
  ])('reads "%s" and finds it right', (sentence) => expect(shares(sentence)).toEqual([]));

  it.each([
    '政策文件类18条，占比4.6%。',
    '政策文件类18条，约占3%。',
    '政策文件类18条，占总数的36%。',
    '政策文件类18条（比例为3.5%）。',
  ])('reads "%s" and finds it wrong', (sentence) => expect(shares(sentence)).toHaveLength(1));
});

describe('PARTS: "五个方面" announced over six sections (#8.11)', () => {
  const parts = (preface: string) =>
    ofRule(check(draft((d) => (d.prose.preface = preface))), 'PARTS').map((f) => [
      f.params.text,
      f.params.announced,
    ]);

  it('finds a report announced in five aspects', () => {
    expect(parts('本报告分为总体情况、主动公开、依申请公开、复议诉讼、存在问题等五个方面。')).toEqual([
      ['五个方面', 5],
    ]);
    expect(parts('本报告包括五方面内容。')).toEqual([['五方面', 5]]);
  });

  it('leaves "从五个方面推进" (the work, not the report) and a right count alone', () => {
    expect(parts('本报告所列数据截至12月31日。我镇从五个方面推进政府信息公开工作。')).toEqual([]);
    expect(
      parts('本年报由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六个部分组成。'),
    ).toEqual([]);
  });
});

describe('TEMPLATE: the template against the year (#8.12)', () => {
  it('offers the township template for a national-2021 draft of 2018, and the national one for township-2012 in 2021', () => {
    const national2018 = ofRule(
      check(draft((d) => ((d.year = 2018), (d.issuedOn = '2019-01-20')))),
      'TEMPLATE',
    );
    expect(national2018).toMatchObject([
      { severity: 'warning', at: { field: 'year' }, params: { proposedId: 'township-2012' } },
    ]);
    expect(message(national2018[0]!)).toContain('“乡镇旧格式（2008—2018年）”');

    const d = newDraft({ template: township, year: 2021, unit: { name: '柳溪镇', kind: 'township' } });
    expect(ofRule(check(d, township), 'TEMPLATE')).toMatchObject([
      { params: { proposedId: 'national-2021' } },
    ]);
  });

  it('is silent in the template’s own years, and where no template fits better (2019)', () => {
    expect(ofRule(check(draft()), 'TEMPLATE')).toEqual([]);
    expect(ofRule(check(draft((d) => ((d.year = 2019), (d.issuedOn = '2020-01-20')))), 'TEMPLATE')).toEqual(
      [],
    );
    const d = newDraft({ template: township, year: 2012, unit: { name: '寮步镇', kind: 'township' } });
    expect(ofRule(check(d, township), 'TEMPLATE')).toEqual([]);
  });
});

describe('from the field (#8.13)', () => {
  const withIntro = (intro: string, edit: (d: Draft) => void = () => {}) =>
    draft((d) => {
      d.prose['s1.intro'] = intro;
      edit(d);
    });

  it('DOUBLE: 的的 and 工作工作 are slips; reduplications and words meeting on a character are not', () => {
    const fs = ofRule(
      check(withIntro('我镇高度重视政府信息公开的的工作，把政务公开工作工作纳入重点。')),
      'DOUBLE',
    );
    expect(fs.map((f) => f.params.text)).toEqual(['的的', '工作工作']);
    const fine =
      '我镇常常组织学习，人人参与，天天更新，一一答复，个个落实，年年考核，逐一整改，实实在在、的的确确做好公开。深入学习习近平新时代中国特色社会主义思想，依法公开开展工作。鹤游镇人民政府政府信息公开工作年度报告已按时发布。遇到难题先研究研究再办。';
    expect(ofRule(check(withIntro(fine)), 'DOUBLE')).toEqual([]);
  });

  it('CUT: a paragraph that stops without its punctuation, or on 、，的 (金厂镇 2025: "…报告如下")', () => {
    const fs = ofRule(
      check(
        withIntro(
          '根据《中华人民共和国政府信息公开条例》规定，现将我镇2025年度政府信息公开工作情况报告如下\n（一）主动公开\n我镇及时公开财政预决算、惠民补贴、',
        ),
      ),
      'CUT',
    );
    expect(fs.map((f) => f.params.text)).toEqual(
      ['年度政府信息公开工作情况报告如下', '公开财政预决算、惠民补贴、'].map((s) => s.slice(-12)),
    );
    expect(
      ofRule(
        check(
          withIntro(
            '（一）主动公开\n现将我镇2025年度政府信息公开工作情况报告如下：\n全年主动公开信息23条。\n（二）突出队伍建设，完善信息公开垂直体系\n我镇不断强化队伍建设。',
          ),
        ),
        'CUT',
      ),
    ).toEqual([]);
  });

  it('DONE: "均已按时答复" or "全部办结" while applications are carried into next year', () => {
    const carriedOver = { 't3.new.natural': 16, 't3.open.natural': 15, 't3.carryOut.natural': 1 };
    const said = (words: string, values: Record<string, number>) =>
      ofRule(
        check(
          draft((d) => {
            Object.assign(d.values, values);
            d.prose = { ...applyGenerated(t, d).prose };
            d.generated = applyGenerated(t, d).generated;
            d.prose['s1.request'] = `${d.prose['s1.request']}\n${words}`;
          }),
        ),
        'DONE',
      ).map((f) => f.params.text);
    expect(said('全年共收到政府信息公开申请16件，均已按时答复。', carriedOver)).toEqual(['均已按时答复']);
    expect(said('所有申请全部办结。', carriedOver)).toEqual(['全部办结']);
    expect(
      said('全年共收到政府信息公开申请16件，均已按时答复。', { 't3.new.natural': 16, 't3.open.natural': 16 }),
    ).toEqual([]);
  });

  it('DOCNO: 国办公开办涵, 〔202130号, 【2021】30号, (2021)30号 — and the right forms pass', () => {
    const fs = ofRule(
      check(
        withIntro(
          '根据国办公开办涵〔2021〕30号要求编制。\n依据国办公开办函〔202130号）执行。\n按照【2021】30号文件执行。\n参照(2021)30号文执行。',
        ),
      ),
      'DOCNO',
    );
    expect(fs.map((f) => [f.params.text, f.params.expected])).toEqual([
      ['国办公开办涵〔2021〕30号', '国办公开办函〔2021〕30号'],
      ['国办公开办函〔202130号', '国办公开办函〔2021〕30号'],
      ['【2021】30号', '〔2021〕30号'],
      ['(2021)30号', '〔2021〕30号'],
    ]);
    const right =
      '根据国办公开办函〔2021〕30号要求编制。根据《关于印发2012年全市政务信息公开工作计划的通知》（东府办函〔2012〕53号）执行。一审案号（2021）粤0105行初30号。';
    expect(ofRule(check(withIntro(right)), 'DOCNO')).toEqual([]);
  });

  it('JUMP: a figure five times last year’s, or a fifth of it; small numbers and steady ones pass', () => {
    const jumps = (values: Record<string, number>, last: Record<string, number>) =>
      ofRule(
        check(
          draft((d) => {
            Object.assign(d.values, values);
            d.previous = { year: 2024, values: last, prose: {} };
          }),
        ),
        'JUMP',
      ).map((f) => [f.at.field, f.key, f.params.value, f.params.previous]);
    expect(jumps({ 't2.licensing': 80, 't2.penalty': 2 }, { 't2.licensing': 12, 't2.penalty': 12 })).toEqual([
      ['t2.licensing', 'checks.jumpUp', '80', '12'],
      ['t2.penalty', 'checks.jumpDown', '2', '12'],
    ]);
    expect(jumps({ 't2.licensing': 9, 't2.penalty': 30 }, { 't2.licensing': 1, 't2.penalty': 12 })).toEqual(
      [],
    );
    // Not entered this year: nothing to compare yet.
    expect(jumps({}, { 't2.licensing': 120 })).toEqual([]);
  });

  it('FOLLOWUP: section 五 silent on last year’s problems, when last year’s report named some', () => {
    const followUp = (improvements: string, lastProblems: string) =>
      ofRule(
        check(
          draft((d) => {
            d.prose['s5.improvements'] = improvements;
            d.previous = { year: 2024, values: {}, prose: { 's5.problems': lastProblems } };
          }),
        ),
        'FOLLOWUP',
      ).map((f) => message(f));
    const lastYear = '一是信息公开的及时性有待提高。二是政策解读形式较为单一。';
    expect(followUp('加强业务培训，提高工作人员的业务能力。', lastYear)).toEqual([
      '2024 年报告写了存在的问题，但“五、存在的主要问题及改进情况（一）存在的主要问题”没有说明这些问题的整改或改进情况。请写明上年问题的整改情况。',
    ]);
    expect(
      followUp('针对上年报告指出的问题，我镇已逐项整改，信息发布时限缩短至3个工作日。', lastYear),
    ).toEqual([]);
    expect(followUp('加强业务培训，提高工作人员的业务能力。', '无。')).toEqual([]);
  });
});

describe('REPEAT: this year’s prose against last year’s (#9.3)', () => {
  const LAST_YEAR = {
    's1.intro':
      '2024年，鹤游镇人民政府在县委、县政府的正确领导下，认真贯彻落实《条例》。全年新建村级政务公开栏12个，方便群众就近查阅。',
    's1.management': '严格落实公文公开属性源头认定机制，公文在拟稿时即明确公开属性。',
    's5.problems': '一是信息发布不够及时。',
  };
  const withIntro = (intro: string) =>
    draft((d) => {
      d.prose['s1.intro'] = intro;
      d.prose['s5.improvements'] = '针对上年问题，已逐项整改。';
      d.previous = { year: 2024, values: {}, prose: LAST_YEAR };
    });

  it('gives the share of repeated text, the same the pure measure gives, at the first repeated slot', () => {
    const d = withIntro('2025年，鹤游镇人民政府在县委、县政府的正确领导下，认真贯彻落实《条例》。');
    const found = ofRule(check(d), 'REPEAT');
    const share = `${Math.round(repeatedText(d, LAST_YEAR).share * 100)}%`;
    expect(found.map((f) => [f.params.share, f.params.count, f.at.slot])).toEqual([[share, 2, 's1.intro']]);
    expect(message(found[0]!)).toBe(
      `正文约 ${share} 与 2024 年报告相同（2 句，不计标准句子）。请按本年实际情况改写重复的段落。`,
    );
  });

  it('is silent when less than a fifth repeats', () => {
    const d = withIntro('2025年，我镇新开通政务服务小程序，群众可在线查询公开信息，全年访问量逾两万人次。');
    expect(repeatedText(d, LAST_YEAR).share).toBeGreaterThan(0);
    expect(repeatedText(d, LAST_YEAR).share).toBeLessThan(0.2);
    expect(ofRule(check(d), 'REPEAT')).toEqual([]);
  });
});
