import type { Draft } from '../../shared/report/draft';

/**
 * Unsaved edits, written synchronously to localStorage whenever the page may go away (reload,
 * close, switching to another program). A save started while the page unloads may not arrive
 * before the next page asks for the draft; this copy does not depend on it. It is cleared once a
 * save of the same content succeeds, so what remains is only ever work the services do not have.
 */
const key = (id: string) => `nianbao.unsaved.${id}`;

/** Two drafts hold the same work when they differ at most in the bookkeeping the services update on save. */
export function sameWork(a: Draft, b: Draft): boolean {
  return JSON.stringify({ ...a, meta: null }) === JSON.stringify({ ...b, meta: null });
}

export function writeJournal(draft: Draft): void {
  try {
    localStorage.setItem(key(draft.id), JSON.stringify(draft));
  } catch {
    // No storage (a full disk, a protocol without localStorage): the regular save still runs.
  }
}

export function readJournal(id: string): Draft | null {
  try {
    const text = localStorage.getItem(key(id));
    if (!text) return null;
    // Written by this page from a draft the services accepted; the save that follows validates it again.
    const draft = JSON.parse(text) as Partial<Draft> | null;
    return draft?.id === id && typeof draft.prose === 'object' && typeof draft.values === 'object'
      ? (draft as Draft)
      : null;
  } catch {
    return null;
  }
}

export function clearJournal(id: string): void {
  try {
    localStorage.removeItem(key(id));
  } catch {
    // Nothing to clear where there is no storage.
  }
}
