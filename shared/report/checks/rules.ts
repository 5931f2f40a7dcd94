import { allSlots } from '../model';
import { computeValues, sumExact as sum } from '../totals';
import type { RuleDef } from '../template';
import { makeFinding, type CheckContext, type Finding } from './finding';

const show = (n: number) => Number(n.toFixed(4));

/** Text that counts as an empty section: 无, 暂无, 没有, with or without a full stop. */
const EMPTY_TEXT = /^(?:无|暂无|没有)?[。.；;]?$/;

/** The template's RuleDef list, each kind checked generically against the draft. */
export function checkRules(ctx: CheckContext): Finding[] {
  const { template, draft, values, fields } = ctx;
  const value = (id: string) => values.get(id) ?? 0;
  const label = (id: string) => fields.get(id)?.label ?? id;
  const labels = (ids: string[]) => ids.map(label).join('＋');

  const previous = draft.previous;
  const lastYear = previous ? computeValues(template, { values: previous.values, lists: {} }) : null;
  const previousValue = (id: string) => previous?.values[id] ?? lastYear?.get(id) ?? 0;
  // Last year's figure is known when it, or for a total one of its parts, was carried. A report
  // started from an older template carries none of the national table's figures: no R6/R7 then.
  const lastYearHas = (id: string): boolean => {
    if (!previous) return false;
    if (Object.hasOwn(previous.values, id)) return true;
    return fields.get(id)?.sum?.some(lastYearHas) ?? false;
  };

  // A slot can be required by a `required` rule or by its own flag; either way it is checked once.
  const requiredSlots = new Map<string, string>();
  for (const s of allSlots(template)) if (s.required) requiredSlots.set(s.id, 'EMPTY');
  for (const r of template.rules) if (r.kind === 'required') requiredSlots.set(r.slot, r.id);

  const out: Finding[] = [];
  const check = (r: RuleDef): Finding | null => {
    switch (r.kind) {
      case 'balance':
      case 'at-most': {
        const left = sum(r.left.map(value));
        const right = sum(r.right.map(value));
        const broken = r.kind === 'balance' ? left !== right : left > right;
        if (!broken) return null;
        const params = {
          left: labels(r.left),
          leftValue: left,
          right: labels(r.right),
          rightValue: right,
          diff: show(Math.abs(left - right)),
        };
        return makeFinding(
          r.id,
          r.severity,
          r.kind === 'balance' ? 'balance' : 'atMost',
          params,
          ctx.fieldAt(r.at),
          r.at,
        );
      }
      case 'carry': {
        if (!previous || !lastYearHas(r.previous)) return null;
        const last = previousValue(r.previous);
        if (value(r.field) === last) return null;
        const params = {
          field: label(r.field),
          value: value(r.field),
          previous: last,
          previousField: label(r.previous),
          previousYear: previous.year,
        };
        return makeFinding(r.id, r.severity, 'carry', params, ctx.fieldAt(r.field), r.field);
      }
      case 'stock': {
        if (!previous || !lastYearHas(r.previous)) return null;
        const last = previousValue(r.previous);
        const plus = sum(r.plus.map(value));
        const minus = sum(r.minus.map(value));
        const expected = show(last + plus - minus);
        if (value(r.field) === expected) return null;
        const params = {
          field: label(r.field),
          value: value(r.field),
          expected,
          previous: last,
          plus,
          minus,
          previousYear: previous.year,
        };
        return makeFinding(r.id, r.severity, 'stock', params, ctx.fieldAt(r.field), r.field);
      }
      case 'zero-for':
        if (!r.kinds.includes(draft.unit.kind) || value(r.field) === 0) return null;
        return makeFinding(
          r.id,
          r.severity,
          'zeroFor',
          { field: label(r.field), value: value(r.field) },
          ctx.fieldAt(r.field),
          r.field,
        );
      case 'max-for': {
        if (!r.kinds.includes(draft.unit.kind) || value(r.field) <= r.max) return null;
        const params = {
          field: label(r.field),
          value: value(r.field),
          max: r.max,
          unit: fields.get(r.field)?.unit ?? '',
        };
        return makeFinding(r.id, r.severity, 'maxFor', params, ctx.fieldAt(r.field), r.field);
      }
      case 'mention': {
        // Two mention rules may watch one slot (R9: a fee charged; applications ended for unpaid
        // fees). Their findings need their own ids, or accepting one would silence the other.
        const where = `${r.slot}@${r.when[0] ?? ''}`;
        const positive = r.when.filter((id) => value(id) > 0);
        if (positive.length === 0) return null;
        const text = draft.prose[r.slot] ?? '';
        const params = {
          fields: positive.map(label).join('、'),
          expected: r.pattern,
          place: ctx.slotName(r.slot),
        };
        const contradiction = r.contradiction ? new RegExp(r.contradiction).exec(text) : null;
        if (contradiction) {
          const at = ctx.slotAt(r.slot, contradiction.index, contradiction[0].length);
          return makeFinding(
            r.id,
            r.severity,
            'mentionContradiction',
            { ...params, text: contradiction[0] },
            at,
            where,
          );
        }
        if (new RegExp(r.pattern).test(text)) return null;
        return makeFinding(r.id, r.severity, 'mention', params, ctx.slotAt(r.slot), where);
      }
      case 'not-copy': {
        const v = value(r.field);
        if (v === 0 || v < r.min || v !== value(r.of)) return null;
        return makeFinding(
          r.id,
          r.severity,
          'notCopy',
          { field: label(r.field), of: label(r.of), value: v },
          ctx.fieldAt(r.field),
          r.field,
        );
      }
      case 'required':
        return null; // checked below, together with the slots flagged `required`
    }
  };
  for (const r of template.rules) {
    const f = check(r);
    if (f) out.push(f);
  }
  const severity = new Map(template.rules.map((r) => [r.id, r.severity]));
  for (const [slot, rule] of requiredSlots) {
    const text = (draft.prose[slot] ?? '').replace(/\s/g, '');
    if (EMPTY_TEXT.test(text))
      out.push(
        makeFinding(
          rule,
          severity.get(rule) ?? 'warning',
          'required',
          { place: ctx.slotName(slot) },
          ctx.slotAt(slot),
          slot,
        ),
      );
  }
  return out;
}
