import { setTimeout as sleep } from 'node:timers/promises';
import { errorCode } from './errors';

/**
 * The codes Windows returns while another program holds a file: an antivirus scanning a file we
 * just wrote, the search indexer, WPS or Word with the export open. They usually clear within a
 * second, so they are worth waiting for; every other error is final at once.
 */
export const LOCK_CODES: ReadonlySet<string> = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** Waits between attempts (ms): three retries over about 1.3 s, then the caller reports the lock. */
export const LOCK_RETRY_DELAYS: readonly number[] = [100, 300, 900];

export function isLockError(error: unknown): boolean {
  return LOCK_CODES.has(errorCode(error));
}

/** Runs `action`, retrying with the given back-off while it fails with a lock error. */
export async function retryWhileLocked<T>(
  action: () => T | Promise<T>,
  delays: readonly number[] = LOCK_RETRY_DELAYS,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      const wait = delays[attempt];
      if (wait === undefined || !isLockError(error)) throw error;
      await sleep(wait);
    }
  }
}
