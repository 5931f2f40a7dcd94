import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeApi } from '../../../shared/bridge';
import { openCounts, runChecks } from '../../../shared/report/checks/index';
import type { Draft } from '../../../shared/report/draft';
import { serializeDraft } from '../../../shared/report/draft-io';
import { BACKUP_POLICY } from '../../../electron/services/backups';
import { draftIdOfFile } from '../../../electron/services/draft-file';
import { DRAFT_ID } from '../../../shared/report/limits';
import {
  draftWithError,
  harness,
  liaobuDraft,
  national,
  open,
  removeDir,
  sampleReport,
  tempDir,
  told,
  type Harness,
  wizardSave,
} from './helpers';

let dir: string;
let h: Harness;
let clock: Date;
beforeEach(() => {
  dir = tempDir();
  clock = new Date('2026-01-10T02:00:00Z');
  h = harness(dir, { now: () => clock });
});
afterEach(() => removeDir(dir));

const unit = { name: '寮步镇人民政府', kind: 'township' as const };
const create = (api: BridgeApi) => api.drafts.create({ template: 'national-2021', year: 2025, unit });
const tick = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

describe('drafts on disk', () => {
  it('a saved draft is one file, byte for byte the exchange format, and survives a restart', async () => {
    const api = await open(h);
    const { draft } = await create(api);
    tick(1000);
    const result = await wizardSave(api, { ...draft, prose: { 's5.problems': '人员力量不足。' } });
    // The second save of the draft: its creation was the first.
    expect(result).toEqual({ ok: true, savedAt: '2026-01-10T02:00:01.000Z', revision: 2 });

    const file = join(dir, 'drafts', `${draft.id}.json`);
    const reopened = (await (await open(h)).drafts.open(draft.id)).draft;
    expect(reopened.prose['s5.problems']).toBe('人员力量不足。');
    expect(readFileSync(file, 'utf8')).toBe(serializeDraft(reopened));
    expect(reopened.meta.updatedAt).toBe('2026-01-10T02:00:01.000Z');
  });

  it('the list shows each draft with its open errors and warnings, newest first', async () => {
    const api = await open(h);
    const first = (await create(api)).draft;
    tick(1000);
    const second = (await create(api)).draft;
    tick(1000);
    await wizardSave(api, { ...first, values: draftWithError().values });
    const list = await api.drafts.list();
    expect(list.map((d) => d.id)).toEqual([first.id, second.id]);
    // The same count the checks panel shows for the draft.
    const expected = openCounts(runChecks(national, { ...draftWithError(), id: first.id }));
    expect(expected.errors).toBeGreaterThan(0);
    expect(list[0]).toMatchObject({
      unitName: '寮步镇人民政府',
      year: 2025,
      template: 'national-2021',
      ...expected,
    });
    expect(list[0]!.templateName).toContain('2021');
    expect(list[1]!.errors).toBe(0);
    expect(list[1]!.warnings).toBeGreaterThan(0);
  });

  it('a save that does not fit the template is refused, with the reason, and nothing is written', async () => {
    const api = await open(h);
    const { draft } = await create(api);
    const before = readFileSync(join(dir, 'drafts', `${draft.id}.json`), 'utf8');
    const result = await wizardSave(api, { ...draft, values: { 't9.unknown': 1 } });
    expect(result).toMatchObject({ ok: false, error: { key: 'draft.error.unknownField' } });
    expect(readFileSync(join(dir, 'drafts', `${draft.id}.json`), 'utf8')).toBe(before);
  });

  it('a file copied into drafts/ by hand is a draft when its name is a draft id the format accepts', async () => {
    mkdirSync(join(dir, 'drafts'), { recursive: true });
    const text = serializeDraft(liaobuDraft());
    const names = [
      'copied_01',
      'x'.repeat(64),
      'short',
      'x'.repeat(65),
      'my report',
      '年报草稿01',
      'copied_02.JSON',
    ];
    for (const name of names) writeFileSync(join(dir, 'drafts', `${name}.json`), text);
    const listed = (await (await open(h)).drafts.list()).map((d) => d.id).sort();
    expect(listed).toEqual(['copied_01', 'x'.repeat(64)]);
    for (const name of names)
      expect(draftIdOfFile(`${name}.json`), name).toBe(DRAFT_ID.test(name) ? name : undefined);
    expect(draftIdOfFile('copied_01.json.tmp')).toBeUndefined();
  });

  it('a newcomer starts with the sample report, once: deleting it does not bring it back', async () => {
    const withSample = harness(dir, { sample: sampleReport() });
    const api = await open(withSample);
    const [sample] = await api.drafts.list();
    expect(sample).toBeDefined();
    expect((await api.drafts.open(sample!.id)).draft.unit.name).not.toBe('');
    await api.drafts.remove(sample!.id);
    const again = await open(withSample);
    expect(await again.drafts.list()).toEqual([]);
    expect((await again.drafts.listTrash()).map((d) => d.id)).toEqual([sample!.id]);
  });
});

describe('rolling backups', () => {
  const backupText = (id: string, name: string) =>
    (JSON.parse(readFileSync(join(dir, 'backups', id, name), 'utf8')) as Draft).prose['s5.problems'];
  const rollingOf = async (api: BridgeApi, id: string) =>
    (await api.drafts.listBackups(id)).filter((b) => b.kind === 'rolling');
  const minutes = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / 60_000;

  it(`reach back about ${BACKUP_POLICY.rolling * BACKUP_POLICY.periodMinutes} minutes of work, one copy per ${BACKUP_POLICY.periodMinutes} minutes, and keep the version left before a pause`, async () => {
    const api = await open(h);
    const { draft } = await create(api);
    // Before lunch (the clock starts at 10:00, UTC+8): a save a minute until 10:28.
    for (let n = 1; n <= 28; n++) {
      tick(60_000);
      await wizardSave(api, { ...draft, prose: { 's5.problems': `上午第${n}次` } });
    }
    tick(3 * 3600_000 - 28 * 60_000);
    // After lunch: two hours of typing, a save a minute.
    for (let n = 1; n <= 120; n++) {
      tick(60_000);
      await wizardSave(api, { ...draft, prose: { 's5.problems': `下午第${n}次` } });
      if (n === 2) {
        const kept = await rollingOf(api, draft.id);
        expect(kept.map((b) => backupText(draft.id, b.name)).slice(0, 3)).toEqual([
          '下午第2次',
          '上午第28次',
          '上午第24次',
        ]);
      }
    }
    const rolling = await rollingOf(api, draft.id);
    expect(rolling).toHaveLength(BACKUP_POLICY.rolling);
    // The newest backup is the draft as saved: a damaged draft file loses nothing.
    expect(rolling[0]!.savedAt).toBe((await api.drafts.open(draft.id)).draft.meta.updatedAt);
    expect(backupText(draft.id, rolling[0]!.name)).toBe('下午第120次');
    const older = rolling.slice(1);
    for (let i = 1; i < older.length; i++) expect(minutes(older[i - 1]!.savedAt, older[i]!.savedAt)).toBe(5);
    expect(minutes(rolling[0]!.savedAt, rolling.at(-1)!.savedAt)).toBeGreaterThanOrEqual(90);
  });

  it('a select-all-delete is still recoverable after a minute of typing, and the restore can be undone', async () => {
    const api = await open(h);
    const { draft } = await create(api);
    for (let n = 1; n <= 36; n++) {
      tick(10_000);
      await wizardSave(api, { ...draft, prose: { 's5.problems': `原来的内容第${n}版` } });
    }
    tick(10_000);
    await wizardSave(api, { ...draft, prose: { 's5.problems': '' } });
    for (let n = 1; n <= 30; n++) {
      tick(2_000);
      await wizardSave(api, { ...draft, prose: { 's5.problems': '新'.repeat(n) } });
    }
    const rolling = await rollingOf(api, draft.id);
    const before = rolling.find((b) => backupText(draft.id, b.name)?.startsWith('原来的内容'));
    expect(before, 'a copy from before the delete').toBeDefined();
    // At most one period of work is lost: the delete came at 10:06:10, the copy is from 10:04:50.
    expect(backupText(draft.id, before!.name)).toBe('原来的内容第29版');
    tick(20_000);
    const restored = await api.drafts.restoreBackup(draft.id, before!.name);
    expect(restored.draft.prose['s5.problems']).toBe('原来的内容第29版');
    // The version the restore replaced is itself a backup, though it was saved within the same period.
    const after = await rollingOf(api, draft.id);
    const replaced = after.find((b) => backupText(draft.id, b.name) === '新'.repeat(30));
    expect(replaced).toBeDefined();
    tick(1_000);
    const undone = await api.drafts.restoreBackup(draft.id, replaced!.name);
    expect(undone.draft.prose['s5.problems']).toBe('新'.repeat(30));
  });

  it('keep the first save of each day for last week’s version, and restoring one says from when', async () => {
    const api = await open(h);
    const { draft } = await create(api);
    // Three days of work: 30 saves a day, a minute apart.
    for (let day = 0; day < 3; day++) {
      for (let n = 0; n < 30; n++) {
        tick(60_000);
        await wizardSave(api, { ...draft, prose: { 's5.problems': `第${day + 1}天第${n + 1}次` } });
      }
      tick(24 * 3600_000 - 30 * 60_000);
    }
    const backups = await api.drafts.listBackups(draft.id);
    const daily = backups.filter((b) => b.kind === 'daily');
    // Each day's first save is still there (day 1's was the draft's creation).
    expect(daily.map((b) => backupText(draft.id, b.name))).toEqual(['第3天第1次', '第2天第1次', undefined]);
    const restored = await api.drafts.restoreBackup(draft.id, daily[1]!.name);
    expect(restored.draft.prose['s5.problems']).toBe('第2天第1次');
    expect(restored.notices).toEqual([expect.objectContaining({ key: 'app.backup.restored' })]);
    expect(told(restored.notices[0]!)).toContain('2026-01-11');
    // Restoring saved it as the current version; the version it replaced is still a backup.
    expect((await api.drafts.open(draft.id)).draft.prose['s5.problems']).toBe('第2天第1次');
    const after = await rollingOf(api, draft.id);
    expect(after.map((b) => backupText(draft.id, b.name)).slice(0, 2)).toEqual(['第2天第1次', '第3天第30次']);
  });

  it('a backup name that is not one of ours is refused: no paths, no traversal', async () => {
    const api = await open(h);
    const { draft } = await create(api);
    for (const name of ['../../settings.json', '/etc/passwd', 'rolling-x.json', '..\\index.json']) {
      await expect(api.drafts.restoreBackup(draft.id, name)).rejects.toMatchObject({
        userMessage: { key: 'app.backup.notFound' },
      });
    }
  });
});

describe('the recycle bin', () => {
  it('delete moves the draft to the recycle bin with its backups; restore brings it back whole', async () => {
    const api = await open(h);
    const { draft } = await create(api);
    await wizardSave(api, { ...draft, prose: { 's5.problems': '要保留的内容' } });
    expect(await api.drafts.remove(draft.id)).toEqual({ ok: true });
    expect(await api.drafts.list()).toEqual([]);
    expect(existsSync(join(dir, 'trash', `${draft.id}.json`))).toBe(true);
    // A late autosave from a window still showing it must not resurrect it behind the clerk's back.
    expect(await wizardSave(api, draft)).toMatchObject({ ok: false, error: { key: 'app.storage.inTrash' } });

    const again = await open(h);
    expect((await again.drafts.listTrash()).map((d) => d.id)).toEqual([draft.id]);
    const restored = await again.drafts.restoreFromTrash(draft.id);
    expect(restored.draft.prose['s5.problems']).toBe('要保留的内容');
    expect((await again.drafts.list()).map((d) => d.id)).toEqual([draft.id]);
    expect(await again.drafts.listTrash()).toEqual([]);
    expect((await again.drafts.listBackups(draft.id)).length).toBeGreaterThan(0);
  });
});

describe('import, duplicate and start from last year', () => {
  it('an imported file never replaces a draft the clerk has: the same id comes in as a new copy', async () => {
    const api = await open(h);
    const { draft } = await create(api);
    const text = serializeDraft({
      ...liaobuDraft(),
      id: draft.id,
      prose: { 's5.problems': '县里退回的版本' },
    });
    const result = await api.drafts.importFile({ fileName: '寮步镇2025.json', text });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.opened.draft.id).not.toBe(draft.id);
    expect(result.opened.notices.map((n) => n.key)).toEqual(['app.import.newCopy']);
    expect(told(result.opened.notices[0]!)).toContain('寮步镇2025.json');
    expect((await api.drafts.open(draft.id)).draft.prose['s5.problems']).toBeUndefined();
    expect(await api.drafts.list()).toHaveLength(2);
  });

  it('a file that is not a draft is refused with the reason and the file name', async () => {
    const api = await open(h);
    const result = await api.drafts.importFile({ fileName: '通知.docx', text: 'PK\u0003\u0004 not json' });
    expect(result).toMatchObject({
      ok: false,
      error: { key: 'draft.error.json', params: { file: '通知.docx' } },
    });
    expect(await api.drafts.list()).toEqual([]);
  });

  it('an old-format file is migrated on import, its original kept as a backup', async () => {
    const api = await open(h);
    const text = JSON.stringify({
      formatVersion: 1,
      id: 'fromUsb001',
      template: 'national-2021',
      year: 2024,
      unit,
      sections: { 's5.problems': '旧格式' },
      numbers: {},
    });
    const result = await api.drafts.importFile({ fileName: 'old.json', text });
    expect(result).toMatchObject({
      ok: true,
      opened: { notices: [{ key: 'app.import.migrated', params: { from: 1 } }] },
    });
    const backups = await api.drafts.listBackups('fromUsb001');
    const original = backups.find((b) => b.kind === 'before-migration');
    expect(readFileSync(join(dir, 'backups', 'fromUsb001', original!.name), 'utf8')).toBe(text);
  });

  it('duplicate makes an independent copy', async () => {
    const api = await open(h);
    const { draft } = await create(api);
    await wizardSave(api, { ...draft, prose: { 's5.problems': '原稿' } });
    const copy = (await api.drafts.duplicate(draft.id)).draft;
    expect(copy.id).not.toBe(draft.id);
    await wizardSave(api, { ...copy, prose: { 's5.problems': '副本改过' } });
    expect((await api.drafts.open(draft.id)).draft.prose['s5.problems']).toBe('原稿');
  });

  it('start from last year carries the unit and prose into a new draft for the next year', async () => {
    const api = await open(h);
    const last = (await create(api)).draft;
    await wizardSave(api, { ...last, unit: { ...last.unit, phone: '0769-12345678' } });
    const opened = await api.drafts.createFromPrevious({
      previousId: last.id,
      year: 2026,
      template: 'national-2021',
    });
    expect(opened.draft).toMatchObject({
      year: 2026,
      unit: { name: '寮步镇人民政府', phone: '0769-12345678' },
    });
    expect(opened.draft.id).not.toBe(last.id);
    expect((await api.drafts.list()).map((d) => d.year).sort()).toEqual([2025, 2026]);
  });
});

describe('settings', () => {
  it('a change to one setting keeps the others, and survives a restart', async () => {
    const api = await open(h);
    const folder = join(dir, '年报');
    mkdirSync(folder);
    await api.settings.set({ lastFolder: folder, boldHeadings: true });
    const next = await api.settings.set({ language: 'zh-TW' });
    expect(next).toMatchObject({
      language: 'zh-TW',
      lastFolder: folder,
      boldHeadings: true,
      lineSpacing: 28,
    });
    await api.settings.set({ phrases: { measures: ['建立健全制度'] } });
    expect(await (await open(h)).settings.get()).toMatchObject({
      language: 'zh-TW',
      lastFolder: folder,
      phrases: { measures: ['建立健全制度'], problems: [] },
    });
    expect(readdirSync(dir)).toContain('settings.json');
  });
});
