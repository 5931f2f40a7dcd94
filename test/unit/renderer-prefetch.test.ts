import { afterEach, describe, expect, it, vi } from 'vitest';
import { arrived, claim, fetchOnce, prefetch, prefetched } from '../../renderer/app/prefetch';

/** A request the test answers when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

afterEach(() => {
  vi.useRealTimers();
  for (const key of ['drafts', 'draft:a', 'draft:b']) claim(key);
});

describe('start-up requests', () => {
  it('hand the first render an answer that is back, and only until it is claimed', async () => {
    const list = deferred<string[]>();
    prefetch('drafts', () => list.promise);
    expect(arrived('drafts')).toBeUndefined();
    list.resolve(['云岭镇']);
    await prefetched(1_000);
    // A first render may run twice (StrictMode): looking does not use the answer up.
    expect(arrived('drafts')).toEqual(['云岭镇']);
    expect(arrived('drafts')).toEqual(['云岭镇']);
    claim('drafts');
    expect(arrived('drafts')).toBeUndefined();
    // A later visit to the same screen asks the services afresh.
    const fresh = vi.fn(async () => ['云岭镇', '柳溪镇']);
    expect(await fetchOnce('drafts', fresh)).toEqual(['云岭镇', '柳溪镇']);
    expect(fresh).toHaveBeenCalledOnce();
  });

  it('leave a failed request to the screen, which asks again and reports it', async () => {
    const open = deferred<string>();
    prefetch('draft:a', () => open.promise);
    open.reject(new Error('磁盘已满'));
    await prefetched(1_000);
    expect(arrived('draft:a')).toBeUndefined();
    await expect(fetchOnce('draft:a', async () => 'again')).rejects.toThrow('磁盘已满');
  });

  it('give the screen the request still under way when the answer is late', async () => {
    const open = deferred<string>();
    prefetch('draft:b', () => open.promise);
    const load = vi.fn(async () => 'second request');
    const answer = fetchOnce('draft:b', load);
    open.resolve('first request');
    expect(await answer).toBe('first request');
    expect(load).not.toHaveBeenCalled();
  });

  it('wait for a slow answer no longer than their patience', async () => {
    vi.useFakeTimers();
    const open = deferred<string>();
    prefetch('draft:a', () => open.promise);
    let ready = false;
    void prefetched(300).then(() => (ready = true));
    await vi.advanceTimersByTimeAsync(299);
    expect(ready).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(ready).toBe(true);
    expect(arrived('draft:a')).toBeUndefined();
  });
});
