import type { Draft } from './draft';
import { paragraphs } from './text';

/**
 * How much of this year's prose repeats last year's, sentence by sentence. Real reports repeated
 * 42% to 84% of the previous year's text; a reader of two years side by side notices at once.
 *
 * Sentences every report shares (the 前言's basis in 《条例》, the statistics period, where to
 * download it, whom to ask) and the sentences generated from the numbers are left out of both
 * sides of the share: repeating them is the format, not copying. A sentence whose only change is
 * the year ("2026年，…" made "2027年，…") still counts as repeated.
 */
export interface RepeatResult {
  /** Repeated characters ÷ all counted characters of this year's prose, 0–1 (0 when nothing is counted). */
  share: number;
  /** This year's sentences, per slot, that last year's prose already had. */
  repeatedSentences: Record<string, string[]>;
}

/** This year's prose per slot, or a draft (whose generated sentences are then left out). */
export type RepeatSource =
  Record<string, string> | (Pick<Draft, 'prose'> & Partial<Pick<Draft, 'generated'>>);

const STOCK = [
  /《中华人民共和国政府信息公开条例》.*(?:编制|要求|规定)/,
  /统计(?:期限|时限|期间|区间|时间)|所列数据/,
  /电子版/,
  /有任何疑问|如有疑问|请与.{0,30}联系|联系电话|联系地址/,
  /全文包括|本报告由|报告如下|组成。$/,
];
/** Shorter sentences ("无。", "（一）主动公开") say too little to count as copied. */
const MIN_LENGTH = 6;

export function sentences(text: string): string[] {
  return paragraphs(text).flatMap((p) =>
    p
      .split(/(?<=[。！？；!?])/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** The form two sentences are compared in: no spaces, the year and full-width digits made neutral. */
function comparable(sentence: string): string {
  return sentence
    .replace(/\s+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(?<!\d)\d{4}(?=年)/g, '#');
}

/** The comparable form of a sentence that counts, or null for a stock or too short one. */
const counted = (sentence: string): string | null => {
  const form = comparable(sentence);
  return form.length >= MIN_LENGTH && !STOCK.some((re) => re.test(sentence)) ? form : null;
};

function isDraft(source: RepeatSource): source is Pick<Draft, 'prose'> & Partial<Pick<Draft, 'generated'>> {
  return typeof source.prose === 'object' && source.prose !== null;
}

export function repeatedText(current: RepeatSource, lastProse: Record<string, string>): RepeatResult {
  const prose = isDraft(current) ? current.prose : current;
  const generated = isDraft(current) ? (current.generated ?? {}) : {};
  const last = new Set(
    Object.values(lastProse)
      .flatMap(sentences)
      .map(counted)
      .filter((form) => form !== null),
  );
  let total = 0;
  let repeated = 0;
  const repeatedSentences: Record<string, string[]> = {};
  for (const [slot, text] of Object.entries(prose)) {
    const own = new Set(sentences(generated[slot] ?? ''));
    for (const sentence of sentences(text)) {
      const form = own.has(sentence) ? null : counted(sentence);
      if (form === null) continue;
      total += form.length;
      if (!last.has(form)) continue;
      repeated += form.length;
      (repeatedSentences[slot] ??= []).push(sentence);
    }
  }
  return { share: total === 0 ? 0 : repeated / total, repeatedSentences };
}

/** The paragraphs of `text` that are mostly (at least half their characters) repeated sentences. */
export function repeatedParagraphs(text: string, repeated: readonly string[]): string[] {
  const known = new Set(repeated);
  return paragraphs(text).filter((p) => {
    const parts = sentences(p);
    const copied = parts.filter((s) => known.has(s)).reduce((n, s) => n + s.length, 0);
    return copied > 0 && copied * 2 >= parts.reduce((n, s) => n + s.length, 0);
  });
}
