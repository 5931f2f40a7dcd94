import { useCallback, useEffect, useRef, useState } from 'react';
import type { Notice, OpenedDraft, UserMessage } from '../../shared/bridge';
import type { Draft } from '../../shared/report/draft';
import type { TemplateDef } from '../../shared/report/template';
import { findTemplate } from '../../shared/report/templates';
import { toUserMessage } from './errors';
import { takeNotices } from './handoff';
import { editGroup, EMPTY_HISTORY, record, redo, sameContent, undo, type History } from './history';
import { arrived, claim, fetchOnce } from './prefetch';
import { withStoredField } from './refused-field';
import { workPrint } from '../../shared/report/draft-work';
import { clearJournal, readJournal, recoverable, writeJournal } from './journal';

/**
 * One open draft and its autosave. The clerk never presses Save: a change is saved a moment
 * after typing pauses, at once on every step change, and when the window closes, reloads, is
 * hidden, or another draft is opened. Saves run one at a time; the latest content always wins.
 */
export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; reason: UserMessage }
  /** The services refused one entry (named in `reason`); everything else was saved without it. */
  | { kind: 'partial'; reason: UserMessage };

export interface DraftSession {
  draft: Draft | null;
  template: TemplateDef | null;
  notices: Notice[];
  loadError: UserMessage | null;
  saveState: SaveState;
  change(update: (draft: Draft) => Draft): void;
  /** Saves now; resolves true once the latest content is stored, false when the save failed. */
  flush(): Promise<boolean>;
  /** Takes back the last change (a run of typing in one field is one change); it is saved like any other. */
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
}

/** Long enough not to save mid-word, short enough that a crash loses at most a sentence. */
const AUTOSAVE_DELAY_MS = 600;

interface TakenUp {
  id: string;
  opened: OpenedDraft;
  /** Edits the last page wrote down but the services never received (a reload mid-save), laid over the stored draft. */
  recovered: Draft | null;
}

function takeUp(id: string, opened: OpenedDraft): TakenUp {
  const recovered = recoverable(readJournal(id), opened.draft);
  const notices: Notice[] = [...opened.notices];
  if (recovered) notices.push({ key: 'ui.session.recovered', params: {}, severity: 'info' });
  return { id, opened: { ...opened, notices }, recovered };
}

export function useDraftSession(id: string): DraftSession {
  // The draft the page asked for as it loaded, when it is back: the first render draws it.
  const [start] = useState<TakenUp | null>(() => {
    const opened = arrived<OpenedDraft>(`draft:${id}`);
    return opened ? takeUp(id, opened) : null;
  });
  const [draft, setDraft] = useState<Draft | null>(start ? (start.recovered ?? start.opened.draft) : null);
  const [notices, setNotices] = useState<Notice[]>(start?.opened.notices ?? []);
  const [loadError, setLoadError] = useState<UserMessage | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: start?.recovered ? 'pending' : 'saved' });

  const current = useRef<Draft | null>(draft);
  const saved = useRef<Draft | null>(start?.opened.draft ?? null);
  /** `meta.updatedAt` of the version the services hold: what the journal's edits are made on. */
  const storedAt = useRef(start?.opened.draft.meta.updatedAt ?? '');
  /** `meta.revision` of the version the services hold: each save is based on it, or is refused as made on an old version. */
  const storedRevision = useRef(start?.opened.draft.meta.revision ?? 0);
  const sending = useRef<Draft | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const history = useRef<History>(EMPTY_HISTORY);
  /** Set by a change and cleared once its event is over: further changes of that event join its undo step. */
  const inEvent = useRef(false);
  const [undoable, setUndoable] = useState({ undo: false, redo: false });
  const setHistory = (next: History) => {
    history.current = next;
    setUndoable((u) =>
      u.undo === next.past.length > 0 && u.redo === next.future.length > 0
        ? u
        : { undo: next.past.length > 0, redo: next.future.length > 0 },
    );
  };

  const unsaved = () => current.current !== null && current.current !== saved.current;

  const journal = () => {
    const draft = current.current;
    if (!draft || draft === saved.current) return;
    writeJournal({
      draft,
      base: storedAt.current,
      ...(sending.current ? { pending: workPrint(sending.current) } : {}),
    });
  };

  const saveNow = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) return inFlight.current.then(() => (unsaved() ? saveNow() : undefined));
    const snapshot = current.current;
    if (!snapshot || snapshot === saved.current) return Promise.resolve();
    setSaveState({ kind: 'saving' });
    sending.current = snapshot;
    const run = window.nianbao.drafts
      .save({ ...snapshot, meta: { ...snapshot.meta, revision: storedRevision.current } })
      .then(async (result) => {
        if (!result.ok && result.error.key === 'app.storage.conflict') {
          // Saved elsewhere since: the services kept this version as a backup, so the screen takes
          // up the stored one rather than go on editing a version every later save would refuse.
          const opened = await window.nianbao.drafts.open(snapshot.id);
          adopt({ ...opened, notices: [...opened.notices, { ...result.error, severity: 'warning' }] }, null);
          return;
        }
        if (!result.ok) {
          // One refused entry must not stop the rest from being saved: save without it, and say which.
          const field = result.error.params.field;
          const around =
            typeof field === 'string' && saved.current
              ? withStoredField(snapshot, saved.current, field)
              : null;
          const retried = around
            ? await window.nianbao.drafts.save({
                ...around,
                meta: { ...around.meta, revision: storedRevision.current },
              })
            : null;
          if (around && retried?.ok) {
            saved.current = around;
            storedAt.current = retried.savedAt;
            storedRevision.current = retried.revision;
            setSaveState({ kind: 'partial', reason: result.error });
          } else setSaveState({ kind: 'failed', reason: result.error });
          return;
        }
        saved.current = snapshot;
        storedAt.current = result.savedAt;
        storedRevision.current = result.revision;
        if (current.current === snapshot) {
          clearJournal(snapshot.id);
          setSaveState({ kind: 'saved' });
        }
      })
      .catch((error: unknown) => setSaveState({ kind: 'failed', reason: toUserMessage(error) }))
      .finally(() => {
        sending.current = null;
        inFlight.current = null;
      });
    inFlight.current = run;
    return run.then(() => (unsaved() && current.current !== snapshot ? saveNow() : undefined));
  }, []);

  /** Shows and schedules the save of a new version, whether typed, undone or redone. */
  const show = useCallback(
    (next: Draft) => {
      current.current = next;
      setDraft(next);
      setSaveState((s) => (s.kind === 'failed' || s.kind === 'partial' ? s : { kind: 'pending' }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    },
    [saveNow],
  );

  const change = useCallback(
    (update: (draft: Draft) => Draft) => {
      const base = current.current;
      if (!base) return;
      const next = update(base);
      if (next === base) return;
      setHistory(record(history.current, base, editGroup(base, next), Date.now(), inEvent.current));
      if (!inEvent.current) {
        inEvent.current = true;
        queueMicrotask(() => (inEvent.current = false));
      }
      show(next);
    },
    [show],
  );

  const travel = useCallback(
    (step: typeof undo) => {
      const now = current.current;
      if (!now) return;
      let moved = step(history.current, now);
      // A step that changed nothing in the end (a refused entry put back) is passed over.
      while (moved && sameContent(moved.draft, now)) moved = step(moved.history, now);
      if (!moved) return;
      setHistory(moved.history);
      // The version goes back, the save bookkeeping does not: it describes the file as it is now.
      show({ ...moved.draft, meta: now.meta });
    },
    [show],
  );

  const flush = useCallback(async () => {
    journal();
    await saveNow();
    return !unsaved();
  }, [saveNow]);

  const adopt = useCallback((opened: OpenedDraft, recovered: Draft | null) => {
    setHistory(EMPTY_HISTORY);
    saved.current = opened.draft;
    storedAt.current = opened.draft.meta.updatedAt;
    storedRevision.current = opened.draft.meta.revision;
    current.current = recovered ?? opened.draft;
    setDraft(current.current);
    setNotices(opened.notices);
    setSaveState({ kind: recovered ? 'pending' : 'saved' });
  }, []);

  useEffect(() => {
    let live = true;
    if (start?.id === id) {
      claim(`draft:${id}`);
      const handed = takeNotices(id);
      if (handed.length > 0) setNotices((shown) => [...handed, ...shown]);
      if (start.recovered) void saveNow();
      else clearJournal(id);
    } else {
      current.current = null;
      saved.current = null;
      setDraft(null);
      setLoadError(null);
      fetchOnce(`draft:${id}`, () => window.nianbao.drafts.open(id))
        .then((opened) => {
          if (!live) return;
          const { opened: taken, recovered } = takeUp(id, opened);
          if (!recovered) clearJournal(id);
          adopt({ ...taken, notices: [...takeNotices(id), ...taken.notices] }, recovered);
          if (recovered) void saveNow();
        })
        .catch((error: unknown) => {
          if (live) setLoadError(toUserMessage(error));
        });
    }
    return () => {
      live = false;
      // Switching drafts or leaving the wizard: whatever is unsaved goes now.
      journal();
      void saveNow();
    };
  }, [id, start, adopt, saveNow]);

  useEffect(() => {
    const leave = () => {
      if (!unsaved()) return;
      journal();
      void saveNow();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('beforeunload', leave);
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', leave);
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [saveNow]);

  return {
    draft,
    template: draft ? (findTemplate(draft.template) ?? null) : null,
    notices,
    loadError,
    saveState,
    change,
    flush,
    undo: useCallback(() => travel(undo), [travel]),
    redo: useCallback(() => travel(redo), [travel]),
    canUndo: undoable.undo,
    canRedo: undoable.redo,
  };
}
