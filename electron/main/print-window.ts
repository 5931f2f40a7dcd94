import { BrowserWindow, type WebContents } from 'electron';
import { printUrl } from './app-url';
import { secureWebPreferences } from './web-preferences';

/** Fonts and layout of a long report take a moment; a print view that never reports ready is a bug. */
const READY_TIMEOUT_MS = 30_000;

export type PrintSize = 'a4' | 'a3' | 'a4-enlarged';

export interface PrintWindows {
  /** Windows currently printing: the IPC wrapper lets them read the draft they print. */
  readonly open: ReadonlySet<BrowserWindow>;
  renderPdf(id: string, size: PrintSize, final: boolean): Promise<Uint8Array>;
  print(id: string, size: PrintSize, final: boolean): Promise<{ ok: true } | { ok: false; cancelled: true }>;
}

/** Waits in the page for the print view's signal (renderer: documentElement.dataset.printReady = '1'). */
function whenReady(contents: WebContents): Promise<unknown> {
  return contents.executeJavaScript(`new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (document.documentElement.dataset.printReady === '1') resolve(true);
      else if (Date.now() - started > ${READY_TIMEOUT_MS}) reject(new Error('print view not ready'));
      else setTimeout(poll, 50);
    };
    poll();
  })`);
}

/**
 * Print and PDF use the renderer's print view, the same layout as the Word file (A4, GB/T 9704
 * margins, fonts and page numbers, set by its @page CSS). Each job opens a hidden window with the
 * same secure preferences and preload as the main window, loads the print route, waits until the
 * view says it is laid out, prints or renders it, and closes the window.
 */
export function printWindows(preload: string): PrintWindows {
  const open = new Set<BrowserWindow>();

  async function withPrintView<T>(
    id: string,
    size: PrintSize,
    final: boolean,
    use: (contents: WebContents) => Promise<T>,
  ) {
    const window = new BrowserWindow({
      show: false,
      width: 1000,
      height: 1400,
      webPreferences: secureWebPreferences(preload, false),
    });
    open.add(window);
    try {
      await window.loadURL(printUrl(id, size, final));
      await whenReady(window.webContents);
      return await use(window.webContents);
    } finally {
      open.delete(window);
      window.destroy();
    }
  }

  return {
    open,
    renderPdf: (id, size, final) =>
      withPrintView(id, size, final, async (contents) => {
        const pdf = await contents.printToPDF({ preferCSSPageSize: true, printBackground: true });
        return new Uint8Array(pdf);
      }),
    print: (id, size, final) =>
      withPrintView(
        id,
        size,
        final,
        (contents) =>
          new Promise((resolve, reject) => {
            contents.print({ silent: false, printBackground: true }, (success, reason) => {
              if (success) resolve({ ok: true });
              else if (reason === 'cancelled') resolve({ ok: false, cancelled: true });
              else reject(new Error(`print failed: ${reason}`));
            });
          }),
      ),
  };
}
