import { allSlots } from '../model';
import { repeatedText } from '../repeat';
import { formatValue } from '../totals';
import { makeFinding, type CheckContext, type Finding } from './finding';

/**
 * This year against last year's report, when it is known (`draft.previous`): a table figure that
 * jumped fivefold or fell to a fifth, a section 五 silent on what became of last year's problems,
 * and how much of the prose repeats last year's.
 */
export function checkYearOverYear(ctx: CheckContext): Finding[] {
  if (!ctx.draft.previous) return [];
  return [...checkJumps(ctx), ...checkFollowUp(ctx), ...checkRepeats(ctx)];
}

/** Below this on both sides a change of five times is ordinary (2 applications, then 11). */
const SMALL = 10;
const JUMP = 5;

function checkJumps(ctx: CheckContext): Finding[] {
  const { draft, values, template } = ctx;
  const previous = draft.previous!;
  const out: Finding[] = [];
  for (const field of template.fields) {
    // A sum's parts are compared themselves; the sum would only repeat them.
    if (field.sum || !Object.hasOwn(previous.values, field.id)) continue;
    const entered = field.listSum
      ? (draft.lists[field.listSum] ?? []).some((i) => i.value > 0)
      : Object.hasOwn(draft.values, field.id);
    if (!entered) continue;
    const last = previous.values[field.id]!;
    const now = values.get(field.id) ?? 0;
    if (last < SMALL && now < SMALL) continue;
    if (now <= last * JUMP && now * JUMP >= last) continue;
    const params = {
      field: field.label,
      value: formatValue(field, now),
      previous: formatValue(field, last),
      previousYear: previous.year,
      unit: field.unit ?? '',
    };
    out.push(
      makeFinding(
        'JUMP',
        'warning',
        now > last ? 'jumpUp' : 'jumpDown',
        params,
        ctx.fieldAt(field.id),
        field.id,
      ),
    );
  }
  return out;
}

/** Words that say what became of last year's problems. */
const FOLLOW_UP =
  /上年|去年|上一年|往年|整改|改进情况|落实情况|已解决|得到解决|有所改善|有所改进|得到改进|已改进|已完成/;

function checkFollowUp(ctx: CheckContext): Finding[] {
  const { draft, template } = ctx;
  const previous = draft.previous!;
  const out: Finding[] = [];
  for (const slot of allSlots(template).filter((s) => s.phrases === 'problems')) {
    const last = (previous.prose[slot.id] ?? '').replace(/\s/g, '');
    if (/^(?:无|暂无|没有)?[。.]?$/.test(last)) continue;
    const section = template.sections.find((s) =>
      s.blocks.some((b) => b.kind === 'prose' && b.slot.id === slot.id),
    );
    const own = (section?.blocks ?? []).flatMap((b) =>
      b.kind === 'prose' ? [draft.prose[b.slot.id] ?? ''] : [],
    );
    const text = own.join('\n');
    if (FOLLOW_UP.test(text) || text.includes(`${previous.year}年`)) continue;
    out.push(
      makeFinding(
        'FOLLOWUP',
        'warning',
        'followUp',
        { previousYear: previous.year, place: ctx.slotName(slot.id) },
        ctx.slotAt(slot.id),
        slot.id,
      ),
    );
  }
  return out;
}

/** From this share on, the repeated text is worth a word: real reports repeated 42% to 84%. */
const REPEAT_SHARE = 0.2;

function checkRepeats(ctx: CheckContext): Finding[] {
  const { draft, template } = ctx;
  const previous = draft.previous!;
  if (!Object.values(previous.prose).some((t) => t.trim() !== '')) return [];
  const { share, repeatedSentences } = repeatedText(draft, previous.prose);
  if (share < REPEAT_SHARE) return [];
  const first = allSlots(template).find((s) => repeatedSentences[s.id]?.length);
  const count = Object.values(repeatedSentences).reduce((n, s) => n + s.length, 0);
  const params = { share: `${Math.round(share * 100)}%`, previousYear: previous.year, count };
  return [makeFinding('REPEAT', 'warning', 'repeated', params, ctx.slotAt(first?.id ?? ''), 'prose')];
}
