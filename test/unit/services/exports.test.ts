import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeApi } from '../../../shared/bridge';
import { readDraft } from '../../../shared/report/draft-io';
import {
  draftWithError,
  harness,
  immutableSupported,
  mountTmpfs,
  open,
  removeDir,
  setImmutable,
  tempDir,
  told,
  unmount,
  warnSkipped,
  type Harness,
  wizardSave,
} from './helpers';

const TITLE = '寮步镇人民政府2025年政府信息公开工作年度报告';

let dir: string;
let out: string;
let h: Harness;
let api: BridgeApi;
let id: string;
beforeEach(async () => {
  dir = tempDir();
  out = join(dir, 'U盘');
  mkdirSync(out);
  h = harness(join(dir, 'data'));
  api = await open(h);
  const { draft } = await api.drafts.create({
    template: 'national-2021',
    year: 2025,
    unit: { name: '寮步镇人民政府', kind: 'township' },
  });
  id = draft.id;
});
afterEach(() => removeDir(dir));

const leftovers = (folder: string) => readdirSync(folder).filter((n) => n.endsWith('.tmp'));

/** The words of a .docx: body, headers and footers. */
async function documentText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts = zip.file(/^word\/(document|header\d*|footer\d*)\.xml$/);
  const texts = await Promise.all(parts.map((f) => f.async('string')));
  return texts.join('\n').replace(/<[^>]+>/g, '');
}

describe('exporting to the clerk’s disk', () => {
  it('proposes the report title in the last folder, writes the file there, and remembers the folder', async () => {
    h.answer = join(out, `${TITLE}.docx`);
    const result = await api.exports.docx({ id, final: true });
    expect(result).toEqual({ ok: true, path: join(out, `${TITLE}.docx`), draftMarked: false });
    expect(h.saveRequests).toEqual([{ name: `${TITLE}.docx`, kind: 'docx', folder: '' }]);
    expect(await documentText(join(out, `${TITLE}.docx`))).toContain(TITLE);
    expect(leftovers(out)).toEqual([]);

    expect((await api.settings.get()).lastFolder).toBe(out);
    h.answer = join(out, `${TITLE}.xlsx`);
    expect(await api.exports.xlsx({ id, final: true })).toMatchObject({ ok: true, draftMarked: false });
    expect(h.saveRequests[1]).toEqual({ name: `${TITLE}.xlsx`, kind: 'xlsx', folder: out });
    expect(
      readFileSync(join(out, `${TITLE}.xlsx`))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('adds the extension when the clerk typed a name without it', async () => {
    h.answer = join(out, '给县里的');
    expect(await api.exports.docx({ id, final: true })).toMatchObject({
      ok: true,
      path: join(out, '给县里的.docx'),
    });
  });

  it('a cancelled dialog writes nothing', async () => {
    h.answer = null;
    expect(await api.exports.docx({ id, final: true })).toEqual({ ok: false, cancelled: true });
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a final export of a report with errors, and marks any other export 草稿', async () => {
    const { draft } = await api.drafts.open(id);
    await wizardSave(api, { ...draft, values: draftWithError().values });
    h.answer = join(out, 'final.docx');
    const refused = await api.exports.docx({ id, final: true });
    expect(refused).toMatchObject({ ok: false, error: { key: 'app.export.hasErrors' } });
    if (!refused.ok && 'error' in refused) expect(told(refused.error)).toMatch(/\d+ 处错误/);
    expect(h.saveRequests).toEqual([]);
    expect(existsSync(join(out, 'final.docx'))).toBe(false);

    h.answer = join(out, `${TITLE}（草稿）.docx`);
    expect(await api.exports.docx({ id, final: false })).toMatchObject({ ok: true, draftMarked: true });
    expect(h.saveRequests[0]!.name).toBe(`${TITLE}（草稿）.docx`);
    expect(await documentText(join(out, `${TITLE}（草稿）.docx`))).toContain('草稿');
  });

  it('a PDF is the print view rendered by the shell, written like any export', async () => {
    const rendered: unknown[] = [];
    const withPdf = harness(join(dir, 'data'), {
      renderPdf: async (...args) => {
        rendered.push(args);
        return new TextEncoder().encode('%PDF-1.7 print view');
      },
    });
    withPdf.answer = join(out, `${TITLE}.pdf`);
    const pdfApi = await open(withPdf);
    expect(await pdfApi.exports.pdf({ id, final: true, size: 'a3' })).toMatchObject({ ok: true });
    expect(rendered).toEqual([[id, 'a3', true]]);
    expect(readFileSync(join(out, `${TITLE}.pdf`), 'utf8')).toBe('%PDF-1.7 print view');
  });

  it('the draft file for the USB stick reads back as the same draft', async () => {
    h.answer = join(out, `${TITLE}.json`);
    expect(await api.drafts.exportFile(id)).toMatchObject({ ok: true, draftMarked: false });
    const read = readDraft(readFileSync(join(out, `${TITLE}.json`), 'utf8'));
    expect(read.ok && read.draft.id).toBe(id);
  });

  it('shows in the file manager only what this session exported', async () => {
    h.answer = join(out, `${TITLE}.docx`);
    await api.exports.docx({ id, final: true });
    expect(await api.exports.showInFolder(join(out, `${TITLE}.docx`))).toEqual({ ok: true });
    expect(await api.exports.showInFolder('/etc/passwd')).toEqual({ ok: false });
    expect(await api.exports.showInFolder(join(dir, 'data', 'settings.json'))).toEqual({ ok: false });
    expect(h.shown).toEqual([join(out, `${TITLE}.docx`)]);
    // A new session has exported nothing yet.
    expect(await (await open(h)).exports.showInFolder(join(out, `${TITLE}.docx`))).toEqual({ ok: false });
  });

  it('print goes to the shell, and a final print refuses a report with errors', async () => {
    expect(await api.exports.print({ id, size: 'a4', final: true })).toEqual({ ok: true });
    const { draft } = await api.drafts.open(id);
    await wizardSave(api, { ...draft, values: draftWithError().values });
    expect(await api.exports.print({ id, size: 'a4', final: true })).toMatchObject({
      ok: false,
      error: { key: 'app.export.hasErrors' },
    });
    const failing = await open(
      harness(join(dir, 'data'), {
        print: async () => {
          throw new Error('no printer');
        },
      }),
    );
    const failed = await failing.exports.print({ id, size: 'a4', final: false });
    expect(failed).toMatchObject({
      ok: false,
      error: { key: 'app.print.failed', params: { detail: 'no printer' } },
    });
  });
});

describe('an export that cannot be written', () => {
  it('a target held open by WPS (immutable: EPERM, as on Windows): says to close it, leaves the old file and no temp', async (ctx) => {
    if (!immutableSupported(out)) {
      warnSkipped('export target held open', 'chattr +i is not supported on this file system');
      ctx.skip();
    }
    const target = join(out, `${TITLE}.docx`);
    writeFileSync(target, 'the version WPS has open');
    setImmutable(target, true);
    try {
      h.answer = target;
      const result = await api.exports.docx({ id, final: true });
      expect(result).toMatchObject({
        ok: false,
        error: { key: 'app.export.locked', params: { file: target } },
      });
      if (!result.ok && 'error' in result)
        expect(told(result.error)).toContain('请先在 WPS 或 Word 中关闭该文件，再重新导出');
      expect(readFileSync(target, 'utf8')).toBe('the version WPS has open');
      expect(leftovers(out)).toEqual([]);
    } finally {
      setImmutable(target, false);
    }
    expect(await api.exports.docx({ id, final: true })).toMatchObject({ ok: true });
  });

  it('a folder that is gone (the parent is a file, as root cannot write through it): says to choose again', async () => {
    writeFileSync(join(out, 'not-a-folder'), '');
    h.answer = join(out, 'not-a-folder', `${TITLE}.docx`);
    const result = await api.exports.docx({ id, final: true });
    expect(result).toMatchObject({
      ok: false,
      error: { key: 'app.export.folderMissing', params: { folder: join(out, 'not-a-folder') } },
    });
    expect((await api.settings.get()).lastFolder).toBe('');
  });

  it('a folder at the target path: says it is a folder, and writes nothing', async () => {
    mkdirSync(join(out, `${TITLE}.docx`));
    h.answer = join(out, `${TITLE}.docx`);
    const result = await api.exports.docx({ id, final: true });
    expect(result).toMatchObject({ ok: false, error: { key: 'app.export.targetIsFolder' } });
    expect(leftovers(out)).toEqual([]);
  });

  it('a read-only folder (for a user other than root): says to choose another place', async (ctx) => {
    if (process.getuid?.() === 0) {
      warnSkipped('read-only export folder', 'running as root, which writes into read-only folders anyway');
      ctx.skip();
    }
    chmodSync(out, 0o555);
    try {
      h.answer = join(out, `${TITLE}.docx`);
      expect(await api.exports.docx({ id, final: true })).toMatchObject({
        ok: false,
        error: { key: 'app.export.folderReadOnly', params: { folder: out } },
      });
    } finally {
      chmodSync(out, 0o755);
    }
  });

  it('a full USB stick: says the disk is full, and leaves no half-written file', async (ctx) => {
    if (!mountTmpfs(out, 64)) {
      warnSkipped('full export disk', 'cannot mount a tmpfs here (needs root on Linux)');
      ctx.skip();
    }
    try {
      const s = statfsSync(out);
      writeFileSync(join(out, 'filler'), Buffer.alloc(Math.max(0, s.bavail * s.bsize - 4096)));
      h.answer = join(out, `${TITLE}.docx`);
      const result = await api.exports.docx({ id, final: true });
      expect(result).toMatchObject({
        ok: false,
        error: { key: 'app.export.diskFull', params: { file: h.answer } },
      });
      expect(readdirSync(out)).toEqual(['filler']);
    } finally {
      unmount(out);
    }
  });
});
