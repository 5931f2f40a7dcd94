import type { UserMessage } from './bridge';

/**
 * How a refused or failed call reaches the renderer in Electron. An IPC rejection carries only its
 * error's message, so main writes the user message into it as JSON after this mark, the preload
 * rejects with an Error of exactly that text, and `rejectionMessage` reads it back.
 *
 * Without zod on purpose: the renderer reads rejections too, and its bundle leaves the schema
 * library out to keep the first render fast. The hand-written check below accepts exactly what
 * bridge.ts's `userMessage` schema accepts.
 */
export const REJECTION_MARK = 'nianbao-error:';

/** The longest i18n key a user message may name (bridge.ts's `userMessage` uses the same). */
export const MESSAGE_KEY_MAX = 200;

export function rejectionText(message: UserMessage): string {
  return `${REJECTION_MARK}${JSON.stringify(message)}`;
}

/** The user message inside a rejected bridge call, or null when the error carries none. */
export function rejectionMessage(error: unknown): UserMessage | null {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const at = text.indexOf(REJECTION_MARK);
  if (at < 0) return null;
  try {
    return asUserMessage(JSON.parse(text.slice(at + REJECTION_MARK.length)));
  } catch {
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function asUserMessage(value: unknown): UserMessage | null {
  if (!isRecord(value)) return null;
  const { key, params = {} } = value;
  if (typeof key !== 'string' || key.length > MESSAGE_KEY_MAX || !isRecord(params)) return null;
  const entries = Object.entries(params);
  const plain = entries.every(
    ([, v]) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)),
  );
  return plain ? { key, params: Object.fromEntries(entries) as UserMessage['params'] } : null;
}
