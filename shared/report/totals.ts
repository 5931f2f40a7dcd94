import type { Draft } from './draft';
import type { FieldDef, TemplateDef } from './template';
import { fieldMap } from './model';

/** Every field's value: entered ones as typed (absent = 0), computed totals summed. */
export type Values = ReadonlyMap<string, number>;

/** Money is summed in ten-thousandths so 0.1 + 0.2 prints as 0.3. */
const SCALE = 10_000;
const add = (a: number, b: number) => Math.round(a * SCALE + b * SCALE) / SCALE;

/** The sum of amounts to four decimals, free of binary floating-point noise: what every total and rule uses. */
export const sumExact = (values: readonly number[]): number => values.reduce(add, 0);

export function computeValues(template: TemplateDef, draft: Pick<Draft, 'values' | 'lists'>): Values {
  const fields = fieldMap(template);
  const out = new Map<string, number>();
  const visiting = new Set<string>();
  const valueOf = (id: string): number => {
    const known = out.get(id);
    if (known !== undefined) return known;
    const f: FieldDef | undefined = fields.get(id);
    if (!f) throw new Error(`template ${template.id}: unknown field ${id}`);
    if (visiting.has(id)) throw new Error(`template ${template.id}: total ${id} depends on itself`);
    visiting.add(id);
    let v: number;
    if (f.sum) v = f.sum.reduce((acc, part) => add(acc, valueOf(part)), 0);
    else if (f.listSum) v = (draft.lists[f.listSum] ?? []).reduce((acc, item) => add(acc, item.value), 0);
    else v = draft.values[id] ?? 0;
    visiting.delete(id);
    out.set(id, v);
    return v;
  };
  for (const f of template.fields) valueOf(f.id);
  return out;
}

/** A value as printed: counts as integers, money with at most the field's decimals and no trailing zeros. */
export function formatValue(field: FieldDef, value: number): string {
  if (field.kind === 'count') return String(Math.round(value));
  const decimals = field.decimals ?? 2;
  return String(Number(value.toFixed(decimals)));
}
