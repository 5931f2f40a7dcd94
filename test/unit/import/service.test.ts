import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, open, removeDir, tempDir } from '../services/helpers';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('drafts.importDocument, through the bridge', () => {
  it('a Word file becomes a saved draft, with the import report beside it', async () => {
    const api = await open(harness(dir));
    const bytes = readFileSync('test/fixtures/import/published/xjnlk-town-2023.docx');
    const result = await api.drafts.importDocument({ fileName: 'xjnlk-town-2023.docx', data: base64(bytes) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.template).toBe('national-2021');
    expect(result.opened.draft.values['t2.rules.current']).toBe(6);
    const reopened = await api.drafts.open(result.opened.draft.id);
    expect(reopened.draft.year).toBe(2023);
    expect((await api.drafts.list()).map((d) => d.id)).toContain(result.opened.draft.id);
  });

  it('a .wps file is refused with what to do, and nothing is saved', async () => {
    const api = await open(harness(dir));
    const before = (await api.drafts.list()).length;
    const result = await api.drafts.importDocument({
      fileName: '报告.wps',
      data: base64(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
    });
    expect(result).toEqual({
      ok: false,
      error: { key: 'import.error.oldWord', params: { name: '报告.wps' } },
    });
    expect(await api.drafts.list()).toHaveLength(before);
  });
});
