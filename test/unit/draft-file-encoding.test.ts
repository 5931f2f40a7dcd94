import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DraftFiles } from '../../electron/services/draft-file';
import { readDraft, serializeDraft } from '../../shared/report/draft-io';

/**
 * A draft file laid into the drafts folder by another tool (#7.18): electron-store reads files as
 * UTF-8, so a UTF-16 or byte-order-marked copy used to be taken for a corrupt file and set aside.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const text = readFileSync(resolve(root, 'examples/liaobu-2012.json'), 'utf8');
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

describe('DraftFiles reading a draft saved in another encoding', () => {
  it.each([
    [
      'UTF-16 LE with a byte-order mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    ],
    ['UTF-16 BE without one', Buffer.from(text, 'utf16le').swap16()],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
  ])('opens %s with its Chinese text intact', async (_what, bytes) => {
    const folder = mkdtempSync(join(tmpdir(), 'nianbao-encoding-'));
    folders.push(folder);
    writeFileSync(join(folder, 'example-liaobu-2012.json'), bytes);
    const read = await new DraftFiles(folder).read('example-liaobu-2012');
    if (read.kind !== 'ok') throw new Error(JSON.stringify(read));
    const draft = readDraft(read.raw);
    expect(draft.ok && serializeDraft(draft.draft)).toBe(text);
  });
});
