import { readFile } from 'node:fs/promises';
import type { Draft } from '../../shared/report/draft';
import { serializeDraft } from '../../shared/report/draft-io';
import { writeFileAtomic } from './atomic-file';
import { errorCode } from './errors';
import { withFileLock } from './file-lock';

/** The save counter in a draft file's text; 0 in a file without one (format 1 or 2, made by hand). */
export function revisionOf(text: string): number | 'corrupt' {
  try {
    const meta = (JSON.parse(text) as { meta?: { revision?: unknown } } | null)?.meta;
    return typeof meta?.revision === 'number' ? meta.revision : 0;
  } catch {
    return 'corrupt';
  }
}

/**
 * Writes a new draft as the file `path`, for the command line's `new`: an existing file is left
 * alone unless `force`. Replacing one happens under the file's lock (file-lock.ts) with a revision
 * above the replaced file's, so an app saving that draft meanwhile has its next save refused, and
 * its version kept as a backup, instead of silently overwriting this one.
 */
export async function writeNewDraftFile(
  path: string,
  draft: Draft,
  force: boolean,
): Promise<'written' | 'exists'> {
  return withFileLock(path, async () => {
    let revision = draft.meta.revision;
    const existing = await readFile(path, 'utf8').catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    });
    if (existing !== null) {
      if (!force) return 'exists';
      const replaced = revisionOf(existing);
      if (typeof replaced === 'number') revision = Math.max(revision, replaced + 1);
    }
    await writeFileAtomic(path, serializeDraft({ ...draft, meta: { ...draft.meta, revision } }));
    return 'written';
  });
}
