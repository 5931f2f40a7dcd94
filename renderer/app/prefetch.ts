/**
 * Start-up requests begun before React mounts, so the first screen's data travels while the
 * settings are read and the first render runs instead of after them.
 */
const pending = new Map<string, Promise<unknown>>();

export function prefetch(key: string, load: () => Promise<unknown>): void {
  const request = load();
  // An unclaimed failure is reported by the component that asks again, not as an unhandled rejection.
  request.catch(() => undefined);
  pending.set(key, request);
}

/** The prefetched result for `key` if there is one (once), else a fresh request. */
export function fetchOnce<T>(key: string, load: () => Promise<T>): Promise<T> {
  const request = pending.get(key) as Promise<T> | undefined;
  pending.delete(key);
  return request ?? load();
}
