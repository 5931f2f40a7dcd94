import { BODY_TRACKING, FONT, LANGUAGE } from './fonts';
import { SIZE } from '../layout/metrics';

/** Paragraph style ids the exporter writes; styles.xml below defines each. */
export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  heading4: 'Heading4',
  tableText: 'TableText',
  header: 'Header',
  footer: 'Footer',
} as const;

const rFonts = (name: string) =>
  `<w:rFonts w:ascii="${name}" w:hAnsi="${name}" w:eastAsia="${name}" w:cs="${name}"/>`;

/**
 * Word's own default (a closing mark may stand in the margin), written out because LibreOffice
 * reads the element inverted: absent, it hangs a 。、or ， that follows a full 28-character line
 * into the margin, and with the body's −0.25 pt tracking it then draws no mark at all; written, it
 * carries the line's last character down with the mark, so every character is drawn and no line
 * holds more than 28.
 */
const PUNCTUATION = '<w:overflowPunct/>';

/** Paragraphs that must not snap to the 28 pt line grid: table text at single spacing, titles, headers and footers. */
const OFF_GRID = '<w:snapToGrid w:val="0"/>';

/**
 * word/styles.xml, written whole instead of docx's default (which names theme colours, defines
 * Heading styles in blue and carries mc:Ignorable, which the schema refuses). The defaults name
 * all four font slots, so no theme font can leak into a run that forgets one. Normal has the
 * GB/T 9704 body's line pitch, so paragraphs a clerk adds in Word or WPS stay on the grid.
 * Heading styles carry outline levels so the navigation pane shows the sections. Every run also
 * carries its fonts and size directly; the styles are the fallback and the structure.
 */
export function stylesXml(line: number): string {
  const body = `${PUNCTUATION}<w:spacing w:line="${line}" w:lineRule="exact"/><w:jc w:val="both"/>`;
  const heading = (level: 1 | 2 | 3 | 4) =>
    `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/>` +
    `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>` +
    `<w:pPr><w:keepNext/><w:outlineLvl w:val="${level - 1}"/></w:pPr></w:style>`;
  const offGrid = (id: string, name: string, pPr = '', custom = false) =>
    `<w:style w:type="paragraph"${custom ? ' w:customStyle="1"' : ''} w:styleId="${id}"><w:name w:val="${name}"/>` +
    `<w:pPr>${OFF_GRID}${pPr}</w:pPr></w:style>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:docDefaults><w:rPrDefault><w:rPr>' +
    rFonts(FONT.body) +
    `<w:sz w:val="${SIZE.body}"/><w:szCs w:val="${SIZE.body}"/>` +
    `<w:lang w:val="${LANGUAGE.value}" w:eastAsia="${LANGUAGE.eastAsia}"/>` +
    '</w:rPr></w:rPrDefault>' +
    // Widow control would end some pages a line short of the 22 the grid promises.
    `<w:pPrDefault><w:pPr><w:widowControl w:val="0"/>${PUNCTUATION}</w:pPr></w:pPrDefault></w:docDefaults>` +
    // The grid's character pitch is reckoned from Normal's own size (LibreOffice reads it nowhere else).
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr>${body}</w:pPr>` +
    `<w:rPr>${rFonts(FONT.body)}<w:spacing w:val="${BODY_TRACKING}"/><w:sz w:val="${SIZE.body}"/><w:szCs w:val="${SIZE.body}"/></w:rPr></w:style>` +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>' +
    '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>' +
    '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>' +
    '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>' +
    '</w:tblCellMar></w:tblPr></w:style>' +
    offGrid(STYLE.title, 'Title', '<w:jc w:val="center"/>') +
    heading(1) +
    heading(2) +
    heading(3) +
    heading(4) +
    offGrid(STYLE.tableText, 'Table Text', '', true) +
    offGrid(STYLE.header, 'header') +
    offGrid(STYLE.footer, 'footer') +
    '</w:styles>'
  );
}
