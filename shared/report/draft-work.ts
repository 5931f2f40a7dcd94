import type { Draft } from './draft';
import { stripIllegalXml } from './text';

/**
 * A draft's work: everything the clerk wrote, without the bookkeeping (`meta`) that every save
 * rewrites. Two versions with the same work are the same report, whichever save stored them.
 */

/** Whether two drafts hold the same work. */
export function sameWork(a: Draft, b: Draft): boolean {
  return workOf(a) === workOf(b);
}

/** A short fingerprint of a draft's work, to name a version without keeping a copy of it. */
export function workPrint(draft: Draft): string {
  const work = workOf(draft);
  return `${work.length}:${hash53(work)}`;
}

/**
 * The draft's content without `meta`, with object keys sorted: the services parse what they store,
 * which may reorder keys, and the same work must compare equal after the round trip.
 */
function workOf(draft: Draft): string {
  return JSON.stringify({ ...draft, meta: null }, (_, value: unknown) => {
    // The services strip characters XML forbids (pasted \v and the like) as they store a draft;
    // the stored version of this same work must still compare equal.
    if (typeof value === 'string') return stripIllegalXml(value);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value;
  });
}

/** cyrb53: 53 well-mixed bits, plenty to tell one version of a draft from another. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
