import { readChineseInteger } from '../report/cn-number';
import type { UnitKind } from '../report/template';
import type { Origin, SourceParagraph } from './source';

/** What the document says about itself: its title, reporting year, unit, signature and date. */

export type YearSource = 'period' | 'prose' | 'title' | 'announced';
export interface YearFinding {
  source: YearSource;
  year: number;
  origin: Origin;
}
export type UnitSource = 'title' | 'announced' | 'signature' | 'preface';
export interface UnitFinding {
  source: UnitSource;
  name: string;
  origin: Origin;
}

export interface Identity {
  /** Paragraphs of the title (one title may be set over several lines). */
  title: SourceParagraph[];
  years: YearFinding[];
  units: UnitFinding[];
  signature: SourceParagraph | null;
  date: SourceParagraph | null;
  /** ISO date read from the date line, or ''. */
  issuedOn: string;
}

const TITLE_WORDS = /报告/;
const squeeze = (t: string) => t.replace(/[\s\u3000\u00A0]+/g, '');
const isHeading = (t: string) => /^[一二三四五六七八九十]{1,2}\s*[、.．\s]/.test(t);
const CN_DIGIT = '〇零一二三四五六七八九';
const DATE =
  /^([0-9０-９〇零一二三四五六七八九]{4})年([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日$/;
const UNIT_END = /(?:人民政府|办事处|委员会|委|局|办公室|办|中心|集团|公司|镇|乡|街道)$/;

function readPart(text: string): number {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  return readChineseInteger(text) ?? NaN;
}

/** "2025年1月20日" or "二〇二五年一月二十日" as 2025-01-20; '' for anything else. */
export function readDate(text: string): string {
  const m = DATE.exec(squeeze(text));
  if (!m) return '';
  const yearText = m[1]!.replace(/[〇零一二三四五六七八九]/g, (c) =>
    String(Math.max(0, CN_DIGIT.indexOf(c) - 1)),
  );
  const year = readPart(yearText);
  const month = readPart(m[2]!);
  const day = readPart(m[3]!);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 2000)) return '';
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The unit in a title: what is left when the year and 政府信息公开工作年度报告 are taken away. */
export function unitOfTitle(title: string): string {
  return squeeze(title)
    .replace(/^关于/, '')
    .replace(/(?:20|19)\d{2}年度?/g, '')
    .replace(/的?(?:政务公开和)?政府信息公开(?:工作)?的?(?:年度)?(?:工作)?报告.*$/, '')
    .replace(/(?:关于|[的（(])$/, '')
    .trim();
}

/**
 * The kind of unit, from its name, else from how the prose names itself (我镇, 我乡, 本街道):
 * R10 and R11 depend on it, so a township's published 规章 is still caught without a title.
 */
export function kindOfUnit(name: string, prose = ''): UnitKind {
  if (!name) {
    const counts: [UnitKind, number][] = [
      ['subdistrict', prose.match(/[我本]街道/g)?.length ?? 0],
      ['township', prose.match(/[我本][镇乡]/g)?.length ?? 0],
    ];
    const best = counts.sort((a, b) => b[1] - a[1])[0]!;
    return best[1] > 0 ? best[0] : 'other';
  }
  if (/街道/.test(name)) return 'subdistrict';
  if (/[镇乡](?:人民政府|政府)?$/.test(name)) return 'township';
  if (/[县区].*(?:局|委员会|委|办公室|办|中心)$/.test(name)) return 'county-department';
  return 'other';
}

function findTitle(paragraphs: SourceParagraph[]): SourceParagraph[] {
  const head: SourceParagraph[] = [];
  for (const p of paragraphs) {
    if (!p.text) continue;
    // A saved portal page can run to dozens of navigation lines before the title.
    if (isHeading(p.text) || p.text.includes('。') || head.length >= 60) break;
    head.push(p);
  }
  // The title is the last run of up to three short lines that reads as one and names a 报告;
  // lines above it are the page's furniture (navigation, dates of posting).
  for (let end = head.length; end > 0; end--) {
    if (!TITLE_WORDS.test(squeeze(head[end - 1]!.text))) continue;
    const runs = [1, 2, 3]
      .filter((n) => end - n >= 0)
      .map((n) => head.slice(end - n, end))
      .filter((lines) => lines.every((l) => squeeze(l.text).length <= 40 && !/[:：|｜>/／]/.test(l.text)))
      .map((lines) => ({ lines, joined: squeeze(lines.map((l) => l.text).join('')) }));
    // The fewest lines that name a year and a unit: a page's site name and column name stand
    // right above its title ("沭阳县发改局" over "政府信息公开" over the title) and are not part of it.
    const whole = runs.find((r) => /(?:20|19)\d{2}年/.test(r.joined) && unitOfTitle(r.joined).length >= 2);
    const longest = [...runs].reverse().find((r) => /年/.test(r.joined));
    const found = whole ?? longest;
    if (found) return found.lines;
  }
  return [];
}

function mostFrequentYear(paragraphs: SourceParagraph[]): YearFinding | null {
  const counts = new Map<number, { n: number; origin: Origin }>();
  for (const p of paragraphs)
    for (const m of p.text.matchAll(/(20\d{2})\s*年度?[，,]/g)) {
      const y = Number(m[1]);
      const c = counts.get(y);
      if (c) c.n++;
      else counts.set(y, { n: 1, origin: p.origin });
    }
  // Without "2023年，…" anywhere, any year the prose names will do, the most often named first.
  if (counts.size === 0)
    for (const p of paragraphs)
      for (const m of p.text.matchAll(/(20\d{2})\s*年/g)) {
        const y = Number(m[1]);
        const c = counts.get(y);
        if (c) c.n++;
        else counts.set(y, { n: 1, origin: p.origin });
      }
  let best: YearFinding | null = null;
  let bestN = 0;
  for (const [year, c] of counts)
    if (c.n > bestN) {
      best = { source: 'prose', year, origin: c.origin };
      bestN = c.n;
    }
  return best;
}

export function readIdentity(paragraphs: SourceParagraph[]): Identity {
  const body = paragraphs.filter((p) => p.text && !p.furniture);
  // A title line can stand among a page's frame lines ("…工作报告 |" over "||"), so it may be furniture.
  const title = findTitle(
    paragraphs.filter((p) => p.text && (!p.furniture || TITLE_WORDS.test(squeeze(p.text)))),
  );
  const titleText = title.map((t) => t.text).join('');
  const years: YearFinding[] = [];
  const units: UnitFinding[] = [];

  for (const p of body) {
    const t = squeeze(p.text);
    if (/统计|所列数据/.test(t)) {
      const m = /((?:20|19)\d{2})年?0?1月?0?1日/.exec(t);
      if (m && !years.some((y) => y.source === 'period'))
        years.push({ source: 'period', year: Number(m[1]), origin: p.origin });
    }
    const announced = /现(?:公布|发布|将)((?:20|19)\d{2})年度?(.{2,24}?)政府信息公开/.exec(t);
    if (announced && !years.some((y) => y.source === 'announced')) {
      years.push({ source: 'announced', year: Number(announced[1]), origin: p.origin });
      if (UNIT_END.test(announced[2]!))
        units.push({ source: 'announced', name: announced[2]!, origin: p.origin });
    }
    const published = /现公开(.{2,24}?)((?:20|19)\d{2})年度?政府信息公开/.exec(t);
    if (published && UNIT_END.test(published[1]!) && !units.some((u) => u.source === 'announced'))
      units.push({ source: 'announced', name: published[1]!, origin: p.origin });
    const by =
      /由([^，。；、,;（(]{2,30}?(?:人民政府|办事处|委员会|委|局|办公室|中心|集团|公司))(?:(?:按照|根据|依据)|[^，。；]{0,12}编制)/.exec(
        t,
      );
    if (by && !units.some((u) => u.source === 'preface'))
      units.push({ source: 'preface', name: by[1]!, origin: p.origin });
  }
  const prose = mostFrequentYear(body);
  if (prose) years.push(prose);
  if (title.length > 0) {
    const m = /((?:20|19)\d{2})年/.exec(squeeze(titleText));
    if (m) years.push({ source: 'title', year: Number(m[1]), origin: title[0]!.origin });
    const unit = unitOfTitle(titleText);
    if (unit.length >= 2) units.unshift({ source: 'title', name: unit, origin: title[0]!.origin });
  }

  // 署名 and 成文日期 close the body: the last date line, and the short line above it.
  let date: SourceParagraph | null = null;
  let signature: SourceParagraph | null = null;
  for (let i = body.length - 1; i >= Math.floor(body.length / 2); i--) {
    if (readDate(body[i]!.text)) {
      date = body[i]!;
      const above = body[i - 1];
      if (
        above &&
        squeeze(above.text).length <= 30 &&
        !/[。，,；]/.test(above.text) &&
        !isHeading(above.text)
      )
        signature = above;
      break;
    }
  }
  if (!signature) {
    const known = units[0]?.name;
    for (let i = body.length - 1; i >= Math.floor(body.length / 2); i--) {
      const t = squeeze(body[i]!.text);
      if (/^附件|^附表/.test(t) || title.includes(body[i]!)) continue;
      if (t.length <= 30 && !/[。，,；：:]/.test(t) && (t === known || UNIT_END.test(t)) && !isHeading(t)) {
        signature = body[i]!;
        break;
      }
      if (t.length > 30 || /[。]/.test(t)) break;
    }
  }
  if (signature) units.push({ source: 'signature', name: squeeze(signature.text), origin: signature.origin });
  return { title, years, units, signature, date, issuedOn: date ? readDate(date.text) : '' };
}

const PRIORITY: YearSource[] = ['period', 'prose', 'title', 'announced'];

/** The reporting year: the statistics period says it best, then the prose, then the title. */
export function chooseYear(years: YearFinding[]): YearFinding | null {
  for (const source of PRIORITY) {
    const y = years.find((f) => f.source === source);
    if (y) return y;
  }
  return null;
}
