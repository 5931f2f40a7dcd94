import { normalizeDigits } from '../cn-number';
import { allSlots, selfRef } from '../model';
import { chineseDate } from '../text';
import { makeFinding, type CheckContext, type Finding } from './finding';
import { ISSUED_ON } from './locate';

/**
 * §4 of the domain: one 报告年度 drives everything. The 成文日期 must fall after it (normally in
 * January–March of the next year), and the prose must not present another year as the one
 * reported on: 寮步's 2012 report opens "现公布2011年…年度报告", and a published report's
 * statistics period reads "202020年".
 */
export function checkYears(ctx: CheckContext): Finding[] {
  return [...checkIssuedOn(ctx), ...checkProseYears(ctx)];
}

function checkIssuedOn(ctx: CheckContext): Finding[] {
  const { year, issuedOn } = ctx.draft;
  const at = { field: ISSUED_ON };
  if (issuedOn === '') return [makeFinding('DATE', 'warning', 'issuedOnEmpty', { year }, at, ISSUED_ON)];
  const params = { date: chineseDate(issuedOn) || issuedOn, year, nextYear: year + 1 };
  if (issuedOn <= `${year}-12-31`)
    return [makeFinding('DATE', 'error', 'issuedOnTooEarly', params, at, ISSUED_ON)];
  if (issuedOn > `${year + 1}-03-31`)
    return [makeFinding('DATE', 'warning', 'issuedOnUnusual', params, at, ISSUED_ON)];
  return [];
}

/** Ways the unit speaks of itself at the start of a sentence about the year: 2012年，我镇… */
const SELF_REFERENCES = [
  '我镇',
  '我乡',
  '我街道',
  '我区',
  '我县',
  '我市',
  '我委',
  '我局',
  '我办',
  '我厅',
  '我中心',
  '我单位',
  '我部门',
  '本镇',
  '本乡',
  '本街道',
  '本机关',
  '本单位',
  '本局',
  '本委',
  '本部门',
  '本中心',
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A year, including ones with the wrong count of digits (202020年, 202年1月), so those are caught too. */
const YEAR = '(?<!\\d)(\\d{3,8})';
/** Where a three-digit number may be an age or a count (建党100年，我镇…), only longer ones are years. */
const LONG_YEAR = '(?<!\\d)(\\d{4,8})';

/** The year is the next one and the sentence is about plans: 2025年，我镇将继续… */
const PLAN = /^.{0,10}?(?:将|要|计划|继续|拟|力争|准备|打算)/;

interface YearPattern {
  source: RegExp;
  /** The next year is allowed when the sentence goes on about plans. */
  plan?: boolean;
  /** Only the shape of the year is checked: any four-digit year is fine here. */
  shapeOnly?: boolean;
  /**
   * Only last year is suspect: a paragraph carried over from last year's report still speaks of
   * its own year ("2026年，柳溪镇人民政府在县委…" in the 2027 report), whoever the sentence is about.
   */
  lastYearOnly?: boolean;
}

/** Words that name a year as last year or compare with it: 较2026年, 上年（2026年）, 与2026年同期. */
const COMPARED_BEFORE = /(?:较|比|与|同|相比|对比|上年度?[（(]|去年[（(]|上一年度?[（(])$/;
const COMPARED_AFTER = /^度?(?:[)）]|问题|整改|同期|相比|的基础|基础上)/;

function patterns(ctx: CheckContext): YearPattern[] {
  const selves = [...SELF_REFERENCES, selfRef(ctx.draft.unit), ctx.draft.unit.name.trim()]
    .filter(Boolean)
    .map(escape);
  const who = `(?:${[...new Set(selves)].join('|')})`;
  const period = '统计(?:期限|时限|时间|期间|区间)';
  return [
    // 现公布2011年寮步镇政府信息公开工作年度报告
    { source: new RegExp(`现(?:予)?公布${YEAR}年`, 'g') },
    { source: new RegExp(`${YEAR}年度?[^。；，,]{0,30}?政府信息公开(?:工作)?年度报告`, 'g') },
    // 2023年，我镇… / 2012年度本单位…
    { source: new RegExp(`${LONG_YEAR}年度?[，,、]?\\s*${who}`, 'g'), plan: true },
    // 统计期限自2023年1月1日起至2023年12月31日止: both years
    { source: new RegExp(`${period}[^。]{0,8}?${YEAR}年1月1日`, 'g') },
    { source: new RegExp(`${period}[^。]{0,30}?至${YEAR}年12月31日`, 'g') },
    // 截至2012年12月 (海盐)
    { source: new RegExp(`截至${YEAR}年12月`, 'g') },
    // Sentences of last year's report carried as they were: "2026年，柳溪镇人民政府…",
    // "现将本镇2026年政府信息公开工作情况报告如下", "截至2026年底".
    {
      source: new RegExp(
        `(?<=^|[。；！？\n])\\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|\\d{1,2}[.、．])?\\s*${LONG_YEAR}年度?(?:以来)?[，,]`,
        'g',
      ),
      lastYearOnly: true,
    },
    { source: new RegExp(`${LONG_YEAR}年度?(?:的)?(?:政务公开|政府信息公开)`, 'g'), lastYearOnly: true },
    { source: new RegExp(`截至${LONG_YEAR}年(?:底|末)`, 'g'), lastYearOnly: true },
    { source: new RegExp(`${YEAR}年(?=\\d{1,2}月)`, 'g'), shapeOnly: true },
  ];
}

function checkProseYears(ctx: CheckContext): Finding[] {
  const year = ctx.draft.year;
  const out: Finding[] = [];
  const list = patterns(ctx);
  for (const slot of allSlots(ctx.template)) {
    const raw = ctx.draft.prose[slot.id];
    if (!raw) continue;
    const text = normalizeDigits(raw);
    const seen = new Set<number>();
    for (const { source, plan, shapeOnly, lastYearOnly } of list)
      for (const m of text.matchAll(source)) {
        const digits = m[1]!;
        const offset = m.index + m[0].indexOf(digits);
        if (seen.has(offset)) continue;
        const found = Number(digits);
        const wellFormed = digits.length === 4;
        if (wellFormed && (shapeOnly || found === year)) continue;
        if (lastYearOnly && (!wellFormed || found !== year - 1)) continue;
        const before = text.slice(Math.max(0, offset - 6), offset);
        const after = text.slice(offset + digits.length + 1, offset + digits.length + 8);
        if (wellFormed && (COMPARED_BEFORE.test(before) || COMPARED_AFTER.test(after))) continue;
        if (wellFormed && plan && found === year + 1 && PLAN.test(text.slice(m.index + m[0].length)))
          continue;
        seen.add(offset);
        const at = ctx.slotAt(slot.id, offset, digits.length + 1);
        if (!wellFormed)
          out.push(
            makeFinding(
              'YEAR',
              'error',
              'impossibleYear',
              { text: `${digits}年`, year },
              at,
              `${slot.id}:${digits}年`,
            ),
          );
        else {
          const words = raw.slice(m.index, m.index + m[0].length);
          out.push(
            makeFinding(
              'YEAR',
              'warning',
              'yearInProse',
              { found, year, text: words },
              at,
              `${slot.id}:${words}`,
            ),
          );
        }
      }
  }
  return out;
}
