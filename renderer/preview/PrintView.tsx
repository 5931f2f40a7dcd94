import { useEffect, useMemo, useRef } from 'react';
import type { Draft } from '../../shared/report/draft';
import type { TemplateDef } from '../../shared/report/template';
import { BlockView } from './DocumentBlocks';
import { documentRuns } from './document';
import { docClasses, type PreviewOptions } from './options';
import { ORIENTATIONS, printBox, printBoxProperties, type PrintSize } from './print-page';
import './document.css';
import './print.css';

export type { PrintSize } from './print-page';

/** 2号 ×141 % (31 pt) in the 156 mm 版心: 14 characters a line. */
const ENLARGED_TITLE_EMS = 14;

/** Table type on the enlarged A4: tables keep the 156 mm width, so their type grows by 120 % only (document.css). */
const ENLARGED_TABLE_TYPE = 1.2;

export interface PrintViewProps {
  template: TemplateDef;
  draft: Draft;
  options: PreviewOptions;
  /** False prints the 草稿 mark in every page's header, as the Word file of a draft with errors. */
  final: boolean;
  size: PrintSize;
  /** Called once fonts are loaded and the document is laid out, right after `<html data-print-ready="1">` is set. */
  onReady?: () => void;
}

/**
 * The report laid out for printing by the browser itself (the print route: Electron's printToPDF
 * and print, Chromium's page.pdf()). Pages come from CSS @page rules in print.css: A4 or A3, the
 * GB/T 9704 margins, page numbers "— n —" in margin boxes (odd pages right, even left), a landscape
 * page for a landscape table, header rows repeated where a table breaks. Page size comes from
 * named pages, so the printer must honour CSS page size (printToPDF and page.pdf() with
 * preferCSSPageSize).
 */
export function PrintView({ template, draft, options, final, size, onReady }: PrintViewProps) {
  const runs = useMemo(
    () =>
      size === 'a4-enlarged'
        ? documentRuns(template, draft, ENLARGED_TITLE_EMS, ENLARGED_TABLE_TYPE)
        : documentRuns(template, draft),
    [template, draft, size],
  );

  const ready = useRef(onReady);
  useEffect(() => {
    ready.current = onReady;
  });
  const { boldHeadings, lineSpacing } = options;

  useEffect(() => {
    const root = document.documentElement;
    // The 草稿 mark is content of the page's margin box, which reads it from the root element.
    root.classList.toggle('print-draft', !final);
    // The @page margins read where the text runs from the root element too.
    const properties = ORIENTATIONS.flatMap((o) => printBoxProperties(printBox(size, o, lineSpacing), o));
    for (const [name, value] of properties) root.style.setProperty(name, value);
    delete root.dataset.printReady;
    let cancelled = false;
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (cancelled) return;
          root.dataset.printReady = '1';
          ready.current?.();
        }),
      ),
    );
    return () => {
      cancelled = true;
      root.classList.remove('print-draft');
      for (const [name] of properties) root.style.removeProperty(name);
    };
  }, [runs, final, size, boldHeadings, lineSpacing]);

  return (
    <div lang="zh-CN" className={`print-doc is-${size} ${docClasses(options)}`}>
      {runs.map((run) => (
        <section key={run.key} className={`print-run is-${run.orientation}`}>
          {run.blocks.map((b) => (
            <BlockView key={b.key} block={b} template={template} />
          ))}
        </section>
      ))}
    </div>
  );
}
