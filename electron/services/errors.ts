import type { UserMessage } from '../../shared/bridge';

/**
 * A failure the user must be told about in words: it carries the i18n key and parameters. Services
 * throw it where a bridge result has no failure branch (opening a draft that is gone); the
 * dispatcher passes its key on, so the renderer can show `t(key)` instead of an exception text.
 */
export class UserError extends Error {
  readonly userMessage: UserMessage;
  constructor(key: string, params: UserMessage['params'] = {}) {
    super(key);
    this.name = 'UserError';
    this.userMessage = { key, params };
  }
}

export function userMessage(key: string, params: UserMessage['params'] = {}): UserMessage {
  return { key, params };
}

/** The errno code of a Node file-system error (`EPERM`, `ENOSPC` …), or '' for anything else. */
export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string')
    return error.code;
  return '';
}

/** A short technical detail for a message or the log: the errno code if there is one, else the message. */
export function errorDetail(error: unknown): string {
  return errorCode(error) || (error instanceof Error ? error.message : String(error));
}
