import { describe, expect, it } from 'vitest';
import { sanitizeFileName, suggestedFileName, withExtension } from '../../../electron/services/file-names';

describe('file names the save dialog proposes', () => {
  it('is the report title with its extension, marked 草稿 when the file is', () => {
    const title = '寮步镇人民政府2025年政府信息公开工作年度报告';
    expect(suggestedFileName(title, 'docx', false)).toBe(`${title}.docx`);
    expect(suggestedFileName(title, 'xlsx', true)).toBe(`${title}（草稿）.xlsx`);
  });

  it('replaces what Windows forbids with full-width forms that read the same', () => {
    expect(sanitizeFileName('东城街道/社区<试点>:"A|B"?*\\')).toBe('东城街道／社区＜试点＞：＂A｜B＂？＊＼');
  });

  it('drops control characters and the trailing dots and spaces Windows would drop silently', () => {
    expect(sanitizeFileName('报告\u0000\u0007\t年度. . ')).toBe('报告年度');
  });

  it('never yields a device name or nothing', () => {
    expect(sanitizeFileName('CON')).toBe('_CON');
    expect(sanitizeFileName('nul.txt')).toBe('_nul.txt');
    expect(sanitizeFileName('  ')).toBe('年度报告');
    expect(sanitizeFileName('...')).toBe('年度报告');
  });

  it('cuts an overlong title at a whole character (rare 𠮷 included)', () => {
    const name = sanitizeFileName('𠮷'.repeat(300));
    expect([...name]).toHaveLength(120);
    expect(name).toBe('𠮷'.repeat(120));
  });

  it('adds a missing extension and keeps a present one', () => {
    expect(withExtension('/u/报告', 'docx')).toBe('/u/报告.docx');
    expect(withExtension('/u/报告.DOCX', 'docx')).toBe('/u/报告.DOCX');
  });
});
