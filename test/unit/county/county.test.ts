import { describe, expect, it } from 'vitest';
import { boardRows, checkDraft, submissionReport, type LoadedFile } from '../../../shared/county/board';
import { feedbackItems, wholeReportItems } from '../../../shared/county/feedback';
import { coreName, matchUnit } from '../../../shared/county/match';
import { parseRoster, rosterText } from '../../../shared/county/roster';
import { filterRows, sortRows } from '../../../shared/county/sort';
import { applicationBars, countyTotals, resultBars } from '../../../shared/county/totals';
import {
  defaultDeadline,
  emptyWorkspace,
  isLate,
  type ReceivedFile,
  type Workspace,
} from '../../../shared/county/workspace';
import { createI18n } from '../../../shared/i18n';
import type { Draft } from '../../../shared/report/draft';
import { national2021 } from '../../../shared/report/templates/national-2021';
import { computeValues } from '../../../shared/report/totals';
import { oldFormReport, unitReport, withBalanceError } from './fixtures';

const zh = createI18n('zh-CN').t as unknown as (k: string, p?: Record<string, string | number>) => string;

describe('the 名单', () => {
  it('reads a block pasted from Excel: 序号, name, kind, contact; header and repeats skipped', () => {
    const pasted =
      '序号\t单位\t类型\t联系人\r\n1\t甲镇人民政府\t乡镇\t张三 13800000000\r\n2\t城关街道办事处\t街道\t\r\n3\t县财政局\t县直部门\r\n4\t甲镇人民政府\t乡镇\n\n';
    expect(parseRoster(pasted)).toEqual([
      { name: '甲镇人民政府', kind: 'township', contact: '张三 13800000000' },
      { name: '城关街道办事处', kind: 'subdistrict', contact: '' },
      { name: '县财政局', kind: 'county-department', contact: '' },
    ]);
  });
  it('reads a plain list of names, guessing the kind from the name, and writes it back the same', () => {
    const roster = parseRoster('乙镇人民政府\n东城街道\n县教育局  # 新增\n');
    expect(roster.map((e) => e.kind)).toEqual(['township', 'subdistrict', 'county-department']);
    expect(parseRoster(rosterText(roster))).toEqual(roster);
  });
});

describe('matching a file to a unit', () => {
  const listed = ['甲镇人民政府', '乙镇人民政府', '城关街道办事处', '清溪县财政局'];
  it('takes an exact name, spaces unified', () => {
    expect(matchUnit('甲镇　人民政府 ', ['甲镇 人民政府'])).toEqual({ kind: 'exact', unit: '甲镇 人民政府' });
    expect(matchUnit('乙镇人民政府', listed)).toEqual({ kind: 'exact', unit: '乙镇人民政府' });
  });
  it('offers, never takes, another way of writing the name, a typo, or a shortened name', () => {
    expect(matchUnit('乙镇政府', listed)).toEqual({ kind: 'near', candidates: ['乙镇人民政府'] });
    expect(matchUnit('城关街道办', listed)).toEqual({ kind: 'near', candidates: ['城关街道办事处'] });
    expect(matchUnit('清溪县财政厅', listed)).toEqual({ kind: 'near', candidates: ['清溪县财政局'] });
    expect(matchUnit('县财政局', listed)).toEqual({ kind: 'near', candidates: ['清溪县财政局'] });
  });
  it('does not offer a different township that differs by one of two characters', () => {
    expect(matchUnit('丙镇人民政府', listed)).toEqual({ kind: 'none' });
    expect(coreName('甲鎮人民政府')).toBe('甲镇');
  });
  it('remembers the clerk’s choice for a renamed unit', () => {
    expect(matchUnit('丁乡人民政府', listed, { 丁乡人民政府: '甲镇人民政府' })).toEqual({
      kind: 'exact',
      unit: '甲镇人民政府',
    });
  });
});

describe('the deadline', () => {
  it('is 31 January of the next year unless the county sets another', () => {
    expect(defaultDeadline(2025)).toBe('2026-01-31');
    expect(emptyWorkspace(2025).deadline).toBe('2026-01-31');
  });
  it('counts the whole last day as on time, in the clerk’s own time zone', () => {
    const lastMinute = new Date(2026, 0, 31, 23, 59).toISOString();
    const nextMorning = new Date(2026, 1, 1, 8, 0).toISOString();
    expect(isLate(lastMinute, '2026-01-31')).toBe(false);
    expect(isLate(nextMorning, '2026-01-31')).toBe(true);
  });
});

let seq = 0;
function received(
  ws: Workspace,
  unit: string,
  draft: Draft,
  receivedAt: string,
  loaded: Map<string, LoadedFile>,
): ReceivedFile {
  const file: ReceivedFile = {
    id: (seq++).toString(16).padStart(16, '0'),
    fileName: `${unit}-${seq}.json`,
    receivedAt,
    unit,
    ownName: draft.unit.name,
    match: ws.roster.some((e) => e.name === unit) ? 'auto' : 'unlisted',
    candidates: [],
    year: draft.year,
    template: draft.template,
    savedAt: draft.meta.updatedAt,
  };
  ws.files.push(file);
  loaded.set(file.id, { draft, findings: checkDraft(draft) });
  return file;
}

describe('the board and the 报送情况', () => {
  const ws = emptyWorkspace(2025);
  ws.roster = parseRoster('甲镇人民政府\n乙镇人民政府\n丙镇人民政府\n丁镇人民政府\n戊镇人民政府');
  const loaded = new Map<string, LoadedFile>();
  const onTime = new Date(2026, 0, 20, 10).toISOString();
  const late = new Date(2026, 1, 3, 10).toISOString();
  received(ws, '甲镇人民政府', unitReport('甲镇人民政府', 1), onTime, loaded);
  received(ws, '乙镇人民政府', withBalanceError(unitReport('乙镇人民政府', 2)), late, loaded);
  received(ws, '丙镇人民政府', oldFormReport('丙镇人民政府'), onTime, loaded);
  // 丁镇 sent a report of 2024 first, then the right one later (a newer save replaces the older).
  const wrong = unitReport('丁镇人民政府', 3, '2026-01-10T00:00:00.000Z');
  wrong.year = 2024;
  received(ws, '丁镇人民政府', wrong, onTime, loaded);
  const newer = received(
    ws,
    '丁镇人民政府',
    unitReport('丁镇人民政府', 3, '2026-02-05T00:00:00.000Z'),
    late,
    loaded,
  );
  received(ws, '己镇人民政府', unitReport('己镇人民政府', 5), onTime, loaded);
  const rows = boardRows(ws, loaded);
  const row = (unit: string) => rows.find((r) => r.unit === unit)!;

  it('gives every listed unit a row in list order, then the units not on the list', () => {
    expect(rows.map((r) => [r.unit, r.listed])).toEqual([
      ['甲镇人民政府', true],
      ['乙镇人民政府', true],
      ['丙镇人民政府', true],
      ['丁镇人民政府', true],
      ['戊镇人民政府', true],
      ['己镇人民政府', false],
    ]);
  });
  it('says 已报送, 逾期 or 未报送; lateness goes by the unit’s first file', () => {
    expect(rows.map((r) => r.status)).toEqual([
      'submitted',
      'late',
      'submitted',
      'submitted',
      'missing',
      'submitted',
    ]);
  });
  it('shows the newest report of a unit, keeping the older in its history, and flags year and form', () => {
    expect(row('丁镇人民政府').file).toBe(newer);
    expect(row('丁镇人民政府').history).toHaveLength(2);
    expect(row('丁镇人民政府').wrongYear).toBe(false);
    expect(row('丙镇人民政府').oldFormat).toBe(true);
    expect(row('甲镇人民政府').oldFormat).toBe(false);
    // R1 breaks in the 自然人 column and in the 总计 column it adds into.
    expect(row('乙镇人民政府').errors).toBe(2);
    expect(row('甲镇人民政府').errors).toBe(0);
  });
  it('names the units in the 报送情况', () => {
    const report = submissionReport(ws, rows);
    expect(report).toMatchObject({
      expected: 5,
      reported: ['甲镇人民政府', '乙镇人民政府', '丙镇人民政府', '丁镇人民政府'],
      late: ['乙镇人民政府'],
      missing: ['戊镇人民政府'],
      withErrors: ['乙镇人民政府'],
      oldFormat: ['丙镇人民政府'],
      unlisted: ['己镇人民政府'],
    });
  });
  it('adds up only listed units of the year on the form in force', () => {
    const totals = countyTotals(ws, rows, loaded);
    expect(totals.units.map((u) => u.name)).toEqual(['甲镇人民政府', '乙镇人民政府', '丁镇人民政府']);
    const one = computeValues(national2021, unitReport('x', 1)).get('t3.total.total')!;
    expect(computeValues(national2021, totals.summary).get('t3.total.total')).toBe(one * (1 + 2 + 3));
    const results = resultBars(national2021, computeValues(national2021, totals.summary));
    expect(results.reduce((s, b) => s + b.value, 0)).toBe(one * 6);
    expect(applicationBars(national2021, totals.units).map((b) => b.value)).toEqual(
      [1, 2, 3].map(
        (k, i) => computeValues(national2021, unitReport('x', k)).get('t3.new.total')! + (i === 1 ? 1 : 0),
      ),
    );
  });
  it('sorts by any column, ties in list order, and filters by status and problem', () => {
    expect(sortRows(rows, { column: 'errors', descending: true })[0]!.unit).toBe('乙镇人民政府');
    expect(sortRows(rows, { column: 'status', descending: false }).map((r) => r.status)).toEqual([
      'missing',
      'late',
      'submitted',
      'submitted',
      'submitted',
      'submitted',
    ]);
    expect(filterRows(rows, { status: 'late' }).map((r) => r.unit)).toEqual(['乙镇人民政府']);
    expect(filterRows(rows, { problems: 'oldFormat' }).map((r) => r.unit)).toEqual(['丙镇人民政府']);
    expect(filterRows(rows, { text: '己镇' }).map((r) => r.unit)).toEqual(['己镇人民政府']);
  });
});

describe('审核意见 in plain words', () => {
  it('says where a problem is, what the report says there and what it should say', () => {
    const draft = unitReport('乙镇人民政府', 1);
    draft.declared['t3.total.total'] = 999;
    const findings = checkDraft(draft);
    const items = feedbackItems(national2021, draft, findings, zh);
    const declared = items.find((i) => i.says === '999件')!;
    expect(declared.severity).toBe('error');
    expect(declared.where).toContain('（七）总计');
    expect(declared.shouldSay).toBe(String(computeValues(national2021, draft).get('t3.total.total')));
    expect(declared.message).toContain('999');
  });
  it('gives the figures of a broken balance without guessing which one is wrong', () => {
    const draft = withBalanceError(unitReport('乙镇人民政府', 1));
    const items = feedbackItems(national2021, draft, checkDraft(draft), zh);
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item.shouldSay).toBe('');
      expect(item.where).toContain('四、结转下年度继续办理');
      expect(item.message).toMatch(/两者应相等，现相差 1/);
    }
  });
  it('tells a unit that sent last year’s report or the old form what to send instead', () => {
    const draft = oldFormReport('丙镇人民政府');
    draft.year = 2024;
    const items = wholeReportItems(
      draft,
      2025,
      true,
      '乡镇政府信息公开年报（2012 版）',
      '全国统一格式（2021 版）',
      zh,
    );
    expect(items.map((i) => i.message)).toEqual([
      '报送的是 2024 年度的报告，本次收集的是 2025 年度的报告。请报送 2025 年度的报告。',
      '报告采用的是“乡镇政府信息公开年报（2012 版）”，2025 年度报告应按“全国统一格式（2021 版）”编写。请按现行格式重新编写后报送。',
    ]);
    expect(items[0]).toMatchObject({ says: '2024年度', shouldSay: '2025年度' });
  });
});
