import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../shared/report/draft';
import type { TemplateDef } from '../../shared/report/template';
import { BlockView } from './DocumentBlocks';
import { documentRuns, type Orientation } from './document';
import {
  PAGE,
  PAGE_GAP,
  PX_PER_MM,
  contentHeight,
  contentWidth,
  linePitch,
  pagesOf,
  runWidth,
  textArea,
} from './page';
import { docClasses, type PreviewOptions } from './options';
import { adjustBreaks, type RowBox } from './table-slice';
import './document.css';
import './preview.css';

export interface PagedPreviewProps {
  template: TemplateDef;
  draft: Draft;
  options: PreviewOptions;
  /** Without errors the report prints final; otherwise every page carries the 草稿 mark, as the Word file does. */
  final: boolean;
  /**
   * Display size of the pages: 'fit' sets a portrait page across the view's width, a number is a
   * scale (1 = real size on a 96 dpi screen). Layout is unaffected: only the drawing changes size.
   */
  zoom: Zoom;
  onZoom(zoom: Zoom): void;
}

export type Zoom = 'fit' | number;

/** The steps of 放大 and 缩小. */
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2];

const sameCounts = (a: number[], b: number[]) => a.length === b.length && a.every((n, i) => n === b[i]);

/** The viewport's padding (preview.css .pp-viewport), where a page's edge rests after paging. */
const VIEW_PAD = 12;

/** Passes of break correction allowed per change of the draft: each fixes one table break; a report has a handful. */
const MAX_BREAK_PASSES = 12;

/** Where each body row of a table landed: page column and offsets within it, undoing the display scale. */
function rowBoxes(block: Element, flow: DOMRect, pitchPx: number, scale: number): RowBox[] {
  return [...block.querySelectorAll<HTMLTableRowElement>('tr[data-row]')].map((tr) => {
    const first = tr.getClientRects()[0] ?? tr.getBoundingClientRect();
    const x = (first.left - flow.left) / scale;
    const column = Math.floor((x + 1) / pitchPx);
    return {
      row: Number(tr.dataset.row),
      column,
      top: (first.top - flow.top) / scale,
      bottom: (first.bottom - flow.top) / scale,
    };
  });
}

/**
 * The report as A4 pages side by side, laid out as the Word file is: fonts, margins, the 28 pt
 * line grid, page numbers (— n —, odd right, even left), tables with their merges and repeated
 * header rows, a landscape page for a landscape table, attachments on new pages, and the 草稿 mark
 * unless final.
 *
 * Pagination is the browser's own: each run of same-orientation pages is one CSS multi-column
 * flow whose columns are one 版心 wide (156 mm) and as high as its whole grid lines (22 × 28 pt,
 * centred in the 225 mm: page.ts textArea), and stand a page apart, so Chromium breaks paragraphs
 * by line and tables by row the same way it does when printing PrintView. The page
 * frames are drawn behind the columns once the flow's width tells how many pages it took. Columns
 * do not repeat table header rows as printed pages do, so a table that breaks is redrawn as slices
 * at the rows where it broke, each under its header rows (table-slice.ts). Blocks re-render only
 * when their text changes; measured: about 20 ms from a keystroke to the next frame for the
 * national example, and under 60 ms for the slowest 5 % (2-core machine).
 */
export function PagedPreview({ template, draft, options, final, zoom, onZoom }: PagedPreviewProps) {
  const { t } = useTranslation();
  const runs = useMemo(() => documentRuns(template, draft), [template, draft]);
  const pitch = linePitch(options.lineSpacing);
  const flows = useRef<(HTMLDivElement | null)[]>([]);
  const viewport = useRef<HTMLDivElement>(null);
  const [viewWidth, setViewWidth] = useState(0);
  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const fit = viewWidth > 0 ? (viewWidth - 2 * VIEW_PAD) / (PAGE.portrait.width * PX_PER_MM) : 0.5;
  const scale = zoom === 'fit' ? fit : zoom;
  const zoomIn = ZOOMS.find((z) => z > scale + 0.01);
  const zoomOut = ZOOMS.findLast((z) => z < scale - 0.01);
  const [counts, setCounts] = useState<number[]>([]);
  /** Per table block: the rows where it continues on a new page, under repeated header rows. */
  const [breaks, setBreaks] = useState<Record<string, number[]>>({});
  /** Break corrections since the draft last changed, and the break sets tried, so a table whose rows
   * change height with its slicing cannot make the corrections go round in circles. */
  const passes = useRef({ runs, count: 0, tried: new Set<string>() });

  // After every render, before paint: how many pages each flow took, and whether a table broke
  // somewhere its slices do not yet say. A change re-renders before the browser paints.
  useLayoutEffect(() => {
    if (passes.current.runs !== runs) passes.current = { runs, count: 0, tried: new Set() };
    const next = runs.map((run, i) => {
      const el = flows.current[i];
      return el ? pagesOf(el.scrollWidth, run.orientation) : 1;
    });
    if (!sameCounts(next, counts)) setCounts(next);
    if (passes.current.count >= MAX_BREAK_PASSES) return;
    runs.forEach((run, i) => {
      const flow = flows.current[i];
      if (!flow) return;
      const page = PAGE[run.orientation];
      const flowRect = flow.getBoundingClientRect();
      const pitchPx = (page.width + PAGE_GAP) * PX_PER_MM;
      for (const el of flow.querySelectorAll<HTMLElement>('[data-table-block]')) {
        const key = el.dataset.tableBlock!;
        const current = breaks[key] ?? [];
        const fixed = adjustBreaks(
          current,
          rowBoxes(el, flowRect, pitchPx, scale),
          textArea(contentHeight(page), pitch).height * PX_PER_MM,
        );
        const attempt = `${key}:${fixed?.join()}`;
        if (!fixed || passes.current.tried.has(attempt)) continue;
        passes.current.tried.add(`${key}:${current.join()}`).add(attempt);
        passes.current.count++;
        setBreaks((prev) => ({ ...prev, [key]: fixed }));
        return;
      }
    });
  });

  const pageCounts = runs.map((_, i) => counts[i] ?? 1);
  const total = pageCounts.reduce((a, b) => a + b, 0);
  const widthMm =
    runs.reduce((w, run, i) => w + runWidth(run.orientation, pageCounts[i]!), 0) +
    (runs.length - 1) * PAGE_GAP;
  const heightMm = Math.max(...runs.map((r) => PAGE[r.orientation].height));
  const firstPage = (i: number) => 1 + pageCounts.slice(0, i).reduce((a, b) => a + b, 0);

  /** Brings the next (or previous) page's left edge to the left of the view. */
  const scrollByPage = (step: 1 | -1) => {
    const el = viewport.current;
    if (!el) return;
    const view = el.getBoundingClientRect();
    const edges = [...el.querySelectorAll('.pp-page')].map((p) => p.getBoundingClientRect().left - view.left);
    const target = step > 0 ? edges.find((x) => x > VIEW_PAD + 2) : edges.findLast((x) => x < VIEW_PAD - 2);
    if (target !== undefined) el.scrollBy({ left: target - VIEW_PAD, behavior: 'smooth' });
  };

  return (
    <div className="paged-preview" data-pages={total}>
      <div className="pp-bar">
        <span className="pp-count">{t('sheet.preview.pageCount', { count: total })}</span>
        {!final && <span className="pp-draft-note">{t('sheet.preview.draftNote')}</span>}
        <span className="pp-zoom" role="group" aria-label={t('ui.side.zoom')}>
          <button type="button" aria-pressed={zoom === 'fit'} onClick={() => onZoom('fit')}>
            {t('ui.side.zoomFit')}
          </button>
          <button type="button" aria-pressed={zoom === 1} onClick={() => onZoom(1)}>
            100%
          </button>
          <button
            type="button"
            aria-label={t('ui.side.zoomOut')}
            disabled={zoomOut === undefined}
            onClick={() => zoomOut !== undefined && onZoom(zoomOut)}
          >
            −
          </button>
          <output className="pp-scale">{Math.round(scale * 100)}%</output>
          <button
            type="button"
            aria-label={t('ui.side.zoomIn')}
            disabled={zoomIn === undefined}
            onClick={() => zoomIn !== undefined && onZoom(zoomIn)}
          >
            +
          </button>
        </span>
        <span className="pp-buttons">
          <button type="button" onClick={() => scrollByPage(-1)}>
            {t('sheet.preview.previousPage')}
          </button>
          <button type="button" onClick={() => scrollByPage(1)}>
            {t('sheet.preview.nextPage')}
          </button>
        </span>
      </div>
      <div
        ref={viewport}
        className="pp-viewport"
        role="region"
        aria-label={t('sheet.preview.label')}
        tabIndex={0}
      >
        <div
          className="pp-sizer"
          style={{ width: widthMm * PX_PER_MM * scale, height: heightMm * PX_PER_MM * scale }}
        >
          <div
            lang="zh-CN"
            className={`pp-strip ${docClasses(options)}`}
            style={{ transform: `scale(${scale})` }}
          >
            {runs.map((run, i) => (
              <div
                key={run.key}
                className={`pp-run is-${run.orientation}`}
                style={{ width: `${runWidth(run.orientation, pageCounts[i]!)}mm` }}
              >
                {Array.from({ length: pageCounts[i]! }, (_, p) => (
                  <PageFrame
                    key={p}
                    orientation={run.orientation}
                    index={p}
                    number={firstPage(i) + p}
                    final={final}
                  />
                ))}
                <div
                  ref={(el) => {
                    flows.current[i] = el;
                  }}
                  className="pp-flow"
                  style={flowStyle(run.orientation, pitch)}
                >
                  {run.blocks.map((b) => (
                    <BlockView key={b.key} block={b} template={template} breaks={breaks[b.key]} />
                  ))}
                </div>
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

/** The flow of a run's text: columns as high as the whole grid lines of a 版心, where a page's text runs (page.ts textArea). */
function flowStyle(orientation: Orientation, pitch: number): CSSProperties {
  const p = PAGE[orientation];
  const width = contentWidth(p);
  const text = textArea(contentHeight(p), pitch);
  return {
    top: `${p.top + text.inset}mm`,
    left: `${p.left}mm`,
    width: `${width}mm`,
    height: `${text.height}mm`,
    columnWidth: `${width}mm`,
    columnGap: `${p.width + PAGE_GAP - width}mm`,
  };
}

/** The sheet of paper behind one column: page number 7 mm under the 版心 and the 草稿 mark in the header. */
function PageFrame({
  orientation,
  index,
  number,
  final,
}: {
  orientation: Orientation;
  index: number;
  number: number;
  final: boolean;
}) {
  const p = PAGE[orientation];
  const odd = number % 2 === 1;
  return (
    <div
      className="pp-page"
      style={{ left: `${index * (p.width + PAGE_GAP)}mm`, width: `${p.width}mm`, height: `${p.height}mm` }}
      aria-hidden="true"
    >
      {!final && (
        <span
          className="pp-mark"
          style={{ top: `${orientation === 'portrait' ? 15 : 6}mm`, right: `${p.right}mm` }}
        >
          草稿
        </span>
      )}
      <span
        className="pp-number"
        style={{
          top: `${p.height - p.bottom + 4.5}mm`,
          ...(odd ? { right: `calc(${p.right}mm + 14pt)` } : { left: `calc(${p.left}mm + 14pt)` }),
        }}
      >
        {`— ${number} —`}
      </span>
    </div>
  );
}
