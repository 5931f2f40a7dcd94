import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/report/draft';
import { readDraft, serializeDraft } from '../../shared/report/draft-io';
import { parseJournal, recoverable, type JournalEntry } from '../../renderer/app/journal';
import { workPrint } from '../../shared/report/draft-work';

/**
 * The unsaved-edits journal decides, when a draft opens, whether edits the last page wrote down
 * are laid over what the services hold. They must come back after a failed save, and must never
 * undo a version the clerk chose since (a restored backup, an imported file).
 */
function read(text: string): Draft {
  const result = readDraft(text);
  if (!result.ok) throw new Error(result.error.key);
  return result.draft;
}

const sample = read(
  readFileSync(new URL('../../examples/national-2021-township-2025.json', import.meta.url), 'utf8'),
);

/** What the services hold after storing `draft` at `at`: written, read back, stamped. */
function stored(draft: Draft, at: string): Draft {
  const back = read(serializeDraft(draft));
  return { ...back, meta: { ...back.meta, updatedAt: at } };
}

const typed = (draft: Draft, slot: string, words: string): Draft => ({
  ...draft,
  prose: { ...draft.prose, [slot]: `${draft.prose[slot] ?? ''}${words}` },
});

const monday = stored(sample, '2026-01-19T08:00:00.000Z');
const edits = typed(monday, 's5.problems', '另外，个别栏目的更新仍不及时。');

describe('recovering unsaved edits', () => {
  it('edits a failed save left behind come back on the version they were made on', () => {
    const entry: JournalEntry = { draft: edits, base: monday.meta.updatedAt };
    expect(recoverable(entry, monday)).toBe(edits);
  });

  it('a backup restored since is not undone by them', () => {
    const older = typed(sample, 's6.other', '（上周的版本）');
    const restored = stored(older, '2026-01-19T09:30:00.000Z');
    expect(recoverable({ draft: edits, base: monday.meta.updatedAt }, restored)).toBeNull();
  });

  it('an imported file that took the draft’s place is not undone by them', () => {
    const imported = stored(
      typed(sample, 's1.intro', '（县里退回修改后的版本）'),
      '2026-01-20T02:00:00.000Z',
    );
    expect(recoverable({ draft: edits, base: monday.meta.updatedAt }, imported)).toBeNull();
  });

  it('edits the services already hold are not recovered again', () => {
    const landed = stored(edits, '2026-01-19T08:00:05.000Z');
    expect(recoverable({ draft: edits, base: monday.meta.updatedAt }, landed)).toBeNull();
    expect(recoverable({ draft: edits, base: landed.meta.updatedAt }, landed)).toBeNull();
  });

  it('a save the services cleaned (a pasted control character stripped) still counts as the one in flight', () => {
    const sent = typed(monday, 's5.problems', '粘贴来的\u000b文字');
    const later = typed(sent, 's5.problems', '，又写了一句。');
    const landed = stored(sent, '2026-01-19T08:00:05.000Z');
    expect(landed.prose['s5.problems']).not.toContain('\u000b');
    const entry: JournalEntry = { draft: later, base: monday.meta.updatedAt, pending: workPrint(sent) };
    expect(recoverable(entry, landed)).toBe(later);
  });

  it('edits typed while a save was under way survive that save landing after the page went', () => {
    const sent = typed(monday, 's5.problems', '另外，');
    const landed = stored(sent, '2026-01-19T08:00:05.000Z');
    const entry: JournalEntry = { draft: edits, base: monday.meta.updatedAt, pending: workPrint(sent) };
    expect(recoverable(entry, landed)).toBe(edits);
    // …and when it did not land, the version they were made on is still there.
    expect(recoverable(entry, monday)).toBe(edits);
    // A version the clerk chose later is still not undone.
    expect(recoverable(entry, stored(sample, '2026-01-19T10:00:00.000Z'))).toBeNull();
  });

  it('another draft’s entry is never laid over this one', () => {
    const other = { ...edits, id: 'another-draft' };
    expect(recoverable({ draft: other, base: monday.meta.updatedAt }, monday)).toBeNull();
  });
});

describe('the work fingerprint', () => {
  it('is the same after the services store and read the draft back, keys in another order', () => {
    const reordered: Draft = {
      ...edits,
      prose: Object.fromEntries(Object.entries(edits.prose).reverse()),
      unit: Object.fromEntries(Object.entries(edits.unit).reverse()) as Draft['unit'],
    };
    expect(workPrint(reordered)).toBe(workPrint(stored(edits, 'later')));
  });

  it('differs by one character typed', () => {
    expect(workPrint(typed(edits, 's5.problems', '。'))).not.toBe(workPrint(edits));
  });
});

describe('reading the stored entry', () => {
  it('reads back what the page wrote', () => {
    const entry: JournalEntry = { draft: edits, base: monday.meta.updatedAt, pending: workPrint(monday) };
    expect(parseJournal(JSON.stringify(entry), edits.id)).toEqual(entry);
  });

  it('ignores an entry without a base (the format before), another draft’s, or damaged text', () => {
    expect(parseJournal(JSON.stringify(edits), edits.id)).toBeNull();
    expect(parseJournal(JSON.stringify({ draft: edits, base: 'x' }), 'another-draft')).toBeNull();
    expect(parseJournal('{"draft":', edits.id)).toBeNull();
    expect(parseJournal(null, edits.id)).toBeNull();
  });
});
