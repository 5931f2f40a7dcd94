import { figureAllows, FIGURE_SOURCE, normalizeDigits, readFigure } from '../cn-number';
import { allSlots, listDecimals } from '../model';
import { formatShare, largestRemainder } from '../percent';
import { formatValue } from '../totals';
import { makeFinding, type CheckContext, type Finding } from './finding';

/**
 * R8: numbers quoted in the prose must agree with the tables. Each of the template's claims is a
 * phrase with a figure ("共收到政府信息公开申请{n}件"); a figure as clerks write it (800余, 3万余,
 * 1,234) stands for a range, and the table value must fall in it. 广州城管委 2012 wrote
 * "网上咨询800余人次" beside a table of 266, and "月访问量3万余次" beside 526696 a year.
 */
export function checkClaims(ctx: CheckContext): Finding[] {
  const { template, draft, values, fields } = ctx;
  const out: Finding[] = [];
  const claims = template.claims.map((c) => ({
    ...c,
    regex: new RegExp(c.pattern.replace('{n}', `(?<n>${FIGURE_SOURCE})`), 'gd'),
  }));
  for (const slot of allSlots(template)) {
    const raw = draft.prose[slot.id];
    if (!raw) continue;
    const text = normalizeDigits(raw);
    for (const claim of claims)
      for (const m of text.matchAll(claim.regex)) {
        const span = m.indices?.groups?.n;
        const figure = span ? readFigure(raw.slice(span[0], span[1])) : null;
        const field = fields.get(claim.field);
        if (!span || !figure || !field) continue;
        const yearly = values.get(claim.field) ?? 0;
        const target = claim.perMonth ? yearly / 12 : yearly;
        // A plain monthly figure is a rounding of the yearly value divided by 12.
        const fits =
          claim.perMonth && !figure.approximate
            ? Math.abs(target - figure.value) < 1
            : figureAllows(figure, target);
        if (fits) continue;
        const params: Record<string, string | number> = {
          field: field.label,
          prose: figure.text,
          table: formatValue(field, yearly),
          unit: field.unit ?? '',
        };
        if (claim.perMonth) params.perMonth = formatValue(field, Math.round(target));
        const at = ctx.slotAt(slot.id, span[0], span[1] - span[0]);
        out.push(
          makeFinding(
            'R8',
            'warning',
            claim.perMonth ? 'claimPerMonth' : 'claim',
            params,
            at,
            `${slot.id}:${claim.field}:${figure.text}`,
          ),
        );
      }
  }
  return out;
}

/**
 * A count and its share as reports print them: 占3%, 占总体的比例为3%, 占比3.6%, 约占3.6%,
 * 占总数的3.6%, （比例为3.6%）.
 */
const SHARE =
  /(?<!\d)(\d+)(?:条|件|个|项|宗|篇)(?:信息)?[，,（(]?\s*(?:约占|占比|占|比例|比重)(?:总体|全部|总数|总量|全年)?(?:的)?(?:比例|比重)?(?:为|约|约为|达)?\s*(\d+(?:\.\d+)?)%/g;

/**
 * A share printed after a list item's count ("政策性文件类的信息2条，占总体的比例为3%") must be
 * the share the largest-remainder method gives, so the printed shares add to 100%.
 */
export function checkShares(ctx: CheckContext): Finding[] {
  const { template, draft } = ctx;
  const items = template.lists.flatMap((list) => {
    const entries = draft.lists[list.id] ?? [];
    const shares =
      entries.length > 0
        ? largestRemainder(
            entries.map((i) => i.value),
            listDecimals(list, draft),
          )
        : [];
    return entries.map((item, i) => ({
      list,
      label: item.label.trim(),
      value: item.value,
      share: shares[i]!,
    }));
  });
  if (items.length === 0) return [];
  const out: Finding[] = [];
  for (const slot of allSlots(template)) {
    const raw = draft.prose[slot.id];
    if (!raw) continue;
    const text = normalizeDigits(raw);
    for (const m of text.matchAll(SHARE)) {
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      const candidates = items.filter((item) => item.value === Number(m[1]));
      // The item named nearest before the count, else the only item of any list with that count.
      const named = candidates
        .map((c) => ({ c, at: c.label ? before.lastIndexOf(c.label) : -1 }))
        .filter((x) => x.at >= 0)
        .sort((a, b) => b.at - a.at);
      const match = named[0]?.c ?? (candidates.length === 1 ? candidates[0] : undefined);
      if (!match || Math.abs(Number(m[2]) - match.share) < 1e-9) continue;
      const offset = m.index + m[0].lastIndexOf(m[2]!);
      const at = ctx.slotAt(slot.id, offset, m[2]!.length + 1);
      const params = {
        label: match.label,
        printed: `${m[2]}%`,
        expected: `${formatShare(match.share, listDecimals(match.list, draft))}%`,
      };
      out.push(
        makeFinding(
          'PCT',
          'warning',
          'shareMismatch',
          params,
          at,
          `${slot.id}:${match.list.id}:${match.label}`,
        ),
      );
    }
  }
  return out;
}
