import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Draft } from '../../../shared/report/draft';
import { newDraft, readDraft } from '../../../shared/report/draft-io';
import { township2012 } from '../../../shared/report/templates/township-2012';

// From the checkout's root, where the tests run: this module is also bundled into a child process (no import.meta there).
const example = resolve('examples/national-2021-township-2025.json');

/**
 * A county's unit report for 2025: the national example with its own name and its own figures
 * (the example's table 三 and 四 multiplied by `scale`, which keeps every balance rule), saved at `savedAt`.
 */
export function unitReport(name: string, scale = 1, savedAt = '2026-01-20T02:00:00.000Z'): Draft {
  const read = readDraft(readFileSync(example, 'utf8'));
  if (!read.ok) throw new Error('the national example must read');
  const draft = read.draft;
  draft.id = `u${Buffer.from(name).toString('hex').slice(0, 18)}${scale}`.slice(0, 20);
  draft.unit.name = name;
  draft.unit.signature = '';
  for (const [id, value] of Object.entries(draft.values))
    if (/^t[34]\./.test(id)) draft.values[id] = value * scale;
  // Prose quoting the example's figures would now disagree with the table; these units write none.
  draft.prose = Object.fromEntries(Object.keys(draft.prose).map((slot) => [slot, '本年度工作情况见附表。']));
  draft.generated = {};
  draft.carried = {};
  draft.meta.updatedAt = savedAt;
  return draft;
}

/** The same report with R1 broken in the 自然人 column: one more new application than cases concluded and carried over. */
export function withBalanceError(draft: Draft): Draft {
  draft.values['t3.new.natural'] = (draft.values['t3.new.natural'] ?? 0) + 1;
  return draft;
}

/** A unit that still writes on the township form of 2012 for the year 2025. */
export function oldFormReport(name: string): Draft {
  const draft = newDraft({
    template: township2012,
    year: 2025,
    unit: { name, kind: 'township' },
    now: new Date('2026-01-15T02:00:00Z'),
  });
  draft.values['request.total'] = 3;
  return draft;
}
