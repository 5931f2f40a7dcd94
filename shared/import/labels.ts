/**
 * Label text as it is compared: published tables spell the same label many ways (half- or
 * full-width brackets, quotes or none, 商业\n企业 over two lines, 其中： before a part, numbering
 * 一、 （三） 1. in front), so both sides are reduced to the words alone before they are compared.
 */

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const SPACE = /[\s\u3000\u00A0\u200B\uFEFF]+/g;
const NUMBERING =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d)|其中[：:]?)/;
const PUNCTUATION = /[“”"'‘’「」『』《》〈〉、，,。.；;：:！!？?（）()【】[\]—\-－_·…|｜/／]/g;

/** Words printed wrongly often enough that a reader would not notice: read them as meant. */
const SPELLINGS: [RegExp, string][] = [
  [/国办公开办涵/g, '国办公开办函'],
  [/现行有效件(?!数)/g, '现行有效件数'],
];

/**
 * The 2019 trial format (国办公开办函〔2019〕60号), which many towns still printed for 2021–2023,
 * names some of the 2021 format's things in other words: read them as the 2021 words. Whole
 * labels only, so 行政规范性文件 is not read as 行政行政规范性文件.
 */
const FORMER_WORDINGS: [RegExp, string][] = [
  [/^规范性文件$/, '行政规范性文件'],
  [/^本年新制作数量$/, '本年制发件数'],
  [/^对外公开总数量$/, '现行有效件数'],
  [/^处理决定数量$/, '本年处理决定数量'],
];

/**
 * Columns of the 2019 trial format's 表二 that the 2021 format dropped: a number printed under one
 * of them answers no field, and must not be read into the field that stands at its place.
 */
export const FORMER_COLUMNS = new Set([
  '本年新公开数量',
  '上一年项目数量',
  '本年增减',
  '采购项目数量',
  '采购总金额',
]);

/** Full-width letters, digits and brackets to ASCII, so （一） and (一) compare equal. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The words of a label: no spaces, no numbering in front, no punctuation, usual misspellings read as meant. */
export function labelKey(text: string): string {
  let t = text.replace(SPACE, '');
  for (let prev = ''; prev !== t;) {
    prev = t;
    t = t.replace(NUMBERING, '');
  }
  t = t.replace(PUNCTUATION, '');
  t = toHalfWidth(t).replace(/[()]/g, '');
  for (const [wrong, right] of SPELLINGS) t = t.replace(wrong, right);
  for (const [former, now] of FORMER_WORDINGS) t = t.replace(former, now);
  return t;
}

/**
 * Whether a printed label stands for the template's: the same words, or one a shortening of the
 * other ("部分公开" for "部分公开（区分处理的，只计这一情形，不计其他情形）"). Short labels such as
 * 其他 and 总计 must match exactly, or they would match half the table.
 */
export function labelMatches(printed: string, template: string): boolean {
  if (!printed || !template) return false;
  if (printed === template) return true;
  const [short, long] = printed.length < template.length ? [printed, template] : [template, printed];
  return short.length >= 4 && long.startsWith(short);
}

/** Character bigrams, for matching section titles by their words rather than their exact wording. */
function bigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) out.push(text.slice(i, i + 2));
  return out;
}

/** Dice's coefficient over character bigrams: 1 for the same words, 0 for none in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const pool = [...y];
  let common = 0;
  for (const g of x) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      common++;
      pool.splice(i, 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}
