import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { tableRows, type RawCell, type SourceBlock } from './source';

/**
 * A saved web page: its paragraphs and tables. Portals set reports in <p>, <div> and <table>, with
 * numbers often split over <span>s ("20</span><span>23"), so the text of an element is the text of
 * all its descendants joined without a gap, and only block elements and <br> break a line.
 */

const SKIP = new Set(['script', 'style', 'noscript', 'head', 'template', 'select', 'button', 'iframe']);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'td',
  'th',
  'table',
  'blockquote',
  'pre',
  'center',
  'dd',
  'dt',
  'dl',
  'header',
  'footer',
  'main',
  'form',
]);

const isElement = (n: T.ChildNode): n is T.Element => 'tagName' in n;
const span = (el: T.Element, name: string) =>
  Math.max(1, Math.min(100, Number(el.attrs.find((a) => a.name === name)?.value ?? 1) || 1));

/** An element's text with line breaks where blocks and <br> break it. */
function textOf(node: T.ParentNode): string {
  let out = '';
  for (const child of node.childNodes) {
    if (child.nodeName === '#text') out += (child as T.TextNode).value.replace(/[\s\u00A0]+/g, ' ');
    else if (isElement(child) && !SKIP.has(child.tagName)) {
      if (child.tagName === 'br') out += '\n';
      else if (BLOCK.has(child.tagName)) out += `\n${textOf(child)}\n`;
      else out += textOf(child);
    }
  }
  return out;
}

function rowsOf(table: T.Element): T.Element[] {
  const out: T.Element[] = [];
  const walk = (el: T.Element) => {
    for (const c of el.childNodes)
      if (isElement(c)) {
        if (c.tagName === 'tr') out.push(c);
        else if (c.tagName !== 'table') walk(c);
      }
  };
  walk(table);
  return out;
}

export function htmlBlocks(html: string): SourceBlock[] {
  const doc = parse(html);
  const blocks: SourceBlock[] = [];
  let line = '';
  let paragraphCount = 0;
  let tableCount = 0;
  const flush = () => {
    for (const l of line.split('\n')) {
      const t = l.trim();
      if (!t) continue;
      paragraphCount++;
      blocks.push({ kind: 'paragraph', text: t, origin: { kind: 'paragraph', index: paragraphCount } });
    }
    line = '';
  };
  const walk = (node: T.ParentNode) => {
    for (const child of node.childNodes) {
      if (child.nodeName === '#text') line += (child as T.TextNode).value.replace(/[\s\u00A0]+/g, ' ');
      if (!isElement(child) || SKIP.has(child.tagName)) continue;
      if (child.tagName === 'br') line += '\n';
      else if (child.tagName === 'table') {
        flush();
        tableCount++;
        const rows: RawCell[][] = rowsOf(child).map((tr) =>
          tr.childNodes
            .filter((c): c is T.Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'))
            .map((td) => ({
              text: textOf(td).trim(),
              colSpan: span(td, 'colspan'),
              rowSpan: span(td, 'rowspan'),
            })),
        );
        blocks.push(...tableRows(tableCount, rows));
      } else if (BLOCK.has(child.tagName)) {
        flush();
        walk(child);
        flush();
      } else walk(child);
    }
  };
  walk(doc);
  flush();
  return blocks;
}
