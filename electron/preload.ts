import { contextBridge, ipcRenderer } from 'electron';
import { bridgeMethods, rejectionMessage, rejectionText } from '../shared/bridge';

/**
 * The whole of what the page can reach: `window.nianbao`, one function per bridge method, built
 * from shared/bridge.ts so it cannot drift from what main registers. No `ipcRenderer`, no event
 * objects, no channel of the page's choosing: each function invokes its own fixed channel with the
 * arguments it was given (main parses them). A rejection is re-raised as a plain Error carrying
 * only the user message, without Electron's wording around it.
 */
const api: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
for (const [namespace, name, def] of bridgeMethods()) {
  (api[namespace] ??= {})[name] = (...args: unknown[]) =>
    ipcRenderer.invoke(def.channel, ...args).catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(
        rejectionText(rejectionMessage(error) ?? { key: 'app.error.unexpected', params: { detail } }),
      );
    });
}

contextBridge.exposeInMainWorld('nianbao', api);
