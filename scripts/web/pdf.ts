import { chromium, type Browser } from '@playwright/test';
import chromiumArgs from './chromium-args.json' with { type: 'json' };

/**
 * PDFs in browser mode: the print route rendered by Chromium's page.pdf(), the same engine as
 * Electron's printToPDF, so the file matches what the desktop app saves. One browser is started
 * on the first PDF and kept for the next.
 */
/**
 * Debian Chromium's launch flags, one list for the PDF renderer, the end-to-end tests and the
 * benchmark. The networking flags matter: without them Chromium phones home for updates, sync and
 * safe browsing, and the app is offline.
 */
export const CHROMIUM_ARGS: string[] = chromiumArgs;

export function chromiumPath(): string {
  return process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';
}

/** How long the print view may take to lay out a long report before the PDF is given up. */
const READY_TIMEOUT_MS = 60_000;

export interface PdfRenderer {
  render(origin: string, id: string, size: string, final: boolean): Promise<Uint8Array>;
  close(): Promise<void>;
}

export function pdfRenderer(): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  return {
    async render(origin, id, size, final) {
      browser ??= chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
      const page = await (await browser).newPage();
      try {
        await page.goto(`${origin}/#/print/${encodeURIComponent(id)}?size=${size}&final=${final ? 1 : 0}`);
        await page.waitForFunction(() => document.documentElement.dataset.printReady === '1', undefined, {
          timeout: READY_TIMEOUT_MS,
        });
        return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      } finally {
        await page.close();
      }
    },
    async close() {
      if (browser) await (await browser).close();
      browser = null;
    },
  };
}
