import { mkdirSync, writeFileSync } from 'node:fs';
import path, { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../electron/services/errors';
import { localFolder } from '../../../electron/services/local-folder';
import { harness, open, removeDir, tempDir, told, type Harness } from './helpers';

describe('the last folder the app may remember (pure, both path flavours)', () => {
  it('on Windows: a folder on a drive, normalized', () => {
    expect(localFolder('C:\\Users\\科员\\Documents', path.win32)).toBe('C:\\Users\\科员\\Documents');
    expect(localFolder('d:/报告/2025/../2026', path.win32)).toBe('d:\\报告\\2026');
    expect(localFolder('', path.win32)).toBe('');
  });

  it.each([
    ['a network share', '\\\\fileserver\\公开办'],
    ['a network share with forward slashes', '//fileserver/公开办'],
    ['a mixed-separator share', '\\/fileserver/share'],
    ['a device path', '\\\\.\\PhysicalDrive0'],
    ['a raw long path', '\\\\?\\C:\\Users'],
    ['a UNC long path', '\\\\?\\UNC\\host\\share'],
    ['a file URL', 'file:///C:/Users'],
    ['a relative path', '..\\..\\..'],
    ['a drive-relative path', 'C:Users'],
    ['a rooted path without drive', '\\Users'],
    ['a control character', 'C:\\报告\u0000'],
    ['a bidi override', 'C:\\报告\u202e'],
  ])('on Windows: refuses %s', (_what, value) => {
    expect(localFolder(value, path.win32)).toBeNull();
  });

  it('on UOS/Kylin: an absolute folder, normalized', () => {
    expect(localFolder('/home/科员/文档', path.posix)).toBe('/home/科员/文档');
    expect(localFolder('/home/科员/../公共/./报告', path.posix)).toBe('/home/公共/报告');
  });

  it.each([
    ['a leading double slash', '//fileserver/share'],
    ['a file URL', 'file:///home/u'],
    ['an smb URL', 'smb://fileserver/share'],
    ['a relative path', '../../..'],
    ['a bare name', '文档'],
    ['a line break', '/home/u\n/etc'],
  ])('on UOS/Kylin: refuses %s', (_what, value) => {
    expect(localFolder(value, path.posix)).toBeNull();
  });
});

describe('settings:set with a last folder', () => {
  let dir: string;
  let h: Harness;
  beforeEach(() => {
    dir = tempDir();
    h = harness(dir);
  });
  afterEach(() => removeDir(dir));

  it('remembers an existing local folder, refuses anything else with a message, and keeps the previous one', async () => {
    const api = await open(h);
    const good = join(dir, '导出');
    mkdirSync(good);
    expect((await api.settings.set({ lastFolder: good })).lastFolder).toBe(good);

    writeFileSync(join(dir, 'a-file'), '');
    for (const bad of [
      '\\\\host\\share',
      '//host/share',
      'file:///tmp',
      '../../..',
      join(dir, 'gone'),
      join(dir, 'a-file'),
    ]) {
      const error: unknown = await api.settings.set({ lastFolder: bad }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UserError);
      const message = (error as UserError).userMessage;
      expect(message).toMatchObject({ key: 'app.storage.folderRefused' });
      expect(told(message)).toContain('不能用作默认保存位置');
    }
    expect((await api.settings.get()).lastFolder).toBe(good);
  });

  it('forgets a network share written into settings.json by hand, so the save dialog never probes it', async () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ language: 'en', lastFolder: '//host/share' }));
    const api = await open(h);
    expect(await api.settings.get()).toMatchObject({ language: 'en', lastFolder: '' });
  });
});
