import type { SentencePart } from '../template';

/** A result of the 依申请 table as a sentence names it: one row, or a group of rows (不予公开 has eight reasons). */
export interface ResultGroup {
  label: string;
  fields: string[];
}

/**
 * "，其中予以公开7件，不予公开1件，无法提供3件": one phrase per group with a non-zero count, in the
 * table's order, the first led by 其中. Every non-zero group is named, so the parts add up to the
 * whole the sentence states before them; naming only 予以公开 and 部分公开 once explained 8 of 12.
 */
export function nonZeroGroups(groups: ResultGroup[], unit: string): SentencePart[] {
  return groups.map((group, i): SentencePart => {
    const earlier = groups.slice(0, i).flatMap((g) => g.fields);
    const value = group.fields.length === 1 ? `{v:${group.fields[0]}}` : `{sum:${group.fields.join(',')}}`;
    return {
      if: { not: { allZero: group.fields } },
      then: [{ if: { allZero: earlier }, then: ['，其中'], else: ['，'] }, `${group.label}${value}${unit}`],
    };
  });
}
