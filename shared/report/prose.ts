import type { Draft } from './draft';
import { fieldMap, isComputed, listDecimals, resolveSections, selfRef } from './model';
import { formatShare, largestRemainder } from './percent';
import type { Condition, SentencePart, TemplateDef } from './template';
import { chineseNumeral } from './text';
import { computeValues, formatValue, sumExact, type Values } from './totals';

/**
 * Standard sentences generated from the numbers, so the prose cannot contradict the tables (R8's
 * best defence). Each of the template's SentenceDefs becomes the opening paragraph of its slot.
 *
 * Where the unit's data is missing (address, phone, website, name) the sentence keeps its place
 * with a visible gap such as （请填写电话）: a clerk reading the preview sees it at once, and the
 * checks report it as an error (FILL) until it is filled in or the sentence is edited out.
 */

const gap = (what: string): string => `（请填写${what}）`;

interface Scope {
  template: TemplateDef;
  draft: Draft;
  values: Values;
}

function placeholder(scope: Scope, name: string): string {
  const { template, draft, values } = scope;
  const unit = draft.unit;
  const orGap = (value: string, what: string) => value.trim() || gap(what);
  switch (name) {
    case 'year':
      return String(draft.year);
    case 'nextYear':
      return String(draft.year + 1);
    case 'unit':
      return orGap(unit.name, '单位名称');
    case 'self':
      return selfRef(unit);
    case 'address':
      return orGap(unit.address, '地址');
    case 'phone':
      return orGap(unit.phone, '电话');
    case 'website':
      return orGap(unit.website, '网址');
    case 'sectionCount':
      return chineseNumeral(resolveSections(template, draft).length);
    case 'sectionList':
      return resolveSections(template, draft)
        .map((s) => s.heading.slice(s.numeral.length + 1))
        .join('、');
  }
  if (name.startsWith('v:')) {
    const field = fieldMap(template).get(name.slice(2));
    // A total none of whose parts was entered is blank, not 0: the sentence shows a gap for the
    // clerk to fill (FILL) rather than print a figure nobody published.
    if (field) {
      const value = values.get(field.id);
      if (value === undefined && isComputed(field)) {
        const list = field.listSum ? template.lists.find((l) => l.id === field.listSum) : undefined;
        return gap(list ? `“${list.label}”的条数` : `${field.label}的各项`);
      }
      return formatValue(field, value ?? 0);
    }
  }
  // {sum:a,b,c}: a group of the table that has no total row of its own (（三）不予公开 and its eight reasons).
  if (name.startsWith('sum:')) {
    const ids = name.slice(4).split(',');
    const fields = ids.map((id) => fieldMap(template).get(id));
    const first = fields[0];
    if (first && fields.every(Boolean))
      return formatValue(first, sumExact(ids.map((id) => values.get(id) ?? 0)));
  }
  throw new Error(`template ${template.id}: unknown sentence placeholder {${name}}`);
}

const fill = (text: string, value: (name: string) => string) =>
  text.replace(/\{([^{}]+)\}/g, (_, name: string) => value(name));

function holds(scope: Scope, c: Condition): boolean {
  const value = (id: string) => scope.values.get(id) ?? 0;
  if ('allZero' in c) return c.allZero.every((id) => value(id) === 0);
  if ('positive' in c) return value(c.positive) > 0;
  if ('listNonEmpty' in c) return scope.draft.lists[c.listNonEmpty]?.some((i) => i.value > 0) ?? false;
  return !holds(scope, c.not);
}

/** One phrase per list item with a non-zero count; shares by largest remainder over the whole list. */
function renderEach(scope: Scope, part: { each: string; item: string; sep: string; last?: string }): string {
  const list = scope.template.lists.find((l) => l.id === part.each);
  if (!list) throw new Error(`template ${scope.template.id}: unknown list ${part.each}`);
  const items = scope.draft.lists[list.id] ?? [];
  const shares = largestRemainder(
    items.map((i) => i.value),
    listDecimals(list, scope.draft),
  );
  // "{label}类" after a label that already ends in 类 (其他类) would print 其他类类.
  const after = /\{label\}(.)/.exec(part.item)?.[1];
  const phrases = items.flatMap((item, i) => {
    if (item.value <= 0) return [];
    const label = item.label.trim();
    const shown = after && label.endsWith(after) ? label.slice(0, -after.length) : label;
    return [
      fill(part.item, (name) => {
        if (name === 'label') return shown;
        if (name === 'value') return String(item.value);
        if (name === 'share') return formatShare(shares[i]!, listDecimals(list, scope.draft));
        return placeholder(scope, name);
      }),
    ];
  });
  return phrases.join(part.sep) + (phrases.length > 0 ? (part.last ?? '') : '');
}

function render(scope: Scope, parts: SentencePart[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return fill(part, (name) => placeholder(scope, name));
      if ('each' in part) return renderEach(scope, part);
      return render(scope, holds(scope, part.if) ? part.then : (part.else ?? []));
    })
    .join('');
}

/** The generated paragraph of every slot that has sentences, from the draft's current numbers. */
export function generateSentences(template: TemplateDef, draft: Draft): Record<string, string> {
  const scope: Scope = { template, draft, values: computeValues(template, draft) };
  const out: Record<string, string> = {};
  for (const s of template.sentences) {
    const text = render(scope, s.parts);
    out[s.slot] = out[s.slot] ? `${out[s.slot]}\n${text}` : text;
  }
  return out;
}

/**
 * Whether generating into a slot would overwrite the clerk's own words: the slot has text and it
 * does not open with the paragraph generated last time. The wizard asks before doing that.
 */
export function wouldOverwrite(template: TemplateDef, draft: Draft, slot: string): boolean {
  const text = draft.prose[slot] ?? '';
  if (text.trim() === '') return false;
  const last = draft.generated[slot];
  if (last && text.startsWith(last)) return false;
  const fresh = generateSentences(template, draft)[slot];
  return !(fresh && text.startsWith(fresh));
}

/**
 * Puts freshly generated paragraphs into the slots and returns the new draft. A slot still opening
 * with the last generated text gets the new text in its place, and the clerk's paragraphs after
 * it stay; an empty slot gets the new text. A slot whose generated text the clerk edited is left
 * alone, unless it is listed in `slots` (the clerk confirmed the overwrite): then its whole text
 * is replaced. Without `slots`, every slot with sentences is considered.
 */
export function applyGenerated(template: TemplateDef, draft: Draft, slots?: string[]): Draft {
  const generated = generateSentences(template, draft);
  const prose = { ...draft.prose };
  const record = { ...draft.generated };
  for (const slot of slots ?? Object.keys(generated)) {
    const fresh = generated[slot];
    if (fresh === undefined) continue;
    const text = prose[slot] ?? '';
    const last = draft.generated[slot];
    if (last && text.startsWith(last)) prose[slot] = fresh + text.slice(last.length);
    else if (text.trim() === '' || slots) prose[slot] = fresh;
    else if (text.startsWith(fresh)) prose[slot] = text;
    else continue;
    record[slot] = fresh;
  }
  return { ...draft, prose, generated: record };
}
