import type { Draft } from './draft';
import { newDraft } from './draft-io';
import { allSlots, fieldMap, isComputed } from './model';
import { prefilledFromPrevious } from './prefilled';
import { generateSentences } from './prose';
import type { TemplateDef } from './template';
import { paragraphs } from './text';
import { computeValues } from './totals';

/**
 * "从上年报告开始": this year's draft started from last year's. Unit data and the clerk's prose come
 * along slot by slot; last year's generated sentences do not (they told last year's numbers), and
 * this year's are generated in their place. Last year's figures go into `draft.previous`, where the
 * checks compare this year's with them (R6, R7); the fields a template's `carry` rules tie to last
 * year (R6: 上年结转 = last year's 结转下年度继续办理) are prefilled. Nothing else of last year's
 * numbers becomes this year's: the county would read them as this year's.
 */

export interface CarryResult {
  draft: Draft;
  /** Slot, list and field ids of last year's draft that had content and could not be carried, in print order. */
  unmapped: string[];
}

/** How a draft of one template maps into another (domain §2.4). Without one, ids map to the same ids. */
interface TemplateBridge {
  from: string;
  to: string;
  /** Target slot per source slot; several sources may share a target and are joined in print order. */
  slots: Record<string, string>;
  /** Last year's figures in the target's terms: the target field is the sum of the source fields. */
  values: { to: string; from: string[] }[];
  /** Target list per source list: labels come along, counts start at zero. */
  lists: Record<string, string>;
}

/**
 * §2.4: 同意公开 → 予以公开, 同意部分公开 → 部分公开, 信息不存在 / 非本机关 → 无法提供 1,
 * 申请内容不明确 → 无法提供 3. 不予公开 maps nowhere: the national table asks for its reason
 * (1.–8.), which the legacy reports never recorded.
 */
const LEGACY_VALUES: TemplateBridge['values'] = [
  { to: 'active.total', from: ['active.total'] },
  { to: 't3.new.total', from: ['request.total'] },
  { to: 't3.open.total', from: ['answer.open'] },
  { to: 't3.partial.total', from: ['answer.partial'] },
  { to: 't3.none.nothold.total', from: ['answer.absent', 'answer.notOurs'] },
  { to: 't3.none.unclear.total', from: ['answer.unclear'] },
  { to: 't4.review.total', from: ['appeal.review'] },
];

/** 主动公开 by category; the legacy channels (网站, 报纸 …) have no national counterpart. */
const LEGACY_LISTS: TemplateBridge['lists'] = { 'active.categories': 'active.categories' };

const BRIDGES: TemplateBridge[] = [
  {
    from: 'township-2012',
    to: 'national-2021',
    slots: {
      'basic.overview': 's1.intro',
      'active.summary': 's1.active',
      'active.content': 's1.active',
      'active.forms': 's1.active',
      'request.summary': 's1.request',
      'measures.body': 's1.management',
      'problems.issues': 's5.problems',
      'problems.improvements': 's5.improvements',
      'other.body': 's6.other',
    },
    values: LEGACY_VALUES,
    lists: LEGACY_LISTS,
  },
  {
    from: 'guangzhou-2010',
    to: 'national-2021',
    slots: {
      'overview.summary': 's1.intro',
      'overview.practices': 's1.intro',
      'active.summary': 's1.active',
      'active.forms': 's1.active',
      'request.summary': 's1.request',
      'problems.issues': 's5.problems',
      'problems.improvements': 's5.improvements',
      'notes.other': 's6.other',
    },
    // 新增的行政规范性文件数 is what the national table calls 行政规范性文件 本年制发件数.
    values: [...LEGACY_VALUES, { to: 't2.normative.issued', from: ['active.normative'] }],
    lists: LEGACY_LISTS,
  },
];

/** Same ids in both templates: the whole mapping between two drafts of one template. */
function sameIds(from: TemplateDef, to: TemplateDef): TemplateBridge {
  const slots = new Set(allSlots(to).map((s) => s.id));
  const fields = fieldMap(to);
  const lists = new Set(to.lists.map((l) => l.id));
  return {
    from: from.id,
    to: to.id,
    slots: Object.fromEntries(allSlots(from).flatMap((s) => (slots.has(s.id) ? [[s.id, s.id]] : []))),
    values: from.fields.filter((f) => fields.has(f.id)).map((f) => ({ to: f.id, from: [f.id] })),
    lists: Object.fromEntries(from.lists.flatMap((l) => (lists.has(l.id) ? [[l.id, l.id]] : []))),
  };
}

const hasFigures = (items: Draft['lists'][string] | undefined) => (items ?? []).some((i) => i.value > 0);

/**
 * Starts `year`'s draft of `target` from last year's draft. `unmapped` names what had content but
 * has no place in the new draft, for the wizard to list.
 */
export function startFromPrevious(
  previous: Draft,
  previousTemplate: TemplateDef,
  target: TemplateDef,
  year: number,
): CarryResult {
  const bridge =
    BRIDGES.find((b) => b.from === previousTemplate.id && b.to === target.id) ??
    sameIds(previousTemplate, target);
  const unmapped: string[] = [];
  const draft = newDraft({
    template: target,
    year,
    unit: previous.unit,
    variant: previousTemplate.id === target.id ? previous.variant : target.variants[0]!.id,
  });

  // Standard sentences told last year's numbers; this year's are generated afresh. A paragraph is
  // one when it was generated, or when it reads exactly as the generator writes it (typed by hand).
  const regenerated = generateSentences(previousTemplate, previous);
  const targetSlots = new Set(allSlots(target).map((s) => s.id));
  const prose: Record<string, string[]> = {};
  // Last year's whole text per slot of this year's template, generated sentences included: the
  // checks measure this year's repeated text against it and look for what became of its problems.
  const lastYear: Record<string, string[]> = {};
  for (const slot of allSlots(previousTemplate)) {
    const to = bridge.slots[slot.id];
    const placed = to !== undefined && targetSlots.has(to);
    const all = paragraphs(previous.prose[slot.id]);
    if (placed && all.length > 0) (lastYear[to] ??= []).push(...all);
    const stale = new Set([...paragraphs(previous.generated[slot.id]), ...paragraphs(regenerated[slot.id])]);
    const kept = all.filter((p) => !stale.has(p));
    if (kept.length === 0) continue;
    if (placed) (prose[to] ??= []).push(...kept);
    else unmapped.push(slot.id);
  }
  const joined = (bySlot: Record<string, string[]>) =>
    Object.fromEntries(Object.entries(bySlot).map(([slot, lines]) => [slot, lines.join('\n')]));
  draft.prose = joined(prose);
  // Every carried paragraph is last year's word for word until the clerk edits or confirms it.
  draft.carried = Object.fromEntries(
    Object.entries(prose).map(([slot, lines]) => [slot, [...new Set(lines)]]),
  );

  for (const list of previousTemplate.lists) {
    const items = previous.lists[list.id];
    const to = bridge.lists[list.id];
    if (!to || !target.lists.some((l) => l.id === to)) {
      if (hasFigures(items)) unmapped.push(list.id);
      continue;
    }
    if (items) draft.lists[to] = items.map((i) => ({ label: i.label, value: 0 }));
    const decimals = previous.listDecimals[list.id];
    if (decimals !== undefined) draft.listDecimals[to] = decimals;
  }
  // The unit's own wording of its section titles and title order is this year's too; a change of
  // template starts from the new template's titles (the national titles are prescribed).
  if (previousTemplate.id === target.id) {
    draft.sections = structuredClone(previous.sections);
    if (previous.titleOrder) draft.titleOrder = previous.titleOrder;
  }

  const last = computeValues(previousTemplate, previous);
  const targetFields = fieldMap(target);
  const values: Record<string, number> = {};
  // A carried total carries its parts too: 申请总数 went, so its six channels are not missing.
  const sourceFields = fieldMap(previousTemplate);
  const used = new Set<string>();
  const use = (id: string): void => {
    used.add(id);
    sourceFields.get(id)?.sum?.forEach(use);
  };
  for (const { to, from } of bridge.values) {
    if (!targetFields.has(to)) continue;
    values[to] = from.reduce((sum, id) => sum + (last.get(id) ?? 0), 0);
    from.forEach(use);
  }
  for (const f of previousTemplate.fields)
    if (!isComputed(f) && !used.has(f.id) && (last.get(f.id) ?? 0) > 0) unmapped.push(f.id);
  draft.previous = { year: previous.year, values, prose: joined(lastYear) };

  // R6: a field that must equal one of last year's (上年结转) starts as that value. R7: a stock
  // (现行有效件数) starts as last year's, which is right until this year's 制发 and 废止 are
  // entered; R7 then asks the clerk to bring it up to date.
  for (const [id, value] of prefilledFromPrevious(target, draft.previous)) {
    const field = targetFields.get(id);
    if (field && !isComputed(field)) draft.values[id] = value;
  }
  // This year's standard sentences open their slots, above the carried paragraphs, and are recorded
  // as generated: regenerating with this year's numbers then replaces them and keeps the rest.
  // Without them the carried text would block the generator from the slot.
  for (const [slot, text] of Object.entries(generateSentences(target, draft))) {
    if (text === '') continue;
    draft.prose[slot] = draft.prose[slot] ? `${text}\n${draft.prose[slot]}` : text;
    draft.generated[slot] = text;
  }
  return { draft, unmapped };
}
