import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorCode } from './errors';
import { LOCK_RETRY_DELAYS, retryWhileLocked } from './retry';

/** Which step of an atomic write failed: it decides what the user is told. */
export type WriteStage = 'temp' | 'write' | 'rename';

export class WriteFailure extends Error {
  readonly stage: WriteStage;
  readonly code: string;
  constructor(stage: WriteStage, cause: unknown) {
    super(`${stage}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'WriteFailure';
    this.stage = stage;
    this.code = errorCode(cause);
  }
}

/** The temporary file lives beside the target, so the final rename never crosses a disk. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
}

/** A temporary file of ours: left behind only when the process died mid-write, before its rename. */
export const TEMP_FILE = /^\..+\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes temporary files a killed write left in `folder`. They are never the only copy of
 * anything: the rename that would have replaced the real file had not happened.
 */
export async function removeStaleTemps(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) if (TEMP_FILE.test(name)) await rm(join(folder, name), { force: true });
}

/**
 * Writes `data` to `target` so that the target is either the old file or the complete new one,
 * never half of it: write a temporary file in the same folder, flush it to the disk, then rename
 * it over the target. A rename refused because another program holds the target (WPS, an
 * antivirus) is retried; whatever fails, the temporary file is removed, so nothing half-written is
 * left in the clerk's folder.
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string,
  delays: readonly number[] = LOCK_RETRY_DELAYS,
): Promise<void> {
  const temp = tempPathFor(target);
  let handle;
  try {
    handle = await open(temp, 'wx');
  } catch (error) {
    throw new WriteFailure('temp', error);
  }
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await removeQuietly(temp);
    throw new WriteFailure('write', error);
  }
  try {
    await retryWhileLocked(() => rename(temp, target), delays);
  } catch (error) {
    await removeQuietly(temp);
    throw new WriteFailure('rename', error);
  }
}

async function removeQuietly(path: string): Promise<void> {
  await retryWhileLocked(() => rm(path, { force: true })).catch(() => undefined);
}

/**
 * The synchronous form, for electron-store's writes (see store.ts): the same temporary file,
 * flush and rename, with every byte written or an error thrown. No retry here: the caller retries
 * a held file asynchronously, without blocking the process while it waits.
 */
export function writeFileAtomicSync(target: string, data: Uint8Array | string): void {
  const temp = tempPathFor(target);
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch (error) {
    throw new WriteFailure('temp', error);
  }
  try {
    // writeFileSync on a descriptor loops until every byte is written, and throws ENOSPC otherwise.
    writeFileSync(fd, data);
    fsyncSync(fd);
  } catch (error) {
    closeQuietly(fd);
    rmSync(temp, { force: true });
    throw new WriteFailure('write', error);
  }
  closeSync(fd);
  try {
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new WriteFailure('rename', error);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already failing; the write error is the one to report.
  }
}
