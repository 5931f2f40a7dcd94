import type { TFunction } from 'i18next';
import type { UserMessage } from '../../shared/bridge';
import type { Draft } from '../../shared/report/draft';
import { allSlots, fieldMap, resolveSections } from '../../shared/report/model';
import type { TemplateDef } from '../../shared/report/template';

/** Unit lines and the draft's own fields, named as the 基本信息 step labels them. */
const BASIC_LABELS: Record<string, string> = {
  issuedOn: 'ui.basic.issuedOn',
  year: 'ui.basic.year',
  variant: 'ui.newReport.variant',
  'unit.name': 'ui.basic.unitName',
  'unit.kind': 'ui.basic.kind',
  'unit.region': 'ui.basic.region',
  'unit.selfRef': 'ui.basic.selfRef',
  'unit.address': 'ui.basic.address',
  'unit.phone': 'ui.basic.phone',
  'unit.website': 'ui.basic.website',
  'unit.signature': 'ui.basic.signature',
};

/** The id among `ids` that `rest` names, itself or with a sub-path after it (ids contain dots). */
function idIn(ids: Iterable<string>, rest: string): string | undefined {
  let best: string | undefined;
  for (const id of ids)
    if ((rest === id || rest.startsWith(`${id}.`)) && (!best || id.length > best.length)) best = id;
  return best;
}

/**
 * A draft property path as the services name it in a refusal (`issuedOn`, `values.t2.penalty`,
 * `lists.active.categories.2.value`), in the words the clerk sees in the wizard: 成文日期,
 * 行政处罚 本年处理决定数量, 主动公开 … 第 3 行. A path the wizard does not show is left as it is.
 */
export function clerkFieldName(t: TFunction, template: TemplateDef, draft: Draft, path: string): string {
  const basic = BASIC_LABELS[path] ?? BASIC_LABELS[path.split('.').slice(0, 2).join('.')];
  if (basic) return t(basic);
  const dot = path.indexOf('.');
  if (dot < 0) return path;
  const top = path.slice(0, dot);
  const rest = path.slice(dot + 1);
  const fields = fieldMap(template);
  if (top === 'values' || top === 'declared' || top === 'previous') {
    const id = idIn(fields.keys(), top === 'previous' ? rest.replace(/^values\./, '') : rest);
    if (id) return fields.get(id)!.label;
  }
  if (top === 'prose' || top === 'generated' || top === 'carried') {
    const sections = resolveSections(template, draft);
    const id = idIn(
      allSlots(template).map((s) => s.id),
      rest,
    );
    if (id === template.preface?.id) return t('ui.prose.preface');
    for (const s of sections)
      for (const b of s.blocks)
        if (b.kind === 'prose' && b.slot.id === id) return `${s.heading}${b.slot.heading ?? ''}`;
  }
  if (top === 'lists' || top === 'listDecimals') {
    const id = idIn(
      template.lists.map((l) => l.id),
      rest,
    );
    const list = template.lists.find((l) => l.id === id);
    if (list && id) {
      const row = /^\.(\d+)/.exec(rest.slice(id.length));
      return row ? t('ui.list.rowName', { list: list.label, n: Number(row[1]) + 1 }) : list.label;
    }
  }
  if (top === 'sections') {
    const section = resolveSections(template, draft).find((s) => s.id === idIn([s.id], rest));
    if (section) return section.heading;
  }
  return path;
}

/** A message from the services with its `field` parameter named for the clerk. */
export function inClerkWords(
  t: TFunction,
  template: TemplateDef,
  draft: Draft,
  message: UserMessage,
): UserMessage {
  const field = message.params.field;
  if (typeof field !== 'string') return message;
  return { ...message, params: { ...message.params, field: clerkFieldName(t, template, draft, field) } };
}
