import { afterAll, bench, describe } from 'vitest';
import { dataLayout } from '../../../electron/services/layout';
import { DraftLibrary } from '../../../electron/services/drafts';
import { DraftFiles } from '../../../electron/services/draft-file';
import { serializeDraft } from '../../../shared/report/draft-io';
import { liaobuDraft, removeDir, tempDir } from './helpers';

/**
 * Save latency of a 100 KB draft: `npx vitest bench --run test/unit/services/save.bench.ts`.
 * "full save" is what drafts.save does (validate, write the file, index with check counts, rolling
 * and daily backups, prune); "draft file only" is the atomic, fsynced write alone.
 */
const dir = tempDir('nianbao-bench-');
afterAll(() => removeDir(dir));
const draft = { ...liaobuDraft(), prose: { 's1.active': '主动公开政府信息。'.repeat(3_800) } };
console.log(`draft size: ${Buffer.byteLength(serializeDraft(draft))} bytes`);
const library = await DraftLibrary.open({
  layout: dataLayout(dir),
  appVersion: 'bench',
  now: () => new Date(),
  log: () => undefined,
});
const files = new DraftFiles(dataLayout(dir).drafts);
let n = 0;
/** Each save is based on the revision the previous one returned, as the wizard's are. */
let revision = 0;

describe('saving a 100 KB draft', () => {
  bench('full save (file, index, checks, backups)', async () => {
    const result = await library.save({
      ...draft,
      prose: { 's1.active': `${n++}${draft.prose['s1.active']}` },
      meta: { ...draft.meta, revision },
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    revision = result.revision;
  });
  bench('draft file only (atomic write + fsync)', async () => {
    await files.write({
      ...draft,
      id: 'benchOnly01',
      prose: { 's1.active': `${n++}${draft.prose['s1.active']}` },
    });
  });
});

/** Start-up reads and checks every draft (a damaged one is found now, not weeks later): its cost with 30 large drafts. */
describe('opening a data folder of 30 drafts of 100 KB', async () => {
  const many = tempDir('nianbao-bench-many-');
  afterAll(() => removeDir(many));
  const seeded = await DraftLibrary.open({
    layout: dataLayout(many),
    appVersion: 'bench',
    now: () => new Date(),
    log: () => undefined,
  });
  for (let i = 0; i < 30; i++) await seeded.save({ ...draft, id: `benchDraft${String(i).padStart(2, '0')}` });
  bench('DraftLibrary.open (scan, checks, index)', async () => {
    await DraftLibrary.open({
      layout: dataLayout(many),
      appVersion: 'bench',
      now: () => new Date(),
      log: () => undefined,
    });
  });
});
