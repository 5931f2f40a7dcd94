import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { removeStaleTemps } from './atomic-file';
import type { DataLayout } from './layout';

/**
 * At start-up, clears what writes killed mid-way left in every folder of the data folder the app
 * writes: the root (settings.json, index.json), drafts/, trash/ and each draft's backups/. Without
 * this, every crash during a write leaves a `.index.json.<…>.tmp` behind for good.
 */
export async function removeLitter(layout: DataLayout): Promise<void> {
  const backups = await readdir(layout.backups).catch(() => [] as string[]);
  const folders = [
    layout.root,
    layout.drafts,
    layout.trash,
    ...backups.map((id) => join(layout.backups, id)),
  ];
  for (const folder of folders) await removeStaleTemps(folder);
}
