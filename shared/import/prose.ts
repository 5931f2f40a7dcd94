import type { SectionDef, SlotDef, TemplateDef } from '../report/template';
import { readChineseInteger } from '../report/cn-number';
import { labelKey, similarity } from './labels';
import type { Origin, SourceParagraph } from './source';

/**
 * Puts each paragraph in the slot of the heading it stands under. Headings are matched by their
 * words, not their wording: 一、概述 and 一、基本工作情况 name one section, 二、政府信息主动公开情况
 * and 二、主动公开政府信息情况 another. A heading the template does not have leaves its text in
 * the slot before it, and the report lists it.
 */

/** Words every title shares, which tell no section from another. */
const COMMON = /政府信息公开|政府信息|信息公开|政务公开|工作|情况|的|本年度|年度|(?:20|19)\d{2}年?/g;
/** Names of the opening section that mean the same. */
const SAME_MEANING: string[][] = [
  ['概述', '总体情况', '基本工作情况', '基本情况', '总体概述', '工作概述', '总体概况'],
];
/**
 * Sub-headings that name a slot in other words: 整改措施 for 改进情况, 接受监督 for 监督保障. A
 * unit's own sub-heading is often a slogan that holds the slot's words ("加强平台建设，扩展公开渠道").
 */
const SLOT_SAME_MEANING: string[][] = [
  ['改进情况', '整改措施', '改进措施', '整改情况'],
  ['监督保障', '监督'],
];
const SECTION_MATCH = 0.5;
const SLOT_MATCH = 0.5;

const bare = (text: string) => labelKey(text).replace(COMMON, '');
const GROUPS = SAME_MEANING.map((g) => g.map(bare));
const SLOT_GROUPS = SLOT_SAME_MEANING.map((g) => g.map(bare));

export function titleKey(text: string): string {
  const k = bare(text);
  return GROUPS.find((g) => g.includes(k))?.[0] ?? k;
}

const SECTION_HEAD = /^([一二三四五六七八九十]{1,2})\s*(?:[、.．，]\s*|\s+)(.*)$/s;
const SLOT_HEAD = /^[（(]\s*[一二三四五六七八九十]{1,2}\s*[）)]\s*(.*)$/s;

/** A heading and the text that runs on after it on the same line ("（一）主动公开。2023年…"). */
function splitRunIn(rest: string): { head: string; body: string } {
  if (rest.length <= 40 && !/[。；]/.test(rest.replace(/[。]$/, '')))
    return { head: rest.replace(/[。：:]$/, ''), body: '' };
  const m = /^(.{1,40}?)(?:[。：:]|\s+)(.*)$/s.exec(rest);
  return m ? { head: m[1]!, body: m[2]!.trim() } : { head: '', body: rest };
}

/**
 * The ways a line can be heading and run-on text: by its punctuation, and at its first space
 * (a page pasted as one line: "七、其他需要报告的事项 海盐县…统计(见附表)").
 */
function headingReadings(rest: string): { head: string; body: string }[] {
  const readings = [splitRunIn(rest)];
  const spaced = /^(\S{2,40}?)\s+(\S.*)$/s.exec(rest);
  if (spaced) readings.push({ head: spaced[1]!, body: spaced[2]!.trim() });
  return readings;
}

export interface SectionTitles {
  section: SectionDef;
  keys: string[];
  /** Wording per variant id, to tell the variants apart. */
  byVariant: Map<string, string>;
}

export function sectionTitles(template: TemplateDef): SectionTitles[] {
  return template.sections.map((section) => {
    const byVariant = new Map<string, string>();
    for (const v of template.variants) {
      const entry = v.sections.find((e) => e.id === section.id);
      if (entry) byVariant.set(v.id, titleKey(entry.title ?? section.title));
    }
    return { section, keys: [titleKey(section.title), ...byVariant.values()], byVariant };
  });
}

export interface HeadingMatch {
  section: SectionDef;
  score: number;
  head: string;
  body: string;
}

/** The section a paragraph opens, if it is a level-1 heading (一、…) the template has. */
export function matchSection(text: string, titles: SectionTitles[]): HeadingMatch | null {
  const m = SECTION_HEAD.exec(text.trim());
  if (!m) return null;
  let best: HeadingMatch | null = null;
  for (const { head, body } of headingReadings(m[2]!.trim())) {
    const key = titleKey(head);
    if (!key) continue;
    for (const t of titles)
      for (const k of t.keys) {
        const score = similarity(key, k);
        if (score >= SECTION_MATCH && (!best || score > best.score))
          best = { section: t.section, score, head, body };
      }
  }
  return best;
}

/** The numeral a level-1 heading opens with (四、… is 4); 0 for any other line. */
function numeralOf(text: string): number {
  const m = SECTION_HEAD.exec(text.trim());
  return m ? (readChineseInteger(m[1]!) ?? 0) : 0;
}

/**
 * A line that looks like the next level-1 heading whatever its words: 一、 and a short title,
 * numbered after the section it stands in. "一、主要做法" under 一、概述 is the section's own
 * sub-heading, not a new section.
 */
export function looksLikeSection(text: string, after: number): boolean {
  const m = SECTION_HEAD.exec(text.trim());
  return Boolean(m && m[2]!.length <= 30 && !/[。，；]/.test(m[2]!) && numeralOf(text) > after);
}

function slotsOf(section: SectionDef): SlotDef[] {
  return section.blocks.flatMap((b) => (b.kind === 'prose' ? [b.slot] : []));
}

function matchSlot(text: string, candidates: SlotDef[]): { slot: SlotDef; body: string } | null {
  const m = SLOT_HEAD.exec(text.trim());
  if (!m) return null;
  let best: { slot: SlotDef; score: number; body: string } | null = null;
  for (const { head, body } of headingReadings(m[1]!.trim())) {
    const key = titleKey(head);
    for (const slot of candidates) {
      if (!slot.heading) continue;
      const score = similarity(key, titleKey(slot.heading.replace(SLOT_HEAD, '$1')));
      if (score >= SLOT_MATCH && (!best || score > best.score)) best = { slot, score, body };
    }
  }
  return best ? { slot: best.slot, body: best.body } : slotNamedWithin(m[1]!.trim(), candidates);
}

/**
 * The slot whose words (or words meaning the same) a longer sub-heading holds, the longest match
 * first; none where two slots' words are held as long ("常态化开展监督管理": 监督 or 管理).
 */
function slotNamedWithin(rest: string, candidates: SlotDef[]): { slot: SlotDef; body: string } | null {
  let best: { slots: Set<SlotDef>; length: number; body: string } | null = null;
  for (const { head, body } of headingReadings(rest)) {
    const key = bare(head);
    for (const slot of candidates) {
      if (!slot.heading) continue;
      const own = bare(slot.heading.replace(SLOT_HEAD, '$1'));
      const words = SLOT_GROUPS.find((g) => g.includes(own)) ?? [own];
      for (const w of words) {
        if (w.length < 2 || !key.includes(w)) continue;
        if (!best || w.length > best.length) best = { slots: new Set([slot]), length: w.length, body };
        else if (w.length === best.length) best.slots.add(slot);
      }
    }
  }
  const [only] = best?.slots.size === 1 ? best.slots : [];
  return only && best ? { slot: only, body: best.body } : null;
}

export interface SlotPlacement {
  slot: string;
  origins: Origin[];
  /** The heading that led here, as printed; empty for the text before the first heading. */
  heading: string;
  /** Placed in the nearest slot because its heading is not the template's. */
  nearest: boolean;
}

export interface ProseReading {
  prose: Record<string, string[]>;
  placements: SlotPlacement[];
  /** Headings not in the template, whose text went to the nearest slot. */
  unknownHeadings: { text: string; origin: Origin; slot: string }[];
  /** Sections found, by id, with the wording printed. */
  sections: Map<string, string>;
  /** Table text among pasted lines that was not a heading. */
  tableText: SourceParagraph[];
}

export function readProse(template: TemplateDef, paragraphs: SourceParagraph[]): ProseReading {
  const titles = sectionTitles(template);
  const allSlots = template.sections.flatMap(slotsOf);
  const first = template.preface ?? allSlots[0];
  const prose: Record<string, string[]> = {};
  const placements: SlotPlacement[] = [];
  const unknownHeadings: ProseReading['unknownHeadings'] = [];
  const sections = new Map<string, string>();
  const tableText: SourceParagraph[] = [];
  let section: SectionDef | null = null;
  let slot: SlotDef | undefined = first;
  let placement: SlotPlacement | null = null;
  let nearest = false;
  let numeral = 0;

  const put = (text: string, origin: Origin, heading: string) => {
    if (!slot || !text.trim()) return;
    (prose[slot.id] ??= []).push(text.trim());
    if (!placement || placement.slot !== slot.id || placement.heading !== heading) {
      placement = { slot: slot.id, origins: [], heading, nearest };
      placements.push(placement);
    }
    placement.origins.push(origin);
  };
  let heading = '';

  for (const p of paragraphs) {
    const text = p.text.trim();
    if (!text) continue;
    const sec = matchSection(text, titles);
    if (sec && (!p.furniture || sec.score >= 0.6)) {
      section = sec.section;
      numeral = Math.max(numeral, numeralOf(text));
      sections.set(section.id, sec.head);
      const own = slotsOf(section);
      nearest = own.length === 0;
      if (own.length > 0) slot = own[0];
      heading = text;
      put(sec.body, p.origin, heading);
      continue;
    }
    const later: SectionDef[] = section
      ? template.sections.slice(template.sections.indexOf(section) + 1)
      : [];
    const sub: { slot: SlotDef; body: string } | null =
      matchSlot(text, section ? slotsOf(section) : allSlots) ??
      // A sub-heading of a later section whose own heading the source lost (a converter drops a
      // heading set apart from its text): （一）主要问题 right after 表四 opens 五、.
      (section?.blocks.some((b) => b.kind === 'table') ? matchSlot(text, later.flatMap(slotsOf)) : null);
    if (sub) {
      const owner: SectionDef | undefined = later.find((s: SectionDef) => slotsOf(s).includes(sub.slot));
      if (owner) {
        section = owner;
        sections.set(owner.id, owner.title);
      }
      slot = sub.slot;
      nearest = false;
      heading = text;
      put(sub.body, p.origin, heading);
      continue;
    }
    if (p.furniture) {
      tableText.push(p);
      continue;
    }
    if (section && looksLikeSection(text, numeral)) {
      numeral = numeralOf(text);
      nearest = true;
      heading = text;
      unknownHeadings.push({ text, origin: p.origin, slot: slot?.id ?? '' });
    }
    put(text, p.origin, heading);
  }
  return { prose, placements, unknownHeadings, sections, tableText };
}
