import { normalizeDigits } from '../cn-number';
import { allSlots } from '../model';
import { makeFinding, type CheckContext, type Finding } from './finding';

/**
 * Slips of the keyboard that published reports printed (#8.13): a doubled word (的的, 工作工作),
 * a sentence cut off at the end of a paragraph, and a misspelled or malformed 文号 (国办公开办涵,
 * 〔202130号, 【2021】30号 for 国办公开办函〔2021〕30号).
 */
export function checkFieldSlips(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const slot of allSlots(ctx.template)) {
    const raw = ctx.draft.prose[slot.id];
    if (!raw?.trim()) continue;
    const text = normalizeDigits(raw);
    out.push(
      ...doubled(ctx, slot.id, text),
      ...cutOff(ctx, slot.id, text),
      ...docNumbers(ctx, slot.id, text),
    );
  }
  return out;
}

// ── 的的, 工作工作 ─────────────────────────────────────────────────────────────
/**
 * A doubled character is a slip only among the function words: elsewhere two words meet on the
 * same character all the time (学习习近平, 公开开展, 工作作风), and reduplication is ordinary
 * Chinese (常常, 人人, 天天, 一一, 个个, 年年). AABB forms (的的确确, 实实在在) are words too.
 */
const DOUBLED_CHAR = /([的和与及并在对将把被从向于为是或且])\1/g;
/** A doubled word of two to four characters (工作工作, 政府信息政府信息). */
const DOUBLED_WORD = /([\u4e00-\u9fff]{2,4})\1/g;
/** Doubled words that are verbs tried out ("研究研究"), not slips. */
const DOUBLED_ALLOWED = new Set(['研究', '讨论', '商量', '学习']);

function doubled(ctx: CheckContext, slot: string, text: string): Finding[] {
  const out: Finding[] = [];
  const report = (offset: number, words: string) =>
    out.push(
      makeFinding(
        'DOUBLE',
        'warning',
        'doubled',
        { text: words },
        ctx.slotAt(slot, offset, words.length),
        `${slot}:${words}`,
      ),
    );
  for (const m of text.matchAll(DOUBLED_CHAR)) {
    const next = text.slice(m.index + 2, m.index + 4);
    const prev = text.slice(Math.max(0, m.index - 2), m.index);
    const aabb = (s: string) => s.length === 2 && s[0] === s[1];
    if (!aabb(next) && !aabb(prev)) report(m.index, m[0]);
  }
  const unit = ctx.draft.unit.name.trim();
  for (const m of text.matchAll(DOUBLED_WORD)) {
    const word = m[1]!;
    const firstEnds = m.index + word.length;
    // "寮步镇人民政府政府信息公开…": a name ending in 政府 before 政府信息 is two words, not a slip.
    const nameThenTerm =
      (unit !== '' && text.slice(0, firstEnds).endsWith(unit)) ||
      text.slice(firstEnds).startsWith('政府信息');
    if (!DOUBLED_ALLOWED.has(word) && !nameThenTerm) report(m.index, m[0]);
  }
  return out;
}

// ── A paragraph that stops mid-sentence ─────────────────────────────────────────
const FINAL = /[。！？!?；;：:…”’」』）)】》—]$/;
const DANGLING = /[、，,的]$/;
/**
 * A sub-heading the clerk typed: a short line without a sentence's punctuation (主动公开情况), or a
 * numbered one, which may have a comma (寮步 2012: "（一）突出队伍建设，完善信息公开垂直体系").
 */
const HEADING =
  /^(?:[^，,。；;！？!?]{1,25}|(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、.．])[^。；;！？!?]{1,40})$/;

function cutOff(ctx: CheckContext, slot: string, text: string): Finding[] {
  const out: Finding[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const paragraph = line.trimEnd();
    const start = offset;
    offset += line.length + 1;
    if (paragraph.trim() === '') continue;
    const dangling = DANGLING.test(paragraph);
    if (!dangling && (FINAL.test(paragraph) || HEADING.test(paragraph.trim()))) continue;
    const end = paragraph.slice(-12);
    out.push(
      makeFinding(
        'CUT',
        'warning',
        'cutOff',
        { text: end },
        ctx.slotAt(slot, start + paragraph.length - 1, 1),
        `${slot}:${end}`,
      ),
    );
  }
  return out;
}

// ── 文号 ───────────────────────────────────────────────────────────────────────
/** A year in brackets of any kind, maybe unclosed, then the number: 〔2021〕30号, 【2021】30号, 〔202130号. */
const DOC_NUMBER = /([〔［[【(（﹝])\s*((?:19|20)\d{2})\s*([〕］\]】)）﹞])?\s*(\d{1,4})\s*号/g;
/** The notice's issuer as published reports misspelled it. */
const ISSUER = /国办公开办?[函涵]$/;
const ISSUER_MISSPELT = /国办公开办涵|国办公开函(?!数)/g;

function docNumbers(ctx: CheckContext, slot: string, text: string): Finding[] {
  const out: Finding[] = [];
  const covered = new Set<number>();
  const report = (offset: number, length: number, expected: string) => {
    const words = text.slice(offset, offset + length);
    out.push(
      makeFinding(
        'DOCNO',
        'warning',
        'docNumber',
        { text: words, expected },
        ctx.slotAt(slot, offset, length),
        `${slot}:${words}`,
      ),
    );
  };
  for (const m of text.matchAll(DOC_NUMBER)) {
    const [whole, open, year, close, n] = m;
    const issuer = ISSUER.exec(text.slice(Math.max(0, m.index - 7), m.index))?.[0] ?? '';
    const start = m.index - issuer.length;
    // A court's case number is （2021）粤01行初30号: its bracketed year is followed by letters, so it never matches.
    const wellFormed = open === '〔' && close === '〕' && whole === `〔${year}〕${n}号`;
    const issuerRight = issuer === '' || issuer === '国办公开办函';
    if (issuer) covered.add(start);
    if (wellFormed && issuerRight) continue;
    report(start, whole.length + issuer.length, `${issuer ? '国办公开办函' : ''}〔${year}〕${n}号`);
  }
  for (const m of text.matchAll(ISSUER_MISSPELT))
    if (!covered.has(m.index)) report(m.index, m[0].length, '国办公开办函');
  return out;
}
