import { Document, Packer, type FileChild } from 'docx';
import type { Draft } from '../../report/draft';
import { documentTitle, fieldMap, resolveSections, signatureOf } from '../../report/model';
import type { TableDef, TemplateDef } from '../../report/template';
import { chineseDate, stripIllegalXml } from '../../report/text';
import { computeValues } from '../../report/totals';
import { fontTableXml } from './fonts';
import type { Orientation } from '../layout/metrics';
import { section } from './page';
import { printedSubHeadings } from '../layout/sub-headings';
import {
  attachmentLabel,
  attachmentNote,
  emptyLine,
  heading,
  signatureBlock,
  slotParagraphs,
  type ProseLayout,
} from './prose';
import { stylesXml } from './styles';
import { afterTable, tableOf, tableTitle, unitLine, type TableContext } from './tables';
import { titleParagraphs } from './title';

export interface DocxOptions {
  /** Level-2 and level-3 headings in bold, as some counties want. */
  boldHeadings?: boolean;
  /** Exact body line spacing in points (GB/T 9704: 22 lines a page). */
  lineSpacing?: 28 | 29;
  /** A 草稿 mark in the header of every page, for a draft that still breaks a rule. */
  draftMark?: boolean;
}

/** The document as runs of pages of one orientation; each run becomes a section. */
class Flow {
  readonly runs: { orientation: Orientation; children: FileChild[] }[] = [];

  add(orientation: Orientation, ...children: FileChild[]): void {
    const last = this.runs.at(-1);
    if (last?.orientation === orientation) last.children.push(...children);
    else this.runs.push({ orientation, children: [...children] });
  }

  /** Whether the next content of this orientation already starts a page (a new section does). */
  startsPage(orientation: Orientation): boolean {
    return this.runs.at(-1)?.orientation !== orientation;
  }
}

const orientationOf = (table: TableDef): Orientation => table.orientation ?? 'portrait';

/**
 * The report as a Word file laid out per GB/T 9704-2012: title, preface, the sections with their
 * tables inline, 附件说明, 署名 and 成文日期, then each attachment table on a page of its own.
 * Everything comes from the template and the draft; nothing here knows a template by its id.
 * Pure: no file system, no Node built-ins, so it runs in the renderer too.
 */
export async function exportDocx(
  template: TemplateDef,
  draft: Draft,
  options: DocxOptions = {},
): Promise<Uint8Array> {
  const layout: ProseLayout = {
    // “29 pt” is 28.95 pt (579 twips), as in the usual 公文 templates: 22 lines of a full 29 pt
    // (12 760 twips) overrun the 225 mm 版心 (12 756), and Word and LibreOffice then set 21 lines a page.
    line: options.lineSpacing === 29 ? 579 : 560,
    boldHeadings: options.boldHeadings ?? false,
  };
  const ctx: TableContext = { fields: fieldMap(template), values: computeValues(template, draft) };
  const tableById = (id: string): TableDef => {
    const table = template.tables.find((t) => t.id === id);
    if (!table) throw new Error(`template ${template.id}: unknown table ${id}`);
    return table;
  };
  const flow = new Flow();
  const title = documentTitle(template, draft);

  flow.add('portrait', ...titleParagraphs(title, draft.unit.name, layout.line), emptyLine(layout));
  if (template.preface)
    flow.add(
      'portrait',
      ...slotParagraphs(template.preface.heading, draft.prose[template.preface.id], layout),
    );
  const sections = resolveSections(template, draft);
  const lastBlock = sections.at(-1)?.blocks.at(-1);
  for (const s of sections) {
    flow.add('portrait', heading(s.heading, 1, layout));
    const subHeadings = printedSubHeadings(s.blocks, draft.prose);
    for (const block of s.blocks) {
      if (block.kind === 'prose')
        flow.add(
          'portrait',
          ...slotParagraphs(
            subHeadings.get(block.slot.id),
            draft.prose[block.slot.id],
            layout,
            block === lastBlock,
          ),
        );
      // A list block prints nothing of its own: the generated sentences carry its figures.
      if (block.kind === 'table') {
        const table = tableById(block.table);
        const orientation = orientationOf(table);
        flow.add(
          orientation,
          ...(table.title ? [tableTitle(table.title, layout.line)] : []),
          ...(table.unit ? [unitLine(table.unit, table.fontSize)] : []),
          tableOf(table, orientation, ctx),
          afterTable(table.fontSize),
        );
      }
    }
  }

  const attachments = template.attachments.map(tableById);
  const attachmentTitles = attachments.map((t) => t.title ?? t.sheetName);
  if (attachments.length > 0)
    flow.add('portrait', emptyLine(layout, true), ...attachmentNote(attachmentTitles, layout));
  flow.add('portrait', ...signatureBlock(signatureOf(draft.unit), chineseDate(draft.issuedOn), layout));

  attachments.forEach((table, i) => {
    const orientation = orientationOf(table);
    const label = attachments.length > 1 ? `附件${i + 1}` : '附件';
    flow.add(
      orientation,
      attachmentLabel(label, layout, !flow.startsPage(orientation)),
      emptyLine(layout),
      ...titleParagraphs(attachmentTitles[i]!, '', layout.line),
      ...(table.unit ? [unitLine(table.unit, table.fontSize)] : []),
      tableOf(table, orientation, ctx),
      afterTable(table.fontSize),
    );
  });

  const author = stripIllegalXml(signatureOf(draft.unit));
  const doc = new Document({
    title: stripIllegalXml(title),
    creator: author,
    lastModifiedBy: author,
    evenAndOddHeaderAndFooters: true,
    sections: flow.runs.map((run) =>
      section(run.orientation, run.children, { line: layout.line, draftMark: options.draftMark ?? false }),
    ),
  });
  // styles.xml and fontTable.xml are written whole: docx's defaults carry theme colours and no font stand-ins.
  return Packer.pack(doc, 'uint8array', false, [
    { path: 'word/styles.xml', data: stylesXml(layout.line) },
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
}
