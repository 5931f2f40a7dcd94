import type { SourceBlock } from './source';

/**
 * Reports republished through a traditional-script converter (海盐 2012 on the county portal):
 * the labels, headings and figures are the ones the template knows, only in the other script,
 * and characters the converter had no form for carry their pinyin in brackets (現(xiàn)). The
 * report is written in simplified characters, so such a document is read in simplified
 * characters; the import report says how many characters were converted and notes removed.
 */

export interface ScriptChanges {
  /** Characters converted from traditional to simplified. */
  traditional: number;
  /** Pinyin notes removed, e.g. the "(xiàn)" of 現(xiàn). */
  pinyin: number;
  /** The first note removed, as printed, for the clerk to recognise. */
  pinyinExample: string;
}

const HAN = /[\u3400-\u9fff]/g;
/** A bracketed syllable with a tone mark straight after a character: a converter's note, not text. */
const PINYIN_NOTE = /(?<=[\u3400-\u9fff])[(（]([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*)[)）]/g;
/**
 * A document is traditional when this share of its characters has a different simplified form.
 * Simplified text has almost none (a few characters both scripts share are in the table).
 */
const TRADITIONAL_SHARE = 0.03;
const TRADITIONAL_MIN = 20;

type Convert = (text: string) => string;

/** The converter is 100 KB of tables: loaded only for a document that needs it. */
async function converter(): Promise<Convert> {
  const OpenCC = await import('opencc-js/t2cn');
  return OpenCC.Converter({ from: 't', to: 'cn' });
}

function textsOf(blocks: SourceBlock[]): string[] {
  return blocks.flatMap((b) =>
    b.kind === 'paragraph' ? [b.text] : [...b.labels, ...b.values.flatMap((v) => [v.text, ...v.headers])],
  );
}

function mapTexts(blocks: SourceBlock[], f: (text: string) => string): SourceBlock[] {
  return blocks.map((b) =>
    b.kind === 'paragraph'
      ? { ...b, text: f(b.text) }
      : {
          ...b,
          labels: b.labels.map(f),
          values: b.values.map((v) => ({ ...v, text: f(v.text), headers: v.headers.map(f) })),
        },
  );
}

function isTraditional(texts: string[], convert: Convert): boolean {
  const counts = new Map<string, number>();
  let han = 0;
  for (const text of texts)
    for (const [c] of text.matchAll(HAN)) {
      counts.set(c, (counts.get(c) ?? 0) + 1);
      han++;
    }
  let changed = 0;
  for (const [c, n] of counts) if (convert(c) !== c) changed += n;
  return changed >= TRADITIONAL_MIN && changed >= han * TRADITIONAL_SHARE;
}

function differing(a: string, b: string): number {
  if (a.length !== b.length) return Math.abs(a.length - b.length) + 1;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

/** A quick look, so that a simplified document (nearly all of them) never loads the converter. */
function mayBeTraditional(texts: string[]): boolean {
  return texts.some((t) => /[們這為說體開報會國與發條數處縣區鎮單於時對個關現資應]/.test(t));
}

export async function toSimplified(
  blocks: SourceBlock[],
): Promise<{ blocks: SourceBlock[]; changes: ScriptChanges }> {
  const changes: ScriptChanges = { traditional: 0, pinyin: 0, pinyinExample: '' };
  let result = mapTexts(blocks, (text) =>
    text.replace(PINYIN_NOTE, (note, _syllable, offset: number) => {
      changes.pinyin++;
      changes.pinyinExample ||= text.slice(Math.max(0, offset - 1), offset) + note;
      return '';
    }),
  );
  const texts = textsOf(result);
  if (!mayBeTraditional(texts)) return { blocks: result, changes };
  const convert = await converter();
  if (!isTraditional(texts, convert)) return { blocks: result, changes };
  result = mapTexts(result, (text) => {
    const simplified = convert(text);
    changes.traditional += differing(text, simplified);
    return simplified;
  });
  return { blocks: result, changes };
}
