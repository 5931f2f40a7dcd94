import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorCode } from './errors';
import { isLockError, retryWhileLocked } from './retry';

/**
 * A lock older than this was left by a process that died while holding it: a draft's
 * compare-and-write takes milliseconds, and even Windows' held-file retries (retry.ts) finish
 * within a few seconds.
 */
export const STALE_LOCK_MS = 15_000;

/** A lock file is filled in right after it is created; one still empty after this was left by a crash. */
const UNFILLED_LOCK_MS = 2_000;

/** How long a save waits for another process's lock before it reports the file as held. */
const WAIT_MS = 10_000;

/** The lock beside a file: `.<name>.lock`, hidden, and not a `.json` the draft scan would read. */
export function lockPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.lock`);
}

/** The lock of a file in `folder`: what start-up clears when a crash left one behind. */
export const LOCK_FILE = /^\..+\.lock$/;

/** Another process kept the lock for longer than a save may wait. */
export class LockBusy extends Error {
  readonly code = 'ELOCKED';
  constructor(readonly lock: string) {
    super(`${lock} is held by another process`);
    this.name = 'LockBusy';
  }
}

/**
 * Runs `action` while holding `target`'s lock file, so that a read-compare-write of `target` by
 * this process and one by another process (the app under a second login, the command line) never
 * interleave. The lock is a file created with O_EXCL (`wx`), which exactly one process can create;
 * it names its holder (host, pid and a random token). A lock whose holder is a dead process on this
 * machine, or that is older than STALE_LOCK_MS, is broken. Windows refuses to create a file that is
 * still being deleted, or that an antivirus holds, with EPERM/EBUSY: that is waited for like a held lock.
 */
export async function withFileLock<T>(target: string, action: () => Promise<T>): Promise<T> {
  const lock = lockPathFor(target);
  const token = `${hostname()}\n${process.pid}\n${randomBytes(8).toString('hex')}`;
  const deadline = Date.now() + WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      try {
        await handle.writeFile(token);
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'EEXIST' && !isLockError(error)) throw error;
      if (code === 'EEXIST' && (await breakIfStale(lock))) continue;
      if (Date.now() > deadline) throw new LockBusy(lock);
      // Jittered, growing waits: two writers that collided do not collide again in step.
      await sleep(Math.min(5 * 2 ** Math.min(attempt, 5), 100) + Math.random() * 10);
    }
  }
  try {
    return await action();
  } finally {
    await release(lock, token);
  }
}

async function release(lock: string, token: string): Promise<void> {
  // Only our own: a lock broken as stale while we held it now belongs to someone else.
  // An antivirus scanning the new lock file holds it for a moment: wait, or the lock would linger.
  const holder = await retryWhileLocked(() => readFile(lock, 'utf8')).catch(() => '');
  if (holder === token) await retryWhileLocked(() => rm(lock, { force: true })).catch(() => undefined);
}

/** True when the lock was stale and is gone (or had already gone): the caller tries again at once. */
async function breakIfStale(lock: string): Promise<boolean> {
  let holder: string;
  let age: number;
  try {
    holder = await readFile(lock, 'utf8');
    age = Date.now() - (await stat(lock)).mtimeMs;
  } catch (error) {
    return errorCode(error) === 'ENOENT';
  }
  if (!isStale(holder, age)) return false;
  // Renamed away first, so that of two processes breaking the same stale lock only one succeeds;
  // the name is a temporary file's (atomic-file.ts), cleared at start-up if this process dies here.
  const aside = `${lock}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await rename(lock, aside);
  } catch (error) {
    return errorCode(error) === 'ENOENT';
  }
  const taken = await readFile(aside, 'utf8').catch(() => holder);
  // Between reading and renaming, the stale lock was broken by another process, which took a
  // fresh one: that one is put back (link fails if a newer lock exists, which then stands).
  if (taken !== holder) await link(aside, lock).catch(() => undefined);
  await rm(aside, { force: true }).catch(() => undefined);
  return true;
}

/** Whether a lock with this content and age belongs to nobody any more. Exported for its test. */
export function isStale(holder: string, ageMs: number, here = hostname()): boolean {
  if (ageMs > STALE_LOCK_MS) return true;
  const [host, pid] = holder.split('\n');
  const owner = Number(pid);
  // Empty: being written this instant, or its creator died between creating and filling it in.
  if (!Number.isInteger(owner) || owner <= 0) return ageMs > UNFILLED_LOCK_MS;
  if (host !== here) return false;
  return !processAlive(owner);
}

/** Whether a process of this machine is running (a pid may be reused: then it only seems alive). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user (the app under a second login).
    return errorCode(error) === 'EPERM';
  }
}
