import { makeFinding, type CheckContext, type Finding } from './finding';

/**
 * R5: every count is a non-negative integer; only money has decimals, and no more than its field
 * allows. readDraft refuses such values in files, but a draft built in code (an import, a
 * migration, the county's consolidation) reaches the checks without passing through it.
 */
export function checkValueKinds(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const report = (id: string, message: string, params: Record<string, string | number>, where: string) =>
    out.push(makeFinding('R5', 'error', message, params, ctx.fieldAt(id), where));

  const numbers: [string, number | null][] = [
    ...Object.entries(ctx.draft.values),
    ...Object.entries(ctx.draft.declared).map(([id, v]): [string, number | null] => [id, v]),
  ];
  for (const [id, value] of numbers) {
    const field = ctx.fields.get(id);
    if (!field || value === null) continue;
    const params = { field: field.label, value };
    if (!Number.isFinite(value) || value < 0) report(id, 'negative', params, id);
    else if (field.kind === 'count' && !Number.isInteger(value)) report(id, 'notCount', params, id);
    else if (field.kind === 'money' && Number(value.toFixed(field.decimals ?? 2)) !== value)
      report(id, 'tooManyDecimals', { ...params, decimals: field.decimals ?? 2 }, id);
  }
  for (const list of ctx.template.lists)
    (ctx.draft.lists[list.id] ?? []).forEach((item, i) => {
      const params = { field: `${list.label}：${item.label}`, value: item.value };
      const at = ctx.template.fields.find((f) => f.listSum === list.id)?.id ?? list.id;
      if (!Number.isFinite(item.value) || item.value < 0) report(at, 'negative', params, `${list.id}.${i}`);
      else if (!Number.isInteger(item.value)) report(at, 'notCount', params, `${list.id}.${i}`);
    });
  return out;
}
