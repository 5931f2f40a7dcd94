import { plainName } from '../../shared/bridge';

/** Characters Windows forbids in a file name, replaced by their full-width forms, which read the same in a Chinese title. */
const FULL_WIDTH = new Map([
  ['<', '＜'],
  ['>', '＞'],
  [':', '：'],
  ['"', '＂'],
  ['/', '／'],
  ['\\', '＼'],
  ['|', '｜'],
  ['?', '？'],
  ['*', '＊'],
]);

/** CON, PRN, AUX, NUL, COM1–9 and LPT1–9 name devices on Windows, even with an extension. */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** Well under NTFS's 255 characters, leaving room for the folder in a path of at most 260. */
const MAX_LENGTH = 120;

/**
 * A file name that Windows, UOS and Kylin all accept, from a report title: forbidden characters
 * become their full-width forms, control and bidirectional-override characters go (after a U+202E
 * the rest of the name displays reversed, and a .docx can read as a .exe), trailing dots and spaces (which Windows
 * drops silently) go, device names get a prefix, and overlong titles are cut at a whole character.
 */
export function sanitizeFileName(name: string): string {
  const replaced = [...plainName(name)]
    .map((ch) => FULL_WIDTH.get(ch) ?? ch)
    .slice(0, MAX_LENGTH)
    .join('')
    .trim()
    .replace(/[. ]+$/, '');
  if (replaced === '') return '年度报告';
  return RESERVED.test(replaced) ? `_${replaced}` : replaced;
}

export type ExportKind = 'docx' | 'xlsx' | 'pdf' | 'json';

/**
 * The name the save dialog proposes: the report's title, e.g.
 * 寮步镇人民政府2025年政府信息公开工作年度报告.docx. A file marked 草稿 inside says so in its name
 * too, so it is not mistaken for the final report in the folder.
 */
export function suggestedFileName(title: string, kind: ExportKind, draftMarked: boolean): string {
  return `${sanitizeFileName(draftMarked ? `${title}（草稿）` : title)}.${kind}`;
}

/** The clerk may type a name without its extension; WPS then cannot tell what the file is. */
export function withExtension(path: string, kind: ExportKind): string {
  return path.toLowerCase().endsWith(`.${kind}`) ? path : `${path}.${kind}`;
}
