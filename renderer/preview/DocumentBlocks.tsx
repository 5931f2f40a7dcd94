import { Fragment, memo, useMemo, type CSSProperties } from 'react';
import type { TableDef, TemplateDef } from '../../shared/report/template';
import { gridLayout } from '../grid/geometry';
import type { Block } from './document';
import type { Level as HeadingLevel } from '../../shared/export/layout/lines';
import { sliceRows, type SlicedCell } from './table-slice';
import { autospaced } from './autospace';
import { centredLines } from './table-text';

const NO_BREAKS: readonly number[] = [];

/**
 * One block as the Word file prints it. Re-rendered only when its `sig` changes. `breaks` (tables
 * in the paged preview only) are the rows where the table continues on a new page, under a repeat
 * of its header rows; in print the browser repeats them itself.
 */
export const BlockView = memo(
  function BlockView({
    block,
    template,
    breaks = NO_BREAKS,
  }: {
    block: Block;
    template: TemplateDef;
    breaks?: readonly number[];
  }) {
    switch (block.kind) {
      case 'title':
      case 'attachment-title':
        return (
          <div className="doc-title">
            {block.lines.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </div>
        );
      case 'empty':
        return (
          <p className={block.keep ? 'doc-p doc-empty doc-keep' : 'doc-p doc-empty'} aria-hidden="true" />
        );
      case 'para':
        if (block.runIn)
          return (
            <p className={block.keep ? 'doc-p doc-keep' : 'doc-p'}>
              <span className={headingClass(block.runIn.level)}>{block.runIn.head}</span>
              {autospaced(block.text)}
            </p>
          );
        return (
          <p
            className={
              block.level === 0
                ? block.keep
                  ? 'doc-p doc-keep'
                  : 'doc-p'
                : `doc-p ${headingClass(block.level)} doc-keep`
            }
          >
            {autospaced(block.text)}
          </p>
        );
      case 'table':
        return <TableView block={block} template={template} breaks={breaks} />;
      case 'attachment-note':
        return (
          <div className="doc-attachment-note">
            {block.items.map((item, i) => (
              <AttachmentLine
                key={i}
                index={i}
                numbered={block.numbered}
                lead={item.lead}
                title={item.title}
              />
            ))}
          </div>
        );
      case 'signature':
        return (
          <div className="doc-signature">
            {block.lines.map((line, i) => (
              <p
                key={i}
                // The name keeps with the date under it (w:keepNext).
                className={i < block.lines.length - 1 ? 'doc-p doc-keep' : 'doc-p'}
                style={{ paddingRight: `calc(var(--body) * ${line.rightEms})` }}
              >
                {line.text}
              </p>
            ))}
          </div>
        );
      case 'attachment-label':
        return <p className="doc-p doc-attachment-label doc-keep">{block.text}</p>;
    }
  },
  (a, b) =>
    a.block.sig === b.block.sig &&
    a.template === b.template &&
    (a.breaks ?? NO_BREAKS).join() === (b.breaks ?? NO_BREAKS).join(),
);

const headingClass = (level: HeadingLevel) => `doc-h${level}`;

/**
 * 附件说明 as the exporter sets it: "附件：" two characters in, each name at one tab stop (1.5
 * characters after the number when there are several), wrapped lines aligned under the name.
 */
function AttachmentLine({
  index,
  numbered,
  lead,
  title,
}: {
  index: number;
  numbered: boolean;
  lead: string;
  title: string;
}) {
  const start = 2 + 3;
  const nameAt = start + (numbered ? 1.5 : 0);
  const leadStart = index === 0 ? 2 : start;
  const style: CSSProperties = {
    paddingLeft: `calc(var(--body) * ${nameAt})`,
    textIndent: `calc(var(--body) * ${leadStart - nameAt})`,
  };
  return (
    <p className="doc-p doc-hanging doc-keep" style={style}>
      {numbered ? (
        <span className="doc-lead" style={{ width: `calc(var(--body) * ${nameAt - leadStart})` }}>
          {lead}
        </span>
      ) : (
        lead
      )}
      {title}
    </p>
  );
}

function TableView({
  block,
  template,
  breaks,
}: {
  block: Extract<Block, { kind: 'table' }>;
  template: TemplateDef;
  breaks: readonly number[];
}) {
  const { table, texts } = block;
  const layout = useMemo(() => gridLayout(template, table), [template, table]);
  const orientation = table.orientation ?? 'portrait';
  const scale = block.scale ?? 1;
  const total = table.columns.reduce((a, b) => a + b, 0);
  // Header rows repeat on every page (w:tblHeader): they are the table's leading header rows.
  const headCount = table.rows.findIndex((r) => !r.header);
  const heads = headCount < 0 ? layout.rowCount : headCount;
  const starts = [heads, ...breaks.filter((b) => b > heads && b < layout.rowCount)];
  const row = (r: number, cells: SlicedCell[]) => {
    const def = table.rows[r]!;
    // Rows never split (w:cantSplit), except one opening a cell merged down many rows (三、本年度办理结果
    // spans 22): kept whole, Chromium would carry all those rows to the next page together, where
    // Word breaks between them and continues the merged cell.
    const whole = !cells.some((c) => c.rowSpan > 1);
    const classes = [def.header || def.caption ? 'doc-tr-head' : '', whole ? 'doc-tr-whole' : '']
      .filter(Boolean)
      .join(' ');
    return (
      <tr key={r} data-row={r >= heads ? r : undefined} className={classes || undefined}>
        {cells.map(({ cell, rowSpan, continued }) => {
          const align = 'align' in cell.def ? cell.def.align : undefined;
          const indent = 'indent' in cell.def ? (cell.def.indent ?? 0) : 0;
          const text = cell.field
            ? texts[cell.field.id]
            : align === 'left'
              ? cell.text
              : centredLines(table, orientation, { ...cell, indent }, cell.text, scale).map((line, l) => (
                  <Fragment key={l}>
                    {l > 0 && <br />}
                    {line}
                  </Fragment>
                ));
          // A merged cell cut at a page break keeps the label in the part above the break. Its text
          // is laid over the cut cell instead of stretching its rows, so the rows keep the heights
          // they have in the whole table and the break found for them stays where it was found.
          const clipped = !continued && rowSpan < cell.rowSpan;
          const classes = [align === 'left' ? 'is-left' : '', clipped ? 'is-clipped' : '']
            .filter(Boolean)
            .join(' ');
          return (
            <td
              key={cell.col}
              rowSpan={rowSpan > 1 ? rowSpan : undefined}
              colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
              className={classes || undefined}
              style={indent ? { paddingLeft: `calc(var(--fs) * ${indent} + var(--cell-pad-x))` } : undefined}
            >
              {continued ? null : clipped ? <span className="doc-clipped">{text}</span> : text}
            </td>
          );
        })}
      </tr>
    );
  };
  const head = sliceRows(layout, 0, heads);
  return (
    <div
      className="doc-table-block"
      data-table-block={block.key}
      style={
        {
          ...(block.scale ? { '--tk': block.scale } : {}),
          '--fs': `calc(var(--tk) * ${table.fontSize}pt)`,
        } as CSSProperties
      }
    >
      {block.title && <p className="doc-p doc-table-title doc-keep">{block.title}</p>}
      {block.unit && <p className="doc-unit doc-keep">{block.unit}</p>}
      {starts.map((start, i) => (
        <table key={start} className={i > 0 ? 'doc-table doc-table-continued' : 'doc-table'}>
          <colgroup>
            {table.columns.map((w, c) => (
              <col key={c} style={{ width: `${(100 * w) / total}%` }} />
            ))}
          </colgroup>
          {heads > 0 && (
            <thead aria-hidden={i > 0 || undefined}>{head.map((h) => row(h.row, h.cells))}</thead>
          )}
          {captionGroups(sliceRows(layout, start, starts[i + 1] ?? layout.rowCount), table).map((group) => (
            <tbody key={group.rows[0]!.row} className={group.keep ? 'doc-tbody-keep' : undefined}>
              {group.rows.map((b) => row(b.row, b.cells))}
            </tbody>
          ))}
        </table>
      ))}
      {/* The Word file's short empty paragraph after every table: a heading never sits on its rule. */}
      <p className="doc-after-table" aria-hidden="true" />
    </div>
  );
}

/** A caption block this short goes over to the next page whole rather than leave its caption behind. */
const KEPT_BLOCK_ROWS = 6;

/**
 * The rows of a slice grouped at each caption row (第二十条第（八）项 and the rows under it). A short
 * block is kept on one page, as LibreOffice lays out the Word file: its caption and header never
 * end a page with the block's figures on the next.
 */
function captionGroups<R extends { row: number }>(
  rows: R[],
  table: TableDef,
): { rows: R[]; keep: boolean }[] {
  const groups: { rows: R[]; keep: boolean }[] = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    if (!last || table.rows[r.row]!.caption) groups.push({ rows: [r], keep: false });
    else last.rows.push(r);
  }
  for (const g of groups)
    g.keep = table.rows[g.rows[0]!.row]!.caption === true && g.rows.length <= KEPT_BLOCK_ROWS;
  return groups;
}
