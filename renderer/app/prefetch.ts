/**
 * Start-up requests begun before React mounts, so the first screen's data travels while the
 * app's code downloads and compiles instead of after it. When the answer is back by the time the
 * app mounts, the first screen is drawn with it at once: one render and one layout, instead of a
 * loading screen and a second pass.
 */
type Settled = { ok: true; value: unknown } | { ok: false };

const pending = new Map<string, Promise<unknown>>();
const settled = new Map<string, Settled>();

export function prefetch(key: string, load: () => Promise<unknown>): void {
  const request = load();
  // An unclaimed failure is reported by the component that asks again, not as an unhandled rejection.
  request.then(
    (value) => settled.set(key, { ok: true, value }),
    () => settled.set(key, { ok: false }),
  );
  pending.set(key, request);
}

/**
 * Resolves when every start-up request has its answer, or after `patienceMs`, whichever comes
 * first: a slow answer leaves the first screen to show its loading state rather than a blank window.
 */
export function prefetched(patienceMs: number): Promise<void> {
  const all = Promise.allSettled(pending.values()).then(() => undefined);
  return Promise.race([all, new Promise<void>((done) => setTimeout(done, patienceMs))]);
}

/**
 * The prefetched answer for `key` when it has already arrived, without claiming it: a first render
 * may run more than once (React's StrictMode in development), so claiming is left to fetchOnce.
 */
export function arrived<T>(key: string): T | undefined {
  // Only while unclaimed: a request taken by fetchOnce may still settle afterwards and note its answer.
  const answer = pending.has(key) ? settled.get(key) : undefined;
  return answer?.ok ? (answer.value as T) : undefined;
}

/** The prefetched result for `key` if there is one (once), else a fresh request. */
export function fetchOnce<T>(key: string, load: () => Promise<T>): Promise<T> {
  const request = pending.get(key) as Promise<T> | undefined;
  pending.delete(key);
  settled.delete(key);
  return request ?? load();
}

/** Claims the prefetched answer for `key` that a first render already drew, so no later screen reuses it. */
export function claim(key: string): void {
  pending.delete(key);
  settled.delete(key);
}
