import type { Draft } from '../../shared/report/draft';

/**
 * The wizard's undo and redo: earlier versions of the draft, newest last. Keystrokes into one
 * field follow each other into one step while the clerk keeps typing, so 撤销 takes back a word
 * or a figure, not a character; everything changed in one event (a pasted block, the empty cells
 * filled with 0, a regenerated sentence with the numbers it follows) is one step.
 */
export interface History {
  readonly past: readonly Draft[];
  readonly future: readonly Draft[];
  /** What the newest step was about and when it last grew, to decide whether the next change joins it. */
  readonly last: { group: string | null; at: number } | null;
}

export const EMPTY_HISTORY: History = { past: [], future: [], last: null };

/** Enough to undo a morning's work; a draft is small, and versions share everything unchanged. */
export const HISTORY_LIMIT = 300;

/** A pause longer than this ends a run of typing: the next keystroke starts a new undo step. */
export const TYPING_PAUSE_MS = 1200;

const changedKeys = (a: Record<string, unknown>, b: Record<string, unknown>): string[] =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]);

/**
 * What one change edits, when it is a single field, slot, unit line or list: the unit of typing
 * that keystrokes coalesce into. Null for anything wider.
 */
export function editGroup(before: Draft, after: Draft): string | null {
  const top = changedKeys(before, after).filter((k) => k !== 'meta');
  // Sentences generated from the numbers and the unit's data follow a change to them: the
  // change is what the clerk typed, the rewritten sentence comes with it.
  const typed = top.filter((k) => k !== 'prose' && k !== 'generated');
  const inner = (key: 'values' | 'prose' | 'unit' | 'lists') => {
    const keys = changedKeys(before[key], after[key]);
    return keys.length === 1 ? `${key}:${keys[0]}` : null;
  };
  // Typing in a slot coalesces; a sentence generated into it (prose and its record) is a step of its own.
  if (typed.length === 0) return top.length === 1 && top[0] === 'prose' ? inner('prose') : null;
  if (typed.length > 1) return null;
  const key = typed[0]!;
  if (key === 'values' || key === 'unit' || key === 'lists') return inner(key);
  return key === 'issuedOn' || key === 'year' ? key : null;
}

/**
 * The history after the draft changed from `before`. `together` joins the change to the newest
 * step whatever it edits (it arrived in the same event as that step's last change).
 */
export function record(
  history: History,
  before: Draft,
  group: string | null,
  now: number,
  together: boolean,
): History {
  const last = history.last;
  const joins =
    last !== null &&
    history.past.length > 0 &&
    (together || (group !== null && group === last.group && now - last.at <= TYPING_PAUSE_MS));
  if (joins)
    return { past: history.past, future: [], last: { group: together ? last.group : group, at: now } };
  const past = [...history.past, before].slice(-HISTORY_LIMIT);
  return { past, future: [], last: { group, at: now } };
}

/** Two versions hold the same work (the save bookkeeping in `meta` aside). */
export function sameContent(a: Draft, b: Draft): boolean {
  return a === b || JSON.stringify({ ...a, meta: null }) === JSON.stringify({ ...b, meta: null });
}

/** The version to go back to, with the history after it; null when there is nothing to undo. */
export function undo(history: History, current: Draft): { history: History; draft: Draft } | null {
  const draft = history.past.at(-1);
  if (!draft) return null;
  return {
    draft,
    history: { past: history.past.slice(0, -1), future: [...history.future, current], last: null },
  };
}

/** The version undone last, with the history after it; null when there is nothing to redo. */
export function redo(history: History, current: Draft): { history: History; draft: Draft } | null {
  const draft = history.future.at(-1);
  if (!draft) return null;
  return {
    draft,
    history: { past: [...history.past, current], future: history.future.slice(0, -1), last: null },
  };
}
