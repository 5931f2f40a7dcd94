import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import { FONT, runProperties, textRun } from './fonts';
import { titleLines } from '../layout/lines';
import { SIZE } from '../layout/metrics';
import { STYLE } from './styles';

/** Defined with the other line rules, free of `docx`, for the print preview; re-exported where the exporter uses it. */
export { titleLines } from '../layout/lines';

/** The title in 2号方正小标宋简体, centred, one paragraph per line, its lines a quarter further apart than the body's (35 pt). */
export function titleParagraphs(title: string, unitName: string, line: number): Paragraph[] {
  const style = { font: FONT.title, size: SIZE.title };
  return titleLines(title, unitName).map(
    (text) =>
      new Paragraph({
        style: STYLE.title,
        alignment: AlignmentType.CENTER,
        spacing: { line: Math.round(line * 1.25), lineRule: LineRuleType.EXACT },
        keepNext: true,
        run: runProperties(style),
        children: [textRun(text, style)],
      }),
  );
}
