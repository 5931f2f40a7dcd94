import type { Draft } from '../../shared/report/draft';
import { sameWork, workPrint } from '../../shared/report/draft-work';

/**
 * Unsaved edits, written synchronously to localStorage whenever the page may go away (reload,
 * close, switching to another program). A save started while the page unloads may not arrive
 * before the next page asks for the draft; this copy does not depend on it.
 *
 * Edits only make sense on the version they were made on. The entry names that version (its
 * `meta.updatedAt`, which the services set on every save) and is recovered only while the services'
 * draft is still that version: a backup restored, a draft brought back from the recycle bin or a
 * file imported since then is the clerk's choice, and the leftover edits must not undo it. It is
 * cleared once a save of the same content succeeds and whenever a draft is opened from a restore
 * or an import.
 */
export interface JournalEntry {
  draft: Draft;
  /** `meta.updatedAt` of the stored draft the edits were made on. */
  base: string;
  /**
   * The work of a save that was under way when the entry was written. Its answer decides the base,
   * and the page may be gone before it comes: if that save landed, the edits still sit on top of it.
   */
  pending?: string;
}

const key = (id: string) => `nianbao.unsaved.${id}`;

/**
 * The edits to lay over the draft the services opened, or null when there are none that apply:
 * no entry, an entry made on another version, or one that holds nothing the services lack.
 */
export function recoverable(entry: JournalEntry | null, stored: Draft): Draft | null {
  if (!entry || entry.draft.id !== stored.id) return null;
  const onTop =
    entry.base === stored.meta.updatedAt ||
    (entry.pending !== undefined && entry.pending === workPrint(stored));
  return onTop && !sameWork(entry.draft, stored) ? entry.draft : null;
}

/** An entry as stored, or null for anything else (another draft's, an older format, damaged text). */
export function parseJournal(text: string | null, id: string): JournalEntry | null {
  if (!text) return null;
  try {
    // Written by this page from a draft the services accepted; the save that follows validates it again.
    const entry = JSON.parse(text) as Partial<JournalEntry> | null;
    const draft = entry?.draft as Partial<Draft> | undefined;
    const fits =
      typeof entry?.base === 'string' &&
      (entry.pending === undefined || typeof entry.pending === 'string') &&
      draft?.id === id &&
      typeof draft.prose === 'object' &&
      typeof draft.values === 'object';
    return fits ? (entry as JournalEntry) : null;
  } catch {
    return null;
  }
}

export function writeJournal(entry: JournalEntry): void {
  try {
    localStorage.setItem(key(entry.draft.id), JSON.stringify(entry));
  } catch {
    // No storage (a full disk, a protocol without localStorage): the regular save still runs.
  }
}

export function readJournal(id: string): JournalEntry | null {
  try {
    return parseJournal(localStorage.getItem(key(id)), id);
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
