import { normalizeDigits, readChineseInteger } from '../cn-number';
import { allSlots, resolveSections } from '../model';
import { chineseNumeral } from '../text';
import { makeFinding, type CheckContext, type Finding } from './finding';
import { UNIT_NAME } from './locate';

/**
 * Mistakes in hand-written prose that real reports printed: sub-headings numbered by hand that
 * skip (寮步 2012 §二 goes (一)(三)(四)(五)(六), its (二) pasted at the end), a 前言 announcing
 * "7个部分" above six, text copied from a provincial or city report into a township's
 * ("组织推动全省政府信息公开工作"), and the unit's name or a （请填写…） gap left empty.
 */
export function checkProse(ctx: CheckContext): Finding[] {
  return [
    ...checkUnitName(ctx),
    ...checkNumbering(ctx),
    ...checkAnnouncedParts(ctx),
    ...checkLevel(ctx),
    ...checkGaps(ctx),
  ];
}

const proseOf = (ctx: CheckContext) =>
  allSlots(ctx.template)
    .map((s) => ({ slot: s.id, raw: ctx.draft.prose[s.id] ?? '' }))
    .filter((s) => s.raw.trim() !== '')
    .map((s) => ({ ...s, text: normalizeDigits(s.raw) }));

/** The title and the signature are made from the unit's name: without it neither can be printed. */
function checkUnitName(ctx: CheckContext): Finding[] {
  if (ctx.draft.unit.name.trim() !== '') return [];
  return [makeFinding('UNIT', 'error', 'unitNameEmpty', {}, { field: UNIT_NAME }, UNIT_NAME)];
}

// ── Hand-typed sub-heading numbering ────────────────────────────────────────
/** Levels of GB/T 9704 sub-headings typed in prose: （一） 1. （1）. 一、 is generated, never typed. */
const MARKER =
  /(?<=^|[\n\s\u3000。；;：:])(?:[（(]([一二三四五六七八九十]{1,3})[）)]|(\d{1,2})[.、](?!\d)|[（(](\d{1,2})[）)])/g;

interface Marker {
  level: 2 | 3 | 4;
  n: number;
  text: string;
  offset: number;
}

const written = (level: Marker['level'], n: number) =>
  level === 2 ? `（${chineseNumeral(n)}）` : level === 3 ? `${n}.` : `（${n}）`;

function markers(text: string): Marker[] {
  const out: Marker[] = [];
  for (const m of text.matchAll(MARKER)) {
    const [whole, cn, arabic, paren] = m;
    const level = cn ? 2 : arabic ? 3 : 4;
    const n = cn ? readChineseInteger(cn) : Number(arabic ?? paren);
    if (n !== null && n > 0) out.push({ level, n, text: whole, offset: m.index });
  }
  return out;
}

/**
 * Per slot and level, numbers must go up by one. A sequence may open above 1 (a slot continuing
 * the template's own （一）), and a higher-level heading starts the lower levels afresh.
 */
function checkNumbering(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const { slot, raw, text } of proseOf(ctx)) {
    const last = new Map<number, Marker>();
    for (const m of markers(text)) {
      for (const deeper of [...last.keys()]) if (deeper > m.level) last.delete(deeper);
      const before = last.get(m.level);
      const at = ctx.slotAt(slot, m.offset, m.text.length);
      const shown = raw.slice(m.offset, m.offset + m.text.length);
      if (m.n === 1 || !before || m.n === before.n + 1) last.set(m.level, m);
      else if (m.n > before.n + 1) {
        const missing = Array.from({ length: m.n - before.n - 1 }, (_, i) =>
          written(m.level, before.n + 1 + i),
        ).join('');
        const previous = raw.slice(before.offset, before.offset + before.text.length);
        out.push(
          makeFinding(
            'NUM',
            'warning',
            'numberingSkip',
            { found: shown, previous, missing },
            at,
            `${slot}:${shown}`,
          ),
        );
        last.set(m.level, m);
      } else {
        const previous = raw.slice(before.offset, before.offset + before.text.length);
        out.push(
          makeFinding('NUM', 'warning', 'numberingOrder', { found: shown, previous }, at, `${slot}:${shown}`),
        );
      }
    }
  }
  return out;
}

// ── "本报告由…六部分组成" ─────────────────────────────────────────────────────
const PARTS = /(\d{1,2}|[一二三四五六七八九十两]{1,3})个?部分/g;
/**
 * "…等五个方面" announces the report's parts only right after a word that lists them; "从五个方面
 * 推进" describes the work, not the report.
 */
const ASPECTS =
  /(?:分为|包括|包含|涵盖|由|共|等)[^。，；、]{0,4}?(\d{1,2}|[一二三四五六七八九十两]{1,3})个?方面/g;

function checkAnnouncedParts(ctx: CheckContext): Finding[] {
  const actual = resolveSections(ctx.template, ctx.draft).length;
  const out: Finding[] = [];
  for (const { slot, raw, text } of proseOf(ctx)) {
    let start = 0;
    for (const sentence of text.split(/(?<=。)/)) {
      if (/报告|全文/.test(sentence) && /由|包括|包含|分为|共|涵盖/.test(sentence))
        for (const m of [...sentence.matchAll(PARTS), ...sentence.matchAll(ASPECTS)]) {
          const announced = /^\d+$/.test(m[1]!)
            ? Number(m[1])
            : readChineseInteger(m[1]!.replace('两', '二'));
          if (announced === null || announced === actual) continue;
          // The words of an ASPECTS match start at the number, after the listing word.
          const skip = m[0].endsWith('方面') ? m[0].indexOf(m[1]!) : 0;
          const offset = start + m.index + skip;
          const words = raw.slice(offset, offset + m[0].length - skip);
          const at = ctx.slotAt(slot, offset, words.length);
          out.push(
            makeFinding(
              'PARTS',
              'warning',
              'announcedParts',
              { text: words, announced, actual },
              at,
              `${slot}:${words}`,
            ),
          );
        }
      start += sentence.length;
    }
  }
  return out;
}

// ── Phrases of a higher level in a township's report ────────────────────────────
/** Longest first, so 组织推动全省 is one finding, not two. */
const HIGHER_LEVEL =
  /组织推动全[省市区县]?|全市政府信息公开工作|各县（市、区）|各区（县）|各地级以上市|各区县|各县区|全省/g;
const LOW_LEVEL_KINDS = new Set(['township', 'subdistrict']);

function checkLevel(ctx: CheckContext): Finding[] {
  if (!LOW_LEVEL_KINDS.has(ctx.draft.unit.kind)) return [];
  const out: Finding[] = [];
  for (const { slot, text } of proseOf(ctx)) {
    const first = new Map<string, { offset: number; count: number }>();
    for (const m of text.matchAll(HIGHER_LEVEL)) {
      const seen = first.get(m[0]);
      if (seen) seen.count++;
      else first.set(m[0], { offset: m.index, count: 1 });
    }
    for (const [phrase, { offset, count }] of first)
      out.push(
        makeFinding(
          'LEVEL',
          'warning',
          'wrongLevel',
          { phrase, count },
          ctx.slotAt(slot, offset, phrase.length),
          `${slot}:${phrase}`,
        ),
      );
  }
  return out;
}

// ── Gaps the prose generator left for the clerk ───────────────────────────────
/** The generator writes （请填写电话） where the unit's data is missing (see prose.ts). */
const GAP = /（请填写[^）\n]{1,12}）/g;

function checkGaps(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const { slot, raw } of proseOf(ctx))
    for (const m of raw.matchAll(GAP))
      out.push(
        makeFinding(
          'FILL',
          'error',
          'gapLeft',
          { text: m[0] },
          ctx.slotAt(slot, m.index, m[0].length),
          `${slot}:${m[0]}`,
        ),
      );
  return out;
}
