import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeApi } from '../../../shared/bridge';
import { createI18n } from '../../../shared/i18n';
import type { Draft } from '../../../shared/report/draft';
import { UserError } from '../../../electron/services/errors';
import {
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

let dir: string;
let h: Harness;
beforeEach(() => {
  dir = tempDir();
  h = harness(dir);
});
afterEach(() => removeDir(dir));

const draftPath = (id: string) => join(dir, 'drafts', `${id}.json`);
const onDisk = (id: string) => JSON.parse(readFileSync(draftPath(id), 'utf8')) as Draft;

/** A draft saved twice: prose 第一稿, then 第二稿. Returns its id. */
async function savedTwice(api: BridgeApi): Promise<string> {
  const { draft } = await api.drafts.create({
    template: 'national-2021',
    year: 2025,
    unit: { name: '寮步镇人民政府', kind: 'township' },
  });
  expect(await wizardSave(api, { ...draft, prose: { 's5.problems': '第一稿' } })).toMatchObject({ ok: true });
  expect(await wizardSave(api, { ...draft, prose: { 's5.problems': '第二稿' } })).toMatchObject({ ok: true });
  return draft.id;
}

function tempFilesIn(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.tmp'));
}

describe('a corrupt draft file found at start-up', () => {
  it.each([
    ['truncated JSON', (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2))],
    ['random bytes', (file: string) => writeFileSync(file, randomBytes(4096))],
    ['an empty file', (file: string) => writeFileSync(file, '')],
    ['JSON that is not a draft', (file: string) => writeFileSync(file, '{"formatVersion": 2, "id": "x"}')],
  ])(
    '%s: is moved aside, the newest backup restored, and the clerk told which file and what came back',
    async (_what, damage) => {
      const id = await savedTwice(await open(h));
      const file = draftPath(id);
      damage(file);
      const damaged = readFileSync(file);

      const api = await open(h);
      const notices = await api.app.startupNotices();
      expect(notices).toHaveLength(1);
      const [notice] = notices;
      expect(notice).toMatchObject({ severity: 'warning', key: 'app.storage.recovered' });
      expect(notice!.params.file).toBe(file);
      const text = told(notice!);
      expect(text).toContain(file);
      expect(text).toContain('寮步镇人民政府2025年政府信息公开工作年度报告');

      // Nothing lost: the damaged bytes are kept, and the draft opens with its last saved content.
      const movedTo = String(notice!.params.movedTo);
      expect(movedTo.startsWith(join(dir, 'corrupt', id))).toBe(true);
      expect(readFileSync(movedTo).equals(damaged)).toBe(true);
      expect((await api.drafts.list()).map((d) => d.id)).toEqual([id]);
      const opened = await api.drafts.open(id);
      expect(opened.draft.prose['s5.problems']).toBe('第二稿');
      expect(onDisk(id).prose['s5.problems']).toBe('第二稿');
      expect((await api.drafts.listBackups(id)).some((b) => b.kind === 'corrupt')).toBe(true);
    },
  );

  it('with every backup damaged too: kept in corrupt/, never deleted, and the clerk is told there is no backup', async () => {
    const id = await savedTwice(await open(h));
    writeFileSync(draftPath(id), randomBytes(2048));
    const backups = join(dir, 'backups', id);
    for (const name of readdirSync(backups)) writeFileSync(join(backups, name), '{"truncat');

    const api = await open(h);
    const [notice] = await api.app.startupNotices();
    expect(notice).toMatchObject({ severity: 'error', key: 'app.storage.corruptNoBackup' });
    expect(told(notice!)).toContain(draftPath(id));
    expect(existsSync(String(notice!.params.movedTo))).toBe(true);
    expect(await api.drafts.list()).toEqual([]);
    // The renderer never lists it, so it cannot be opened; the damaged file stays where the notice said.
    await expect(api.drafts.open(id)).rejects.toMatchObject({ userMessage: { key: 'app.storage.notFound' } });
  });
});

describe('a draft of an older format', () => {
  function writeVersion1(id: string): string {
    const text = JSON.stringify({
      formatVersion: 1,
      id,
      template: 'national-2021',
      year: 2024,
      date: '2025年1月20日',
      unit: { name: '寮步镇人民政府', kind: 'township' },
      sections: { 's5.problems': '旧版草稿的内容' },
      numbers: { 't2.licensing': 3 },
    });
    mkdirSync(join(dir, 'drafts'), { recursive: true });
    writeFileSync(draftPath(id), text);
    return text;
  }

  it('is migrated, its original kept byte for byte as a before-migration backup, and the clerk told', async () => {
    const original = writeVersion1('oldDraft01');
    const api = await open(h);
    const [notice] = await api.app.startupNotices();
    expect(notice).toMatchObject({
      severity: 'info',
      key: 'app.storage.migrated',
      params: { from: 1, to: 3 },
    });
    expect(told(notice!)).toContain(draftPath('oldDraft01'));
    expect(readFileSync(String(notice!.params.backup), 'utf8')).toBe(original);

    const { draft } = await api.drafts.open('oldDraft01');
    expect(draft).toMatchObject({
      formatVersion: 3,
      issuedOn: '2025-01-20',
      prose: { 's5.problems': '旧版草稿的内容' },
    });
    expect(onDisk('oldDraft01').formatVersion).toBe(3);
    expect((await api.drafts.listBackups('oldDraft01')).map((b) => b.kind)).toContain('before-migration');
  });

  it('is left untouched when its original cannot be backed up first (the backup folder is a file)', async () => {
    const original = writeVersion1('oldDraft02');
    mkdirSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(join(dir, 'backups', 'oldDraft02'), 'not a folder');
    const api = await open(h);
    const [notice] = await api.app.startupNotices();
    expect(notice).toMatchObject({ severity: 'error', key: 'app.storage.migrationBlocked' });
    expect(told(notice!)).toContain(draftPath('oldDraft02'));
    expect(readFileSync(draftPath('oldDraft02'), 'utf8')).toBe(original);
  });

  it('written by a newer version of the app is left in place, not treated as corrupt', async () => {
    mkdirSync(join(dir, 'drafts'), { recursive: true });
    const text = JSON.stringify({ formatVersion: 9, id: 'newDraft01', template: 'national-2021' });
    writeFileSync(draftPath('newDraft01'), text);
    const api = await open(h);
    const [notice] = await api.app.startupNotices();
    expect(notice).toMatchObject({ severity: 'warning', key: 'app.storage.newerVersion' });
    expect(told(notice!)).toContain(draftPath('newDraft01'));
    expect(readFileSync(draftPath('newDraft01'), 'utf8')).toBe(text);
    expect(existsSync(join(dir, 'corrupt'))).toBe(false);
  });
});

describe('a backup folder that is really a file', () => {
  it('the save still succeeds, says the backup failed and where, and the draft reopens after a restart', async () => {
    const api = await open(h);
    const id = await savedTwice(api);
    rmSync(join(dir, 'backups', id), { recursive: true });
    writeFileSync(join(dir, 'backups', id), 'a file where the folder should be');

    const { draft } = await api.drafts.open(id);
    const result = await wizardSave(api, { ...draft, prose: { 's5.problems': '第三稿' } });
    expect(result.ok).toBe(true);
    const notices = result.ok ? (result.notices ?? []) : [];
    expect(notices).toEqual([expect.objectContaining({ severity: 'warning', key: 'app.backup.failed' })]);
    expect(told(notices[0]!)).toContain(join(dir, 'backups', id));

    const again = await open(h);
    expect((await again.drafts.open(id)).draft.prose['s5.problems']).toBe('第三稿');
    expect(await again.drafts.listBackups(id)).toEqual([]);
  });
});

describe('a draft file that cannot be written', () => {
  it('held by another program (immutable: EPERM even for root): the save reports failure, keeps the old content, leaves no temp file', async (ctx) => {
    if (!immutableSupported(dir)) {
      warnSkipped('locked draft file', 'chattr +i is not supported on this file system');
      ctx.skip();
    }
    const api = await open(h);
    const id = await savedTwice(api);
    const { draft } = await api.drafts.open(id);
    setImmutable(draftPath(id), true);
    try {
      const result = await wizardSave(api, { ...draft, prose: { 's5.problems': '第三稿' } });
      expect(result).toMatchObject({
        ok: false,
        error: { key: 'app.storage.locked', params: { file: draftPath(id) } },
      });
      if (!result.ok) expect(told(result.error)).toContain('杀毒软件');
      expect(onDisk(id).prose['s5.problems']).toBe('第二稿');
      expect(tempFilesIn(join(dir, 'drafts'))).toEqual([]);
    } finally {
      setImmutable(draftPath(id), false);
    }
    expect(await wizardSave(api, { ...draft, prose: { 's5.problems': '第三稿' } })).toMatchObject({
      ok: true,
    });
    expect(onDisk(id).prose['s5.problems']).toBe('第三稿');
  });

  it('replaced by a folder: the save reports failure with the file and the reason', async () => {
    const api = await open(h);
    const id = await savedTwice(api);
    const { draft } = await api.drafts.open(id);
    rmSync(draftPath(id));
    mkdirSync(draftPath(id));
    writeFileSync(join(draftPath(id), 'keep'), '');
    const result = await wizardSave(api, { ...draft, prose: { 's5.problems': '第三稿' } });
    expect(result).toMatchObject({
      ok: false,
      error: { key: 'app.storage.saveFailed', params: { file: draftPath(id) } },
    });
    if (!result.ok) expect(told(result.error)).toContain(draftPath(id));
  });
});

describe('a full disk', () => {
  it('a save that does not fit reports the full disk, and the draft keeps its last saved content', async (ctx) => {
    if (!mountTmpfs(dir, 512)) {
      warnSkipped('full disk', 'cannot mount a tmpfs here (needs root on Linux)');
      ctx.skip();
    }
    try {
      const api = await open(h);
      const id = await savedTwice(api);
      const { draft } = await api.drafts.open(id);
      // Fill the disk, leaving less room than the next save needs.
      writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, freeBytes(dir) - 16 * 1024)));
      const big = '政务公开'.repeat(10_000);
      const result = await wizardSave(api, { ...draft, prose: { 's5.problems': big } });
      expect(result).toMatchObject({
        ok: false,
        error: { key: 'app.storage.diskFull', params: { file: draftPath(id) } },
      });
      if (!result.ok) expect(told(result.error)).toContain('磁盘已满');
      expect(onDisk(id).prose['s5.problems']).toBe('第二稿');
      expect(tempFilesIn(join(dir, 'drafts'))).toEqual([]);

      // After a restart the draft still opens with what was last saved; with room again, the save goes through.
      const again = await open(h);
      expect((await again.drafts.open(id)).draft.prose['s5.problems']).toBe('第二稿');
      rmSync(join(dir, 'filler'));
      expect(await again.drafts.save({ ...draft, prose: { 's5.problems': big } })).toMatchObject({
        ok: true,
      });
    } finally {
      unmount(dir);
    }
  });
});

function freeBytes(path: string): number {
  const s = statfsSync(path);
  return s.bavail * s.bsize;
}

describe('the small files of the data folder', () => {
  it('a corrupt settings file is moved aside, the settings start from their defaults, and the clerk is told', async () => {
    await (await open(h)).settings.set({ language: 'en', lastFolder: dir });
    writeFileSync(join(dir, 'settings.json'), '{"language": "en", "lastF');
    const api = await open(h);
    const [notice] = await api.app.startupNotices();
    expect(notice).toMatchObject({ severity: 'warning', key: 'app.storage.settingsReset' });
    expect(told(notice!)).toContain(join(dir, 'settings.json'));
    expect(readFileSync(String(notice!.params.movedTo), 'utf8')).toBe('{"language": "en", "lastF');
    expect(await api.settings.get()).toMatchObject({ language: 'zh-CN', lastFolder: '' });
  });

  it('a corrupt index is moved aside and rebuilt from the draft files, silently: nothing was lost', async () => {
    const id = await savedTwice(await open(h));
    writeFileSync(join(dir, 'index.json'), randomBytes(300));
    const api = await open(h);
    expect(await api.app.startupNotices()).toEqual([]);
    expect((await api.drafts.list()).map((d) => d.id)).toEqual([id]);
    expect(readdirSync(join(dir, 'corrupt')).some((n) => n.startsWith('index-'))).toBe(true);
  });

  it('a draft file deleted by hand comes back from its newest backup, and the clerk is told', async () => {
    const id = await savedTwice(await open(h));
    rmSync(draftPath(id));
    const api = await open(h);
    const [notice] = await api.app.startupNotices();
    expect(notice).toMatchObject({ severity: 'warning', key: 'app.storage.recoveredMissing' });
    expect(told(notice!)).toContain(draftPath(id));
    expect((await api.drafts.open(id)).draft.prose['s5.problems']).toBe('第二稿');
  });

  it('a data folder that is really a file stops the start with a message naming it', async () => {
    const file = join(dir, 'data');
    writeFileSync(file, '');
    const error = await open(harness(file)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as UserError).userMessage;
    expect(message.key).toBe('app.storage.dataDirUnusable');
    expect(createI18n('en').t(message.key, message.params)).toContain(file);
  });
});
