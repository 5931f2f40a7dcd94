import { describe, expect, it } from 'vitest';
import { retryWhileLocked } from '../../../electron/services/retry';

const fsError = (code: string) => Object.assign(new Error(code), { code });

describe('waiting for a file another program holds', () => {
  it.each(['EPERM', 'EBUSY', 'EACCES'])(
    'retries %s with back-off, and succeeds once the file is free',
    async (code) => {
      let calls = 0;
      const started = Date.now();
      const result = await retryWhileLocked(() => {
        calls++;
        if (calls < 3) throw fsError(code);
        return 'written';
      }, [20, 40, 80]);
      expect(result).toBe('written');
      expect(calls).toBe(3);
      expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    },
  );

  it('gives up after the last wait and throws the lock error for the caller to report', async () => {
    let calls = 0;
    const failing = retryWhileLocked(() => {
      calls++;
      throw fsError('EBUSY');
    }, [1, 1]);
    await expect(failing).rejects.toMatchObject({ code: 'EBUSY' });
    expect(calls).toBe(3);
  });

  it('does not wait on an error that will not clear (a full disk)', async () => {
    let calls = 0;
    const failing = retryWhileLocked(() => {
      calls++;
      throw fsError('ENOSPC');
    }, [1000]);
    await expect(failing).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(calls).toBe(1);
  });
});
