import type { Draft } from '../../shared/report/draft';
import { documentTitle, fieldMap, resolveSections, signatureOf } from '../../shared/report/model';
import type { SlotDef, TableDef, TemplateDef } from '../../shared/report/template';
import { chineseDate, paragraphs } from '../../shared/report/text';
import { computeValues, formatValue } from '../../shared/report/totals';
import {
  TITLE_EMS,
  subHeading,
  titleLines,
  type Level as HeadingLevel,
} from '../../shared/export/layout/lines';
import { emWidth } from '../../shared/export/layout/metrics';
import { tableScale } from './table-text';
import { printedSubHeadings } from '../../shared/export/layout/sub-headings';

/**
 * The report as the Word exporter (shared/export/docx/index.ts) lays it out, as plain data the
 * preview and the print view render: runs of pages of one orientation, each a list of blocks.
 * Every block carries `sig`, a string that changes exactly when what it prints changes, so a
 * renderer can skip the blocks a keystroke did not touch.
 */
export type Orientation = 'portrait' | 'landscape';

interface BlockBase {
  /** Stable across edits: where the block comes from, not what it says. */
  key: string;
  sig: string;
}

export type Block =
  /** The title in 2号小标宋, one entry per line, broken at whole words. */
  | (BlockBase & { kind: 'title'; lines: string[] })
  /** An empty body line (after the title, above the signature); `keep` holds it on the page of what follows (w:keepNext). */
  | (BlockBase & { kind: 'empty'; keep?: boolean })
  /**
   * A body paragraph. `level` 0 is body text; 1–4 a heading set whole in its face (一、黑体,
   * （一）楷体, 1. and （1）仿宋); `runIn` a heading such as （一）加强组织领导。 opening body text.
   * `keep`: the body's last paragraph, which goes whole to the page of the signature (w:keepNext).
   */
  | (BlockBase & {
      kind: 'para';
      level: 0 | HeadingLevel;
      text: string;
      runIn?: { level: HeadingLevel; head: string };
      keep?: boolean;
    })
  /** A table with its cells' printed text by field id; `title` and `unit` print above it. */
  | (BlockBase & {
      kind: 'table';
      table: TableDef;
      texts: Record<string, string>;
      title?: string;
      unit?: string;
      /** Type enlargement of the table inside an unchanged width (the enlarged A4); absent: the page's own. */
      scale?: number;
    })
  /** 附件说明: "附件：1. ××" lines. */
  | (BlockBase & { kind: 'attachment-note'; items: { lead: string; title: string }[]; numbered: boolean })
  /** 署名 and 成文日期, right-aligned; indents in ems of body type from the right edge of the 版心. */
  | (BlockBase & { kind: 'signature'; lines: { text: string; rightEms: number }[] })
  /** "附件1" over an attachment, 3号黑体, flush left, on a new page. */
  | (BlockBase & { kind: 'attachment-label'; text: string })
  /** An attachment's title in 2号小标宋. */
  | (BlockBase & { kind: 'attachment-title'; lines: string[] });

/** Pages of one orientation; a new run also starts where the Word file starts a new page (附件). */
export interface Run {
  key: string;
  orientation: Orientation;
  blocks: Block[];
}

function block<B extends Omit<Block, 'sig'>>(b: B): B & { sig: string } {
  const { key: _key, ...content } = b;
  return { ...b, sig: JSON.stringify(content, (k, v) => (k === 'table' ? (v as TableDef).id : v)) };
}

/**
 * `heading`: the slot's sub-heading as printedSubHeadings numbers it, absent for an empty slot.
 * `endsBody`: the last slot of the body, whose last paragraph keeps with the signature (prose.ts).
 */
function prose(
  slot: SlotDef,
  text: string | undefined,
  heading: string | undefined,
  endsBody = false,
): Block[] {
  const out: Block[] = [];
  if (heading) out.push(block({ kind: 'para', key: `${slot.id}#h`, level: 2, text: heading }));
  const lines = paragraphs(text);
  lines.forEach((p, i) => {
    const key = `${slot.id}#${i}`;
    const keep = endsBody && i === lines.length - 1 ? { keep: true } : {};
    const sub = subHeading(p);
    if (!sub) out.push(block({ kind: 'para', key, level: 0, text: p, ...keep }));
    else if (!sub.rest) out.push(block({ kind: 'para', key, level: sub.level, text: sub.head, ...keep }));
    else
      out.push(
        block({
          kind: 'para',
          key,
          level: 0,
          text: sub.rest,
          runIn: { level: sub.level, head: sub.head },
          ...keep,
        }),
      );
  });
  return out;
}

/** GB/T 9704 §7.3.5.1 as the exporter sets it: the date four characters in from the right, the name centred over it. */
function signature(name: string, date: string): Block {
  const dateIndent = 4;
  const centred = date ? dateIndent + (emWidth(date) - emWidth(name)) / 2 : dateIndent;
  const lines = [
    ...(name ? [{ text: name, rightEms: Math.max(0, centred) }] : []),
    ...(date ? [{ text: date, rightEms: dateIndent }] : []),
  ];
  return block({ kind: 'signature', key: 'signature', lines });
}

/**
 * @param titleEms Characters of title type a line holds: 20 on A4 and A3 (the exporter's figure);
 * fewer where the type is larger than the page (the enlarged A4), so titles still break at words.
 * @param tableType Enlargement of table type inside the 版心's width (the enlarged A4), each table's
 * capped so its centred cells still hold two characters a line (table-text.ts).
 */
export function documentRuns(
  template: TemplateDef,
  draft: Draft,
  titleEms = TITLE_EMS,
  tableType = 1,
): Run[] {
  const fields = fieldMap(template);
  const values = computeValues(template, draft);
  const runs: Run[] = [];
  const add = (orientation: Orientation, blocks: Block[], newPage = false) => {
    const last = runs.at(-1);
    if (last && last.orientation === orientation && !newPage) last.blocks.push(...blocks);
    else runs.push({ key: `run${runs.length}`, orientation, blocks: [...blocks] });
  };
  const tableById = (id: string): TableDef => {
    const table = template.tables.find((t) => t.id === id);
    if (!table) throw new Error(`template ${template.id}: unknown table ${id}`);
    return table;
  };
  const tableBlock = (table: TableDef, key: string, title?: string): Block => {
    const texts: Record<string, string> = {};
    for (const row of table.rows)
      for (const cell of row.cells)
        if ('field' in cell) texts[cell.field] = formatValue(fields.get(cell.field)!, values.get(cell.field));
    return block({
      kind: 'table',
      key,
      table,
      texts,
      ...(title ? { title } : {}),
      ...(table.unit ? { unit: table.unit } : {}),
      ...(tableType !== 1 ? { scale: tableScale(table, table.orientation ?? 'portrait', tableType) } : {}),
    });
  };

  add('portrait', [
    block({
      kind: 'title',
      key: 'title',
      lines: titleLines(documentTitle(template, draft), draft.unit.name, titleEms),
    }),
    block({ kind: 'empty', key: 'title#after' }),
  ]);
  if (template.preface)
    add('portrait', prose(template.preface, draft.prose[template.preface.id], template.preface.heading));
  const sections = resolveSections(template, draft);
  const lastBlock = sections.at(-1)?.blocks.at(-1);
  for (const s of sections) {
    add('portrait', [block({ kind: 'para', key: s.id, level: 1, text: s.heading })]);
    const subHeadings = printedSubHeadings(s.blocks, draft.prose);
    for (const b of s.blocks) {
      if (b.kind === 'prose')
        add('portrait', prose(b.slot, draft.prose[b.slot.id], subHeadings.get(b.slot.id), b === lastBlock));
      // A list block prints nothing of its own: the generated sentences carry its figures.
      if (b.kind === 'table') {
        const table = tableById(b.table);
        add(table.orientation ?? 'portrait', [tableBlock(table, `table:${table.id}`, table.title)]);
      }
    }
  }

  const attachments = template.attachments.map(tableById);
  const titles = attachments.map((t) => t.title ?? t.sheetName);
  if (attachments.length > 0) {
    const numbered = titles.length > 1;
    const items = titles.map((title, i) => ({
      lead: `${i === 0 ? '附件：' : ''}${numbered ? `${i + 1}.` : ''}`,
      title,
    }));
    add('portrait', [
      block({ kind: 'empty', key: 'attachments#before', keep: true }),
      block({ kind: 'attachment-note', key: 'attachments', items, numbered }),
    ]);
  }
  add('portrait', [
    block({ kind: 'empty', key: 'signature#1', keep: true }),
    block({ kind: 'empty', key: 'signature#2', keep: true }),
    signature(signatureOf(draft.unit), chineseDate(draft.issuedOn)),
  ]);
  attachments.forEach((table, i) => {
    const label = attachments.length > 1 ? `附件${i + 1}` : '附件';
    add(
      table.orientation ?? 'portrait',
      [
        block({ kind: 'attachment-label', key: `attachment:${table.id}#label`, text: label }),
        block({ kind: 'empty', key: `attachment:${table.id}#gap` }),
        block({
          kind: 'attachment-title',
          key: `attachment:${table.id}#title`,
          lines: titleLines(titles[i]!, '', titleEms),
        }),
        tableBlock(table, `attachment:${table.id}`),
      ],
      true,
    );
  });
  return runs;
}
