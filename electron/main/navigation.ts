import type { WebContents } from 'electron';
import type { Log } from '../services/log';
import { isAllowedNavigation } from './app-url';

/**
 * Electron security checklist §13 "Disable or limit navigation", §14 "Disable or limit creation of
 * new windows" and §12 "Verify WebView options before creation". The app is one page that routes
 * by its URL hash, which is not a navigation. Anything else that would load a new document (a link
 * in pasted text, a file dropped on the window, a redirect, window.open, a <webview>) is a way to
 * put foreign content next to the bridge, so it is refused and logged; only a reload of the app's
 * own index passes.
 */
export function denyNavigation(contents: WebContents, log: Log): void {
  const refuse = (what: string) => (event: { preventDefault(): void }, url: string) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    log('warn', `refused ${what} to ${url.slice(0, 300)}`);
  };
  contents.on('will-navigate', refuse('navigation'));
  contents.on('will-frame-navigate', (details) => {
    if (isAllowedNavigation(details.url)) return;
    details.preventDefault();
    log('warn', `refused frame navigation to ${details.url.slice(0, 300)}`);
  });
  contents.on('will-redirect', refuse('redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    log('warn', `refused new window for ${url.slice(0, 300)}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('error', 'refused to attach a <webview>');
  });
}
