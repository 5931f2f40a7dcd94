import { chromium, type Browser, type Page } from '@playwright/test';
import chromiumArgs from './chromium-args.json' with { type: 'json' };
import { pdfFonts } from './pdf-fonts';

/**
 * PDFs in browser mode: the print route rendered by Chromium's page.pdf(), the same engine as
 * Electron's printToPDF, so the file matches what the desktop app saves.
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

/**
 * One browser and one page, started on the first PDF and kept: a later PDF only changes the page's
 * hash (the print route reads the draft and settings afresh on every visit, PrintPage.tsx), so it
 * pays neither Chromium's start nor the app's load, only the layout and page.pdf(). Before
 * page.pdf() the page gets subsets of the installed fonts it draws with (pdf-fonts.ts), as Chromium
 * embeds a whole installed CJK font slowly. PDFs are made one at a time on that page.
 */
export function pdfRenderer(): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  let page: Promise<Page> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let visits = 0;
  const fonts = pdfFonts();

  const open = async (origin: string, hash: string): Promise<Page> => {
    browser ??= chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const launched = await browser.catch((error: unknown) => {
      // A browser that did not start is tried again on the next PDF.
      browser = null;
      throw error;
    });
    const opened = await launched.newPage();
    opened.on('close', () => {
      page = null;
    });
    await opened.goto(`${origin}/${hash}`);
    return opened;
  };

  const renderOne = async (origin: string, id: string, size: string, final: boolean) => {
    const hash = `#/print/${encodeURIComponent(id)}?size=${size}&final=${final ? 1 : 0}&visit=${++visits}`;
    let current = page;
    if (current && !(await current).url().startsWith(origin)) {
      await (await current).close();
      current = null;
    }
    if (current)
      await (
        await current
      ).evaluate((next) => {
        delete document.documentElement.dataset.printReady;
        location.hash = next;
      }, hash);
    else {
      fonts.prepare();
      current = page = open(origin, hash).catch((error: unknown) => {
        page = null;
        throw error;
      });
    }
    const ready = await current;
    try {
      await ready.waitForFunction(() => document.documentElement.dataset.printReady === '1', undefined, {
        timeout: READY_TIMEOUT_MS,
      });
      await fonts.embed(ready);
      return new Uint8Array(await ready.pdf({ preferCSSPageSize: true, printBackground: true }));
    } catch (error) {
      // A page that failed once starts afresh next time.
      await ready.close().catch(() => undefined);
      throw error;
    }
  };

  return {
    render(origin, id, size, final) {
      const result = queue.then(() => renderOne(origin, id, size, final));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      const running = browser;
      browser = null;
      page = null;
      if (running) await (await running).close();
    },
  };
}
