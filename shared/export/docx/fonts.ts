import { TextRun, type IRunOptions } from 'docx';
import { stripIllegalXml } from '../../report/text';
import { SIZE } from '../layout/metrics';

/**
 * The faces GB/T 9704 names. Word falls back to MS Mincho or 等线 for any of the four font slots
 * left empty (and through theme fonts), so every run names its face in all four slots.
 */
export const FONT = {
  /** 标题: 方正小标宋简体 (licensed, never embedded; fontTable.xml names 宋体 as its stand-in). */
  title: '方正小标宋简体',
  /** 正文 and heading levels 3–4: 仿宋_GB2312, with 仿宋 as its stand-in on Windows 10. */
  body: '仿宋_GB2312',
  /** Heading level 1 and 附件 labels. */
  heading1: '黑体',
  /** Heading level 2: 楷体_GB2312, with 楷体 as its stand-in. */
  heading2: '楷体_GB2312',
  /** Page numbers: 4号半角宋体. */
  pageNumber: '宋体',
} as const;

export type FontName = (typeof FONT)[keyof typeof FONT];

/**
 * Tracking of 3号 text in twentieths of a point. 28 characters of 16 pt are 448 pt, the 156 mm
 * line only 442 pt: Word templates squeeze them with a negative grid charSpace, which LibreOffice
 * cannot honour, so each character gives up a quarter point instead (28 × 15.75 pt = 441 pt).
 */
export const BODY_TRACKING = -5;

/**
 * The run languages Word itself writes for a Chinese document. The East Asian one picks the
 * Chinese glyph forms (without it LibreOffice shows the Japanese forms of the same face); the
 * Latin one must not be Chinese, or LibreOffice breaks digits anywhere, as in Chinese text
 * (至20⏎25年, 3⏎9宗).
 */
export const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

export const fontSlots = (name: FontName) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

export interface RunStyle {
  font: FontName;
  /** Half-points. */
  size: number;
  bold?: boolean;
}

/** Run properties for text and for paragraph marks, which set the height of an empty line. */
export function runProperties(style: RunStyle) {
  return {
    font: fontSlots(style.font),
    size: style.size,
    ...(style.bold ? { bold: true } : {}),
    ...(style.size === SIZE.body ? { characterSpacing: BODY_TRACKING } : {}),
    language: LANGUAGE,
  } satisfies IRunOptions;
}

/** A run of draft or template text. Characters XML forbids (pasted from other documents) would make Word refuse the file. */
export function textRun(text: string, style: RunStyle, extra: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ ...runProperties(style), ...extra, text: stripIllegalXml(text) });
}

/**
 * word/fontTable.xml: the faces the document names, each with the stand-in Word and WPS use on a
 * machine without it (w:altName) and the GB2312 character set (86), so a missing 仿宋_GB2312
 * becomes 仿宋 rather than a Latin face. Nothing is embedded: 方正小标宋 is licensed.
 */
export function fontTableXml(): string {
  const faces: {
    name: string;
    alt?: string;
    family: 'roman' | 'modern' | 'script';
    pitch: 'fixed' | 'variable';
  }[] = [
    { name: FONT.body, alt: '仿宋', family: 'modern', pitch: 'fixed' },
    { name: FONT.title, alt: '宋体', family: 'script', pitch: 'fixed' },
    { name: FONT.heading1, family: 'modern', pitch: 'fixed' },
    { name: FONT.heading2, alt: '楷体', family: 'modern', pitch: 'fixed' },
    { name: FONT.pageNumber, family: 'roman', pitch: 'variable' },
  ];
  const font = (f: (typeof faces)[number]) =>
    `<w:font w:name="${f.name}">${f.alt ? `<w:altName w:val="${f.alt}"/>` : ''}` +
    `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    faces.map(font).join('') +
    '</w:fonts>'
  );
}
