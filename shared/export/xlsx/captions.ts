import type { Draft } from '../../report/draft';
import { resolveSections } from '../../report/model';
import type { TableDef, TemplateDef } from '../../report/template';
import { stripIllegalXml } from '../../report/text';

/** Marks every page and title of a draft export, so a draft is never mistaken for the final figures. */
export const DRAFT_NOTE = '（草稿）';

/**
 * The line above a table: its own caption (附表2 依申请公开情况统计) where the template gives one,
 * else the heading of the section it sits in (三、收到和处理政府信息公开申请情况), in the draft's variant.
 */
export function tableTitle(template: TemplateDef, draft: Pick<Draft, 'variant'>, table: TableDef): string {
  const section = resolveSections(template, draft).find((s) =>
    s.blocks.some((b) => b.kind === 'table' && b.table === table.id),
  );
  return stripIllegalXml(table.title ?? section?.heading ?? table.sheetName);
}

/** 填报单位：寮步镇人民政府, 报告年度：2025年 and the table's 单位：条, two ideographic spaces apart. */
export function infoLine(draft: Pick<Draft, 'unit' | 'year'>, table: TableDef): string {
  const parts = [`填报单位：${draft.unit.name.trim()}`, `报告年度：${draft.year}年`];
  if (table.unit) parts.push(table.unit);
  return stripIllegalXml(parts.join('\u3000\u3000'));
}
