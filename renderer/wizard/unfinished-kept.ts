import type { UserMessage } from '../../shared/bridge';
import type { Unfinished } from './unfinished';

/**
 * Refused entries outlive the page: written to localStorage as they change, read back when the
 * draft is opened again (a reload, the next start). A clerk who typed 1.4 into a count and closed
 * the window finds 1.4 still in the cell, refused, and the step still unfinished, instead of the
 * old value looking as if it had been meant.
 *
 * They are not in the draft (the draft holds only valid values), so they are forgotten whenever
 * the clerk chooses another version of the draft (a restored backup, an import, the recycle bin).
 */
const key = (id: string) => `nianbao.refused.${id}`;

function isMessage(value: unknown): value is UserMessage {
  const m = value as Partial<UserMessage> | null;
  return typeof m?.key === 'string' && typeof m.params === 'object' && m.params !== null;
}

function isEntry(value: unknown): value is Unfinished {
  const u = value as Partial<Unfinished> | null;
  return (
    typeof u?.key === 'string' &&
    typeof u.name === 'string' &&
    typeof u.text === 'string' &&
    typeof u.step === 'string' &&
    (u.field === undefined || typeof u.field === 'string') &&
    isMessage(u.message)
  );
}

/** The entries kept for a draft; damaged or foreign text reads as none. */
export function parseKeptUnfinished(text: string | null): Unfinished[] {
  if (!text) return [];
  try {
    const list = JSON.parse(text) as unknown;
    return Array.isArray(list) ? list.filter(isEntry) : [];
  } catch {
    return [];
  }
}

export function readKeptUnfinished(id: string): Unfinished[] {
  try {
    return parseKeptUnfinished(localStorage.getItem(key(id)));
  } catch {
    return [];
  }
}

export function keepUnfinished(id: string, entries: readonly Unfinished[]): void {
  try {
    if (entries.length === 0) localStorage.removeItem(key(id));
    else localStorage.setItem(key(id), JSON.stringify(entries));
  } catch {
    // No storage: the entries stay on screen for this session, as they always did.
  }
}

export function forgetKeptUnfinished(id: string): void {
  keepUnfinished(id, []);
}
