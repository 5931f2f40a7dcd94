import type { Draft, ListItem } from './draft';
import type { FieldDef, ListDef, TemplateDef } from './template';
import { fieldMap } from './model';

/**
 * Every field's value: entered ones as typed (absent = 0), computed totals summed. A total none of
 * whose parts was entered has no value and is absent from the map: a category list without a
 * count (the unit published no breakdown, whatever its channel counts say), or a sum of such totals.
 * It prints blank, never as an invented 0; arithmetic that reads it with `?? 0` is unaffected.
 */
export type Values = ReadonlyMap<string, number>;

/** Money is summed in ten-thousandths so 0.1 + 0.2 prints as 0.3. */
const SCALE = 10_000;
const add = (a: number, b: number) => Math.round(a * SCALE + b * SCALE) / SCALE;

/** The sum of amounts to four decimals, free of binary floating-point noise: what every total and rule uses. */
export const sumExact = (values: readonly number[]): number => values.reduce(add, 0);

export function computeValues(template: TemplateDef, draft: Pick<Draft, 'values' | 'lists'>): Values {
  const fields = fieldMap(template);
  const out = new Map<string, number>();
  const done = new Set<string>();
  const visiting = new Set<string>();
  const valueOf = (id: string): number | undefined => {
    if (done.has(id)) return out.get(id);
    const f: FieldDef | undefined = fields.get(id);
    if (!f) throw new Error(`template ${template.id}: unknown field ${id}`);
    if (visiting.has(id)) throw new Error(`template ${template.id}: total ${id} depends on itself`);
    visiting.add(id);
    let v: number | undefined;
    if (f.sum) {
      const parts = f.sum.map(valueOf).filter((p): p is number => p !== undefined);
      v = parts.length > 0 ? sumExact(parts) : undefined;
    } else if (f.listSum) {
      // The wizard offers a new list's categories at 0, so a list without one count above 0 is
      // one the clerk never filled in, not a published total of 0.
      const items = draft.lists[f.listSum] ?? [];
      v = items.some((item) => item.value > 0) ? sumExact(items.map((item) => item.value)) : undefined;
    } else v = draft.values[id] ?? 0;
    visiting.delete(id);
    done.add(id);
    if (v !== undefined) out.set(id, v);
    return v;
  };
  for (const f of template.fields) valueOf(f.id);
  return out;
}

/** The computed totals that have no value (see Values): they print blank. */
export function blankTotals(template: TemplateDef, values: Values): FieldDef[] {
  return template.fields.filter((f) => (f.sum || f.listSum) && !values.has(f.id));
}

/**
 * A value as printed: counts as integers, money with at most the field's decimals and no trailing
 * zeros, and a total nobody entered (absent from Values) as nothing at all.
 */
export function formatValue(field: FieldDef, value: number | undefined): string {
  if (value === undefined) return '';
  if (field.kind === 'count') return String(Math.round(value));
  const decimals = field.decimals ?? 2;
  return String(Number(value.toFixed(decimals)));
}

/**
 * Measure words a clerk writes in brackets after a list item, as in 微信（篇）: the item's count is
 * then in that unit, not the list's (1154篇 of 微信 articles is not 1154条).
 */
const ITEM_UNIT =
  /^(.*?)\s*[（(]\s*(条|篇|件|期|次|份|个|场|人次|项|批|张|册|套|块|幅|部|本|家|户|场次|万元|元)\s*[）)]\s*$/;

/** A list item's label without its bracketed unit, and the unit its count is in: its own, else the list's. */
export function itemLabelAndUnit(list: ListDef, item: ListItem): { label: string; unit: string } {
  const own = ITEM_UNIT.exec(item.label.trim());
  return own?.[1] ? { label: own[1], unit: own[2]! } : { label: item.label.trim(), unit: list.unit };
}
