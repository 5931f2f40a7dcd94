import type Store from 'electron-store';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { moveAside } from './backups';
import { errorDetail } from './errors';
import { fileStamp, type DataLayout } from './layout';
import { retryWhileLocked } from './retry';
import { openStore } from './store';

export interface OpenedStore {
  store: Store<Record<string, unknown>>;
  /** Set when the file could not be read and was moved into corrupt/: where it went and why. */
  movedAside: { from: string; to: string; detail: string } | null;
}

/**
 * Opens one of the small electron-store files of the data folder (settings, index). A file that
 * does not parse makes electron-store's constructor throw (`clearInvalidConfig: false`: it must
 * never wipe a file silently); it is moved into corrupt/ and the store starts empty, and the caller
 * tells the user or rebuilds what it held.
 */
export async function openJsonStore(layout: DataLayout, name: string, now: Date): Promise<OpenedStore> {
  const options = { cwd: layout.root, name, accessPropertiesByDotNotation: false };
  const path = join(layout.root, `${name}.json`);
  const open = () => openStore(options);
  try {
    return { store: await retryWhileLocked(open), movedAside: null };
  } catch (error) {
    if (!existsSync(path)) throw error;
    const to = await moveAside(path, layout.corrupt, `${name}-${fileStamp(now)}.json`);
    return { store: open(), movedAside: { from: path, to, detail: errorDetail(error) } };
  }
}
