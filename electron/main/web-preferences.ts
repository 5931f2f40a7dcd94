import type { WebPreferences } from 'electron';

/**
 * The webPreferences of every window the app opens, the main window and the hidden print window
 * alike, so the two cannot drift apart. Each setting is an item of Electron's security checklist:
 * - `contextIsolation: true` (§3): the preload's world and the page's are separate; the page sees
 *   only what contextBridge exposes (window.nianbao);
 * - `sandbox: true` (§4): the renderer process is sandboxed by the OS; the preload can only reach
 *   main through IPC;
 * - `nodeIntegration: false` in pages, workers and subframes (§2): page script never gets `require`;
 * - `webviewTag: false` (§11, §12): no <webview> can embed other content;
 * - `webSecurity: true` (§6), `allowRunningInsecureContent: false` (§8), `experimentalFeatures:
 *   false` (§9), no `enableBlinkFeatures` (§10): Chromium's own protections stay on;
 * - `navigateOnDragDrop: false`: a draft file dropped on the window must not replace the app with it.
 * DevTools exist only in a development build. `v8CacheOptions: 'bypassHeatCheck'`: V8 stores the
 * compiled app from the first start on, not from the third (Chromium's heat check is made for web
 * pages seen once); with app://'s code cache (app-protocol.ts) every later start skips compiling.
 */
export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    v8CacheOptions: 'bypassHeatCheck',
    devTools,
  };
}
