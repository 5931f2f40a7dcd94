import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorCode } from './errors';
import { isStale, LOCK_FILE, processAlive } from './file-lock';
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

/**
 * The temporary file lives beside the target, so the final rename never crosses a disk. Its name
 * carries the writer's process id, so start-up can tell a dead writer's leftovers from a live
 * write of another process (the app under a second login, the command line) in the same folder.
 */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** A temporary file of ours (the process id is absent in names from before it was added, and in a broken lock's). */
export const TEMP_FILE = /^\..+\.(?:(\d+)-)?[0-9a-f]{8}\.tmp$/;

/** Past this age a temporary file or lock is a dead write's, whoever wrote it: a live write takes seconds at most. */
export const LITTER_AGE_MS = 60_000;

/**
 * Removes what killed writes left in `folder`: temporary files whose rename never happened (never
 * the only copy of anything) and locks whose holder died (file-lock.ts). Only names of our own
 * patterns, and only when the writer is a dead process on this machine or the file is older than
 * LITTER_AGE_MS, so that another process's write in progress is never pulled from under it.
 */
export async function removeStaleTemps(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const temp = TEMP_FILE.exec(name);
    if (!temp && !LOCK_FILE.test(name)) continue;
    const path = join(folder, name);
    const age = await stat(path).then(
      (s) => Date.now() - s.mtimeMs,
      () => -1,
    );
    if (age < 0) continue;
    const stale = temp
      ? age > LITTER_AGE_MS || (temp[1] !== undefined && !processAlive(Number(temp[1])))
      : isStale(await readFile(path, 'utf8').catch(() => ''), age);
    if (stale) await rm(path, { force: true }).catch(() => undefined);
  }
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
