import JSZip from 'jszip';
import { tableRows, type RawCell, type SourceBlock } from './source';

/**
 * A .docx from Word or WPS, read from its word/document.xml: paragraphs, and tables with their
 * merges (w:gridSpan across, w:vMerge down). The text of a paragraph is the text of all its runs,
 * so a number Word split over several runs ("20" "23") reads whole again.
 */

interface DocxCell extends RawCell {
  merge: 'none' | 'restart' | 'continue';
}

const TOKEN = /<(\/?)([A-Za-z][\w.-]*:?[\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITY[e] ?? m;
  });
}

const attr = (attrs: string, name: string): string | undefined =>
  new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];

/** Cells continuing a vertical merge are folded into the cell above them, which spans one more row. */
function resolveMerges(rows: DocxCell[][]): RawCell[][] {
  const owner: (DocxCell | undefined)[][] = [];
  const out: RawCell[][] = [];
  rows.forEach((cells, r) => {
    const kept: RawCell[] = [];
    let col = 0;
    owner[r] = [];
    for (const cell of cells) {
      const above = owner[r - 1]?.[col];
      const target = cell.merge === 'continue' && above ? above : cell;
      if (target !== cell) {
        if (owner[r - 1]![col] === above && !owner[r]!.includes(above!)) above!.rowSpan++;
        if (cell.text.trim()) above!.text += `\n${cell.text}`;
      } else kept.push(cell);
      for (let c = 0; c < cell.colSpan; c++) owner[r]![col + c] = target;
      col += cell.colSpan;
    }
    out.push(kept);
  });
  return out;
}

export function documentXmlBlocks(xml: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const paragraphs: string[] = [];
  let tableDepth = 0;
  let rows: DocxCell[][] = [];
  let cell: DocxCell | null = null;
  let inText = false;
  let skipDepth = 0;
  let tableCount = 0;
  let paragraphCount = 0;

  const emit = (text: string) => {
    for (const line of text.split('\n')) {
      paragraphCount++;
      blocks.push({
        kind: 'paragraph',
        text: line.trim(),
        origin: { kind: 'paragraph', index: paragraphCount },
      });
    }
  };

  for (const m of xml.matchAll(TOKEN)) {
    const [, close, name, attrs = '', selfClose, text] = m;
    if (text !== undefined) {
      if (inText && skipDepth === 0 && paragraphs.length > 0)
        paragraphs[paragraphs.length - 1] += decodeEntities(text);
      continue;
    }
    // Deleted and moved-away text of tracked changes is not the document's text (moved text is
    // read where it was moved to); nor are a field's code or a drawing's fallback copy.
    if (name === 'mc:Fallback' || name === 'w:delText' || name === 'w:instrText' || name === 'w:moveFrom') {
      if (!selfClose) skipDepth += close ? -1 : 1;
      continue;
    }
    if (skipDepth > 0) continue;
    switch (name) {
      case 'w:t':
        inText = !close && !selfClose;
        break;
      case 'w:tab':
        if (!close && paragraphs.length > 0) paragraphs[paragraphs.length - 1] += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        if (!close && paragraphs.length > 0) paragraphs[paragraphs.length - 1] += '\n';
        break;
      case 'w:p':
        if (selfClose) {
          if (tableDepth === 0) emit('');
        } else if (!close) paragraphs.push('');
        else {
          const p = paragraphs.pop() ?? '';
          if (paragraphs.length > 0) paragraphs[paragraphs.length - 1] += p;
          else if (tableDepth > 0 && cell) cell.text += cell.text ? `\n${p}` : p;
          else if (tableDepth === 0) emit(p);
        }
        break;
      case 'w:tbl':
        if (!close) {
          tableDepth++;
          if (tableDepth === 1) rows = [];
        } else if (--tableDepth === 0) {
          tableCount++;
          blocks.push(...tableRows(tableCount, resolveMerges(rows)));
        }
        break;
      case 'w:tr':
        if (!close && tableDepth === 1) rows.push([]);
        break;
      case 'w:tc':
        if (!close && tableDepth === 1) {
          cell = { text: '', colSpan: 1, rowSpan: 1, merge: 'none' };
          rows.at(-1)?.push(cell);
        }
        break;
      case 'w:gridSpan':
        if (cell && tableDepth === 1) cell.colSpan = Math.max(1, Number(attr(attrs, 'w:val') ?? 1) || 1);
        break;
      case 'w:vMerge':
        if (cell && tableDepth === 1)
          cell.merge = attr(attrs, 'w:val') === 'restart' ? 'restart' : 'continue';
        break;
    }
  }
  return blocks;
}

/** Insertions, deletions and moves still tracked in the document (修订), not yet accepted or rejected. */
export function trackedChanges(xml: string): number {
  return xml.match(/<w:(?:ins|del|moveFrom|moveTo)[\s>]/g)?.length ?? 0;
}

/** Reads a .docx; null when the zip holds no Word document. */
export async function docxBlocks(
  bytes: Uint8Array,
): Promise<{ blocks: SourceBlock[]; trackedChanges: number } | null> {
  const zip = await JSZip.loadAsync(bytes);
  const main = zip.file('word/document.xml');
  if (!main) return null;
  const xml = await main.async('string');
  return { blocks: documentXmlBlocks(xml), trackedChanges: trackedChanges(xml) };
}
