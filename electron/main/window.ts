import { BrowserWindow } from 'electron';
import { APP_INDEX } from './app-url';
import { secureWebPreferences } from './web-preferences';

/** The one main window, on the app's own index; shown once painted, so the clerk never sees a white flash. */
export function createMainWindow(preload: string, title: string, devTools: boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preload, devTools),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_INDEX);
  return window;
}

export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
