import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { UserMessage } from '../../shared/bridge';
import { keepUnfinished, readKeptUnfinished } from './unfinished-kept';

/**
 * Entries the clerk typed that were refused (1.4 in a count, 2月30日): they are not in the draft,
 * which keeps the value the field had before. The text is kept here, above the step, so it is
 * still in its field when the clerk comes back, and so the step list, the export page and the
 * notice on leaving a step can say that something is unfinished.
 */
export interface Unfinished {
  /** Where it was typed: a field id, `issuedOn`, `year`, or `list:<list id>:<row>` (listRowKey). */
  key: string;
  /** The field as the clerk knows it (行政处罚 本年处理决定数量, 成文日期). */
  name: string;
  text: string;
  message: UserMessage;
  /** The step it was typed on. */
  step: string;
  /** Where a jump should put the cursor (a field id the step's editors focus), when there is one. */
  field?: string;
}

export type UnfinishedReport = Omit<Unfinished, 'key' | 'step'>;

export interface UnfinishedEntries {
  get(key: string): Unfinished | undefined;
  /** A refused entry, or null when the entry is valid again or was given up (Escape, undo). */
  report(key: string, entry: UnfinishedReport | null): void;
  /** Forgets every entry whose key `keep` turns down (those of list rows that are gone). */
  keepOnly(keep: (key: string) => boolean): void;
}

const nowhere: UnfinishedEntries = {
  get: () => undefined,
  report: () => undefined,
  keepOnly: () => undefined,
};

export const UnfinishedContext = createContext<UnfinishedEntries>(nowhere);

export function useUnfinished(): UnfinishedEntries {
  return useContext(UnfinishedContext);
}

/** The key of an entry typed in a row of a list. */
export const listRowKey = (list: string, row: number) => `list:${list}:${row}`;

/** Whether the entry's field still exists: a list row may have been taken away since (undo, a restored version). */
export function stillThere(key: string, lists: Readonly<Record<string, readonly unknown[]>>): boolean {
  const row = /^list:(.+):(\d+)$/.exec(key);
  return !row || Number(row[2]) < (lists[row[1]!]?.length ?? 0);
}

const sameEntry = (a: Unfinished | undefined, b: Unfinished) =>
  a !== undefined &&
  a.text === b.text &&
  a.name === b.name &&
  a.step === b.step &&
  a.message.key === b.message.key;

/**
 * The wizard's store of one draft's unfinished entries. `latest()` reads them synchronously: a
 * cell left by clicking another step reports its refusal in the same click, before the step changes.
 */
export function useUnfinishedStore(
  draftId: string,
  currentStep: string,
): {
  entries: readonly Unfinished[];
  api: UnfinishedEntries;
  latest(): readonly Unfinished[];
} {
  const [map, setMap] = useState<ReadonlyMap<string, Unfinished>>(
    () => new Map(readKeptUnfinished(draftId).map((u) => [u.key, u])),
  );
  const live = useRef(map);
  const step = useRef(currentStep);
  step.current = currentStep;

  const update = useCallback(
    (next: Map<string, Unfinished>) => {
      live.current = next;
      setMap(next);
      keepUnfinished(draftId, [...next.values()]);
    },
    [draftId],
  );

  const api = useMemo<UnfinishedEntries>(
    () => ({
      get: (key) => live.current.get(key),
      report: (key, entry) => {
        const old = live.current.get(key);
        if (!entry) {
          if (!old) return;
          const next = new Map(live.current);
          next.delete(key);
          update(next);
          return;
        }
        // An entry keeps the step it was typed on, also when a jump brought the clerk back to it.
        const full: Unfinished = { ...entry, key, step: old?.step ?? step.current };
        if (sameEntry(old, full)) return;
        update(new Map(live.current).set(key, full));
      },
      keepOnly: (keep) => {
        const keys = [...live.current.keys()].filter((k) => !keep(k));
        if (keys.length === 0) return;
        const next = new Map(live.current);
        for (const k of keys) next.delete(k);
        update(next);
      },
    }),
    [update],
  );
  const entries = useMemo(() => [...map.values()], [map]);
  const latest = useCallback(() => [...live.current.values()], []);
  return { entries, api, latest };
}
