import type { Draft } from './draft';
import { paragraphs } from './text';

// Kept apart from carry-forward.ts, which reads drafts through zod: the wizard calls this on a
// click, and zod must stay out of the renderer's bundle (see renderer/bridge-web.ts).

/**
 * The clerk keeps a carried paragraph as it is: it is no longer last year's unread text, so it
 * leaves `draft.carried` (and with it the 上年内容 mark and the CARRIED finding). Paragraphs of the
 * slot the clerk has since edited leave with it: they are this year's words already.
 */
export function confirmCarried(draft: Draft, slot: string, paragraph: string): Draft {
  const present = new Set(paragraphs(draft.prose[slot]));
  const left = (draft.carried[slot] ?? []).filter((p) => p !== paragraph && present.has(p));
  const { [slot]: _old, ...rest } = draft.carried;
  return { ...draft, carried: left.length > 0 ? { ...rest, [slot]: left } : rest };
}
