import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanitizeFileName, suggestedFileName, withExtension } from '../../../electron/services/file-names';
import type { Draft } from '../../../shared/report/draft';
import { harness, open, removeDir, tempDir, wizardSave } from './helpers';

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

describe('control and bidirectional characters in names', () => {
  const hostile = '某镇\u0000\u001b[31m\u202Excod.exe\u200f\u2066\u061c\u0085';

  it('are dropped from the proposed file name, so it does not display as something else', () => {
    const name = suggestedFileName(`${hostile}2025年政府信息公开工作年度报告`, 'docx', true);
    expect(name).toBe('某镇[31mxcod.exe2025年政府信息公开工作年度报告（草稿）.docx');
    expect([...name].filter((ch) => /\p{Cc}|\p{Bidi_Control}/u.test(ch))).toEqual([]);
  });

  it('are dropped from the unit’s names at the bridge, when a draft is created and when it is saved', async () => {
    const dir = tempDir();
    try {
      const h = harness(dir);
      const api = await open(h);
      const { draft } = await api.drafts.create({
        template: 'national-2021',
        year: 2025,
        unit: { name: hostile, kind: 'township' },
      });
      expect(draft.unit.name).toBe('某镇[31mxcod.exe');
      const saved = await wizardSave(api, {
        ...draft,
        unit: {
          ...draft.unit,
          name: '寮步镇\u202e人民政府',
          signature: '寮步镇\u2067办公室\u2069',
          region: '广东\n东莞',
        },
      });
      expect(saved.ok).toBe(true);
      const stored = JSON.parse(readFileSync(join(dir, 'drafts', `${draft.id}.json`), 'utf8')) as Draft;
      expect(stored.unit).toMatchObject({
        name: '寮步镇人民政府',
        signature: '寮步镇办公室',
        region: '广东东莞',
      });
      const imported = await api.drafts.importFile({
        fileName: '外来.json',
        text: JSON.stringify({ ...stored, id: 'fromElsewhere01', unit: { ...stored.unit, name: hostile } }),
      });
      expect(imported.ok && imported.opened.draft.unit.name).toBe('某镇[31mxcod.exe');
      h.answer = join(dir, 'report.docx');
      await api.exports.docx({ id: draft.id, final: false });
      expect(h.saveRequests[0]!.name).toBe('寮步镇人民政府2025年政府信息公开工作年度报告（草稿）.docx');
    } finally {
      removeDir(dir);
    }
  });
});
