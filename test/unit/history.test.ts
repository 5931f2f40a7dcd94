import { describe, expect, it } from 'vitest';
import {
  EMPTY_HISTORY,
  editGroup,
  record,
  redo,
  TYPING_PAUSE_MS,
  undo,
  type History,
} from '../../renderer/app/history';
import { newDraft } from '../../shared/report/draft-io';
import type { Draft } from '../../shared/report/draft';
import { findTemplate } from '../../shared/report/templates';

const template = findTemplate('national-2021')!;
const start = newDraft({ template, year: 2026, unit: { name: '柳溪镇人民政府' }, id: 'history1' });
const withValue = (d: Draft, id: string, v: number): Draft => ({ ...d, values: { ...d.values, [id]: v } });
const withProse = (d: Draft, slot: string, text: string): Draft => ({
  ...d,
  prose: { ...d.prose, [slot]: text },
});

/** Applies changes as the session does: each records the version before it. */
function typeAll(steps: { draft: Draft; at: number; together?: boolean }[], from = start) {
  let history: History = EMPTY_HISTORY;
  let current = from;
  for (const s of steps) {
    history = record(history, current, editGroup(current, s.draft), s.at, s.together ?? false);
    current = s.draft;
  }
  return { history, current };
}

describe('draft history', () => {
  it('takes back a run of keystrokes in one cell as one step, and a pause starts a new one', () => {
    const a = withValue(start, 't2.penalty', 1);
    const b = withValue(a, 't2.penalty', 14);
    const c = withValue(b, 't2.penalty', 145);
    const { history, current } = typeAll([
      { draft: a, at: 0 },
      { draft: b, at: 300 },
      { draft: c, at: 300 + TYPING_PAUSE_MS + 1 },
    ]);
    const once = undo(history, current)!;
    expect(once.draft.values['t2.penalty']).toBe(14);
    const twice = undo(once.history, once.draft)!;
    expect(twice.draft.values['t2.penalty']).toBeUndefined();
    expect(undo(twice.history, twice.draft)).toBeNull();
    const again = redo(twice.history, twice.draft)!;
    expect(again.draft.values['t2.penalty']).toBe(14);
  });

  it('keeps typing in two places apart, however fast', () => {
    const a = withValue(start, 't2.penalty', 3);
    const b = withProse(a, 's1.overview', '全年');
    const { history, current } = typeAll([
      { draft: a, at: 0 },
      { draft: b, at: 10 },
    ]);
    const once = undo(history, current)!;
    expect(once.draft.prose['s1.overview']).toBeUndefined();
    expect(once.draft.values['t2.penalty']).toBe(3);
  });

  it('takes back a pasted block, changed cell by cell in one event, as one step', () => {
    const cells = ['t3.new.natural', 't3.new.commercial', 't3.new.research'];
    let d = start;
    const steps = cells.map((id, i) => {
      d = withValue(d, id, i + 5);
      return { draft: d, at: 0, together: i > 0 };
    });
    const { history, current } = typeAll(steps);
    const once = undo(history, current)!;
    expect(once.draft.values).toEqual(start.values);
    expect(once.history.past).toHaveLength(0);
  });

  it('forgets what was undone once the clerk changes something else', () => {
    const a = withValue(start, 't2.penalty', 3);
    const { history, current } = typeAll([{ draft: a, at: 0 }]);
    const back = undo(history, current)!;
    const b = withValue(back.draft, 't2.licensing', 2);
    const next = record(back.history, back.draft, editGroup(back.draft, b), 5000, false);
    expect(redo(next, b)).toBeNull();
  });

  it('names what a change edits, so keystrokes join only their own field', () => {
    expect(editGroup(start, withValue(start, 't2.penalty', 1))).toBe('values:t2.penalty');
    expect(editGroup(start, withProse(start, 's1.overview', 'x'))).toBe('prose:s1.overview');
    expect(editGroup(start, { ...start, issuedOn: '2027-01-15' })).toBe('issuedOn');
    expect(editGroup(start, withValue(withValue(start, 'a', 1), 'b', 2))).toBeNull();
  });
});

describe('what a change edits', () => {
  it('is the typed field even when the sentences that quote it follow', () => {
    const typed = { ...start, unit: { ...start.unit, phone: '0572-1' } };
    const followed = {
      ...typed,
      prose: { ...typed.prose, preface: '…电话：0572-1。' },
      generated: { preface: '…' },
    };
    expect(editGroup(start, followed)).toBe('unit:phone');
  });
});

describe('a generated sentence', () => {
  it('is a step of its own, not part of the typing before it', () => {
    const cleared = withProse(start, 's6.other', '');
    const generated = {
      ...withProse(cleared, 's6.other', '2026年，我镇未收取信息处理费。'),
      generated: { 's6.other': '2026年，我镇未收取信息处理费。' },
    };
    const { history, current } = typeAll([
      { draft: cleared, at: 0 },
      { draft: generated, at: 100 },
    ]);
    expect(undo(history, current)!.draft.prose['s6.other']).toBe('');
  });
});
