import type { Notice } from '../../shared/bridge';

/**
 * Messages from the step that created or restored a draft (what did not carry over from last
 * year, which backup was restored), handed to the wizard that opens it next.
 */
const pending = new Map<string, Notice[]>();

export function handOffNotices(id: string, notices: Notice[]): void {
  if (notices.length > 0) pending.set(id, [...(pending.get(id) ?? []), ...notices]);
}

export function takeNotices(id: string): Notice[] {
  const notices = pending.get(id) ?? [];
  pending.delete(id);
  return notices;
}
