import type { TFunction } from 'i18next';
import type { UserMessage } from '../../shared/bridge';
import { rejectionMessage } from '../../shared/bridge-errors';
import { BridgeError } from '../bridge-web';

/**
 * What went wrong, as a message for the user: the service's own message when it sent one (a
 * BridgeError in browser mode, the preload's marked rejection in Electron), else
 * the technical detail inside a sentence that says what to do. Kept as a key with parameters so it
 * is worded in the language shown when it is read, not when it happened.
 */
export function toUserMessage(error: unknown): UserMessage {
  if (error instanceof BridgeError && error.userMessage) return error.userMessage;
  const carried = rejectionMessage(error);
  if (carried) return carried;
  return {
    key: 'ui.error.unexpected',
    params: { detail: error instanceof Error ? error.message : String(error) },
  };
}

export function messageText(t: TFunction, message: UserMessage): string {
  return t(message.key, { ...message.params, defaultValue: message.key });
}

export function describeError(t: TFunction, error: unknown): string {
  return messageText(t, toUserMessage(error));
}
