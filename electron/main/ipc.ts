import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { bridge, bridgeMethods, rejectionText } from '../../shared/bridge';
import type { Dispatch } from '../services/dispatch';
import { UserError } from '../services/errors';
import type { Log } from '../services/log';
import { isAppUrl } from './app-url';

/** Which windows may call: the app's main window, and the hidden print windows for what printing reads. */
export interface SenderPolicy {
  windowOf(contents: WebContents): BrowserWindow | null;
  mainWindow(): BrowserWindow | null;
  printWindows(): ReadonlySet<BrowserWindow>;
}

/** The print view only reads: the draft, the settings, the app's version. */
export const PRINT_CHANNELS: ReadonlySet<string> = new Set([
  bridge.drafts.open.channel,
  bridge.settings.get.channel,
  bridge.app.info.channel,
]);

/**
 * Electron security checklist §17, "Validate the sender of all IPC messages": a call is answered
 * only when it comes from the top frame of one of the app's own windows showing an app:// page.
 * Any other sender (a subframe, a window the app did not open, a page navigated elsewhere, a
 * frame already gone) is refused.
 */
export function senderAllowed(event: IpcMainInvokeEvent, channel: string, policy: SenderPolicy): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isAppUrl(frame.url)) return false;
  const window = policy.windowOf(event.sender);
  if (!window || window.isDestroyed()) return false;
  if (window === policy.mainWindow()) return true;
  return policy.printWindows().has(window) && PRINT_CHANNELS.has(channel);
}

export interface RegisteredBridge {
  /** Resolves when every call in flight has finished: the app waits for it before quitting, so a last save lands. */
  idle(): Promise<void>;
}

/**
 * Registers every bridge method (from shared/bridge.ts, so none can be missed or invented) through
 * one wrapper: check the sender, then hand the call to the dispatcher, which refuses oversized
 * payloads, parses the arguments with the method's zod tuple and checks the result against the
 * contract. A refusal rejects with the user message encoded by `rejectionText`.
 */
export function registerBridge(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  policy: SenderPolicy,
  log: Log,
): RegisteredBridge {
  const inFlight = new Set<Promise<unknown>>();
  for (const [, , def] of bridgeMethods()) {
    ipcMain.handle(def.channel, async (event, ...args: unknown[]) => {
      if (!senderAllowed(event, def.channel, policy)) {
        log('error', `refused ${def.channel} from ${event.senderFrame?.url ?? 'a frame that is gone'}`);
        throw new Error(rejectionText({ key: 'app.ipc.refused', params: { channel: def.channel } }));
      }
      const call = dispatch(def.channel, args);
      inFlight.add(call);
      try {
        return await call;
      } catch (error) {
        const message =
          error instanceof UserError
            ? error.userMessage
            : { key: 'app.error.unexpected', params: { detail: String(error) } };
        throw new Error(rejectionText(message));
      } finally {
        inFlight.delete(call);
      }
    });
  }
  return {
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
