import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDraft } from '../../../shared/report/draft-io';
import { harness, liaobuDraft, open, removeDir, tempDir, wizardSave, type Harness } from './helpers';

/**
 * Draft ids are file names, and `constructor.json` or `__proto__.json` are valid ones. Each such
 * draft must behave like any other: listed, opened, saved, exported, deleted and restored, and
 * still listed after a restart, never answered "in the recycle bin" by Object.prototype.
 */
let dir: string;
let h: Harness;
beforeEach(() => {
  dir = tempDir();
  h = harness(dir);
});
afterEach(() => removeDir(dir));

const NAMES = [
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
];

describe('a draft file named like a member of every object', () => {
  it.each(NAMES)(
    '%s.json is listed, opens, saves, exports, goes to the recycle bin and comes back',
    async (id) => {
      mkdirSync(join(dir, 'drafts'), { recursive: true });
      writeFileSync(join(dir, 'drafts', `${id}.json`), serializeDraft({ ...liaobuDraft(), id }));
      const api = await open(h);
      expect((await api.drafts.list()).map((d) => d.id)).toEqual([id]);

      const { draft } = await api.drafts.open(id);
      expect(draft.id).toBe(id);
      expect(await wizardSave(api, { ...draft, prose: { 's5.problems': '照常保存' } })).toMatchObject({
        ok: true,
      });
      h.answer = join(dir, 'out', 'report.docx');
      mkdirSync(join(dir, 'out'));
      expect(await api.exports.docx({ id, final: false })).toMatchObject({ ok: true });

      // A restart reads the index back: the entry is still there, under its own name.
      const again = await open(h);
      expect((await again.drafts.list()).map((d) => d.id)).toEqual([id]);
      expect(await again.drafts.remove(id)).toEqual({ ok: true });
      expect(await again.drafts.list()).toEqual([]);
      expect((await (await open(h)).drafts.listTrash()).map((d) => d.id)).toEqual([id]);
      const restored = await (await open(h)).drafts.restoreFromTrash(id);
      expect(restored.draft.prose['s5.problems']).toBe('照常保存');
    },
  );

  it('a draft that is not there is "not found", not "in the recycle bin", whatever its name', async () => {
    const api = await open(h);
    for (const id of ['constructor', 'toString', 'valueOf'])
      await expect(api.drafts.open(id)).rejects.toMatchObject({
        userMessage: { key: 'app.storage.notFound' },
      });
  });

  it('an imported file whose id is such a name comes in under a new id', async () => {
    const api = await open(h);
    for (const id of ['constructor', '__proto__']) {
      const text = serializeDraft({ ...liaobuDraft(), id });
      const result = await api.drafts.importFile({ fileName: `${id}.json`, text });
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.opened.draft.id).not.toBe(id);
        expect(result.opened.notices).toEqual([]);
      }
    }
    expect(await api.drafts.list()).toHaveLength(2);
  });
});
