import type { Draft } from '../report/draft';
import { repeatedText } from '../report/repeat';

/**
 * How much of a unit's report repeats its own last year's, where the report carries last year's
 * prose (a report started from last year's in the wizard does); null where it does not.
 */
export function repeatShareOf(draft: Draft): number | null {
  const last = draft.previous?.prose ?? {};
  if (Object.values(last).every((text) => text.trim() === '')) return null;
  return repeatedText(draft, last).share;
}
