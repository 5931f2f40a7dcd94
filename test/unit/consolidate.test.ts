import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../shared/report/checks';
import {
  chooseTarget,
  consolidate,
  decodeList,
  expectedUnits,
  keyFields,
  summaryDraft,
  type Submission,
} from '../../shared/report/consolidate';
import type { Draft } from '../../shared/report/draft';
import { newDraft, readDraft } from '../../shared/report/draft-io';
import { national2021 } from '../../shared/report/templates/national-2021';
import { township2012 } from '../../shared/report/templates/township-2012';
import { computeValues } from '../../shared/report/totals';

const example = (): Draft => {
  const read = readDraft(readFileSync('examples/national-2021-township-2025.json', 'utf8'));
  if (!read.ok) throw new Error('the national example must read');
  return read.draft;
};

function unit(name: string, change: (d: Draft) => void = () => {}): Draft {
  const draft = example();
  draft.unit.name = name;
  change(draft);
  return draft;
}

const submit = (drafts: Draft[]): Submission[] => drafts.map((draft, i) => ({ file: `${i}.json`, draft }));
const target = { template: national2021, year: 2025 };

describe('expectedUnits', () => {
  it('reads one name a line, skipping blank lines and # comments, with full-width spaces unified', () => {
    const text =
      '\uFEFF# 2025 年报送名单\r\n甲镇人民政府\n\n  乙镇　人民政府  # 合并后新名\n＃ 已撤销\n甲镇人民政府\n';
    expect(expectedUnits(text)).toEqual(['甲镇人民政府', '乙镇 人民政府']);
  });
});

describe('decodeList', () => {
  const text = '甲镇人民政府\r\n乙镇\r\n';
  it('reads a list saved as GBK by WPS or Notepad', () => {
    // '甲镇人民政府\r\n乙镇\r\n' in GBK (python3: '甲镇人民政府'.encode('gbk')).
    const gbk = Uint8Array.from(Buffer.from('bcd7d5f2c8cbc3f1d5feb8ae0d0ad2d2d5f20d0a', 'hex'));
    expect(decodeList(gbk)).toBe(text);
  });
  it('reads UTF-8 with or without a byte order mark, and UTF-16 with one', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeList(utf8)).toBe(text);
    expect(decodeList(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    expect(decodeList(Uint8Array.from(le))).toBe(text);
    expect(decodeList(Uint8Array.from(Buffer.from(le).swap16()))).toBe(text);
  });
});

describe('chooseTarget', () => {
  const drafts = [
    unit('甲'),
    unit('乙'),
    unit('丙', (d) => (d.year = 2024)),
    newDraft({ template: township2012, year: 2024, unit: { name: '丁' } }),
    newDraft({ template: township2012, year: 2024, unit: { name: '戊' } }),
  ];
  it('takes the most common year, then the most common template of that year', () => {
    expect(chooseTarget(drafts, {})).toEqual({ template: township2012, year: 2024 });
    expect(chooseTarget(drafts.slice(0, 3), {})).toEqual({ template: national2021, year: 2025 });
  });
  it('keeps what the clerk gave and fills in the rest', () => {
    expect(chooseTarget(drafts, { template: national2021 })).toEqual({ template: national2021, year: 2025 });
    expect(chooseTarget(drafts, { year: 2025 })).toEqual({ template: national2021, year: 2025 });
    expect(chooseTarget([], {})).toBeNull();
  });
});

describe('consolidate', () => {
  it('keeps the newest file of a unit, leaves out other years and templates, and names who is missing', () => {
    const older = unit('乙镇人民政府 ', (d) => (d.meta.updatedAt = '2026-01-05T08:00:00.000Z'));
    const newer = unit('乙镇人民政府', (d) => (d.meta.updatedAt = '2026-01-09T08:00:00.000Z'));
    const submissions = submit([
      unit('甲镇人民政府'),
      newer,
      older,
      unit('丙镇人民政府', (d) => (d.year = 2024)),
      newDraft({ template: township2012, year: 2025, unit: { name: '丁镇人民政府' } }),
      unit('戊镇人民政府'),
    ]);
    const result = consolidate(target, submissions, {
      expected: expectedUnits('乙镇人民政府\n甲镇人民政府\n丙镇人民政府\n丁镇人民政府'),
    });
    expect(result.units.map((u) => [u.name, u.file])).toEqual([
      ['乙镇人民政府', '1.json'],
      ['甲镇人民政府', '0.json'],
    ]);
    expect(result.skipped.map((s) => [s.file, s.reason, s.kept])).toEqual([
      ['2.json', 'duplicate', '1.json'],
      ['3.json', 'year', undefined],
      ['4.json', 'template', undefined],
      ['5.json', 'unexpected', undefined],
    ]);
    expect(result.missing).toEqual(['丙镇人民政府', '丁镇人民政府']);
    expect(result.unexpected).toEqual(['戊镇人民政府']);
  });

  it('leaves a unit not on the list out of the summary, so a file re-sent under another name is not counted twice', () => {
    const jia = unit('甲镇人民政府');
    const yi = unit('乙镇人民政府');
    const resent = unit('乙镇政府');
    const result = consolidate(target, submit([jia, yi, resent]), {
      expected: ['甲镇人民政府', '乙镇人民政府'],
    });
    expect(result.units.map((u) => u.name)).toEqual(['甲镇人民政府', '乙镇人民政府']);
    expect(result.skipped.map((s) => [s.name, s.reason])).toEqual([['乙镇政府', 'unexpected']]);
    expect(result.unexpected).toEqual(['乙镇政府']);
    expect(computeValues(national2021, result.summary).get('t3.new.total')).toBe(2 * 8);
  });

  it('names the file finally kept for every older copy of a unit, however many there are', () => {
    const copies = ['2026-01-05T08:00:00.000Z', '2026-01-07T08:00:00.000Z', '2026-01-09T08:00:00.000Z'].map(
      (at) => unit('甲镇人民政府', (d) => (d.meta.updatedAt = at)),
    );
    const result = consolidate(target, submit(copies));
    expect(result.units.map((u) => u.file)).toEqual(['2.json']);
    expect(result.skipped.map((s) => [s.file, s.kept])).toEqual([
      ['0.json', '2.json'],
      ['1.json', '2.json'],
    ]);
  });

  it('orders saves by the instant, whatever the time zone they were written in', () => {
    // 16:30 in Beijing is 08:30 UTC, half an hour before the other save.
    const beijing = unit('甲镇人民政府', (d) => (d.meta.updatedAt = '2026-01-10T16:30:00+08:00'));
    const utc = unit('甲镇人民政府', (d) => (d.meta.updatedAt = '2026-01-10T09:00:00.000Z'));
    expect(consolidate(target, submit([beijing, utc])).units.map((u) => u.file)).toEqual(['1.json']);
    expect(consolidate(target, submit([utc, beijing])).units.map((u) => u.file)).toEqual(['0.json']);
  });

  it('counts each unit’s errors, so a unit that breaks R1 stands out', () => {
    const broken = unit('乙镇人民政府', (d) => (d.values['t3.new.natural'] = 50));
    const result = consolidate(target, submit([unit('甲镇人民政府'), broken]));
    expect(result.units.map((u) => u.errors)).toEqual([0, 2]);
    expect(result.units[1]!.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual([
      'R1',
      'R1',
    ]);
    expect(result.missing).toEqual([]);
    expect(result.unexpected).toEqual([]);
  });
});

describe('summaryDraft', () => {
  const drafts = [
    unit('甲镇人民政府', (d) => (d.values['t2.fees'] = 0.1)),
    unit('乙镇人民政府', (d) => {
      d.values['t2.fees'] = 0.2;
      d.values['t3.new.research'] = 3;
      d.values['t3.open.research'] = 3;
      d.lists['active.categories'] = [
        { label: '工作动态', value: 13 },
        { label: '人事信息', value: 4 },
      ];
    }),
    unit('丙街道办事处'),
  ];
  const summary = summaryDraft(target, drafts, { summaryUnit: ' 清溪县人民政府办公室 ' });

  it('is a draft of the summary unit whose every number, totals included, is the sum over the units', () => {
    expect([summary.unit.name, summary.unit.kind, summary.year]).toEqual([
      '清溪县人民政府办公室',
      'other',
      2025,
    ]);
    const totals = computeValues(national2021, summary);
    const perUnit = drafts.map((d) => computeValues(national2021, d));
    for (const field of national2021.fields) {
      const sum = perUnit.reduce((acc, v) => acc + v.get(field.id)!, 0);
      expect(totals.get(field.id), field.id).toBeCloseTo(sum, 6);
    }
    expect(totals.get('t3.new.total')).toBe(27);
    expect(totals.get('active.total')).toBe(2 * 343 + 13 + 4);
  });

  it('adds money without binary noise, and merges category items by label', () => {
    expect(summary.values['t2.fees']).toBe(12.65);
    expect(summary.lists['active.categories']!.map((i) => [i.label, i.value])).toEqual([
      ['机构职能', 24],
      ['政策文件', 92],
      ['规划计划', 18],
      ['财政资金', 56],
      ['工作动态', 187 * 2 + 13],
      ['其他', 122],
      ['人事信息', 4],
    ]);
  });

  it('keeps R1–R4 when every unit keeps them', () => {
    expect(drafts.flatMap((d) => runChecks(national2021, d)).filter((f) => f.severity === 'error')).toEqual(
      [],
    );
    expect(runChecks(national2021, summary).filter((f) => /^R[1-4]$/.test(f.rule))).toEqual([]);
  });

  it('is named 汇总 when no name is given', () => {
    expect(summaryDraft(target, drafts).unit.name).toBe('汇总');
  });
});

describe('keyFields', () => {
  it('gives table 三’s 总计 column and the numbers no total adds up, not the parts of a total', () => {
    const ids = keyFields(national2021).map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining(['t3.new.total', 't3.total.total', 't2.fees', 't4.review.total']),
    );
    expect(ids).not.toContain('t3.new.natural');
    expect(ids).not.toContain('t4.review.upheld');
    const t3TotalColumn = national2021.fields.map((f) => f.id).filter((id) => /^t3\..+\.total$/.test(id));
    expect(ids.filter((id) => id.startsWith('t3.'))).toEqual(t3TotalColumn);
  });
});
