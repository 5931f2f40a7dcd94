#!/usr/bin/env node
/**
 * Renderer benchmarks in Chromium against the browser-mode server (the real services):
 *   - first render: navigation start → the wizard (and the home page) drawn with its data, median of
 *     runs, at the first start (nothing cached) and at later starts (compiled code cached), each
 *     beside the same measure of a page with React alone (what the machine costs any React app);
 *   - input latency: keydown → the next frame, typing into a 20,000-character prose section, median;
 *   - preview update: typed input → the typed words in the paged preview, median;
 *   - the gzipped size of the renderer's JavaScript;
 *   - 导出 PDF through the server: the first (Chromium starts), the median of the next three, and
 *     one after an edit that brings new characters.
 * Builds first (scripts/dev-web.mjs --build-only) unless given --no-build. Prints a table; exits 1
 * when a figure misses its target.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build as viteBuild } from 'vite';
import CHROMIUM_ARGS from './web/chromium-args.json' with { type: 'json' };

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';
const SAMPLE = 'example-national-2021-township-2025';
const RUNS = 9;
const KEYS = 40;
const LONG_SECTION = 20_000;
const TARGETS = {
  firstRenderMs: 500,
  inputLatencyMs: 50,
  previewUpdateMs: 200,
  jsGzipKb: 600,
  pdfFirstMs: 5000,
  pdfWarmMs: 2000,
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

function startServer(dataDir) {
  const child = spawn(
    process.execPath,
    [join(root, 'dist/dev-web/main.mjs'), '--data', dataDir, '--port', '0'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /nianbao web: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (found) resolve({ url: found[1], stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function call(url, channel, ...args) {
  const response = await fetch(`${url}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  if (!response.ok) throw new Error(`${channel}: HTTP ${response.status}`);
  return response.json();
}

/** Records, in the page, the moment an element matching `selector` first exists (ms after navigation start). */
function watchFor(selector) {
  new MutationObserver((_, observer) => {
    if (document.querySelector(selector)) {
      window.__drawnAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Navigation start → the first drawing of `selector` (ms), in a new page of `context`. */
async function drawnAt(context, url, selector) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.addInitScript(watchFor, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.__drawnAt !== undefined);
  const at = await page.evaluate(() => window.__drawnAt);
  await page.close();
  return at;
}

/**
 * Median time from navigation start to the first drawing of each page's `selector` (the app draws
 * its first screen once, with its data), two ways:
 *   - first start: a profile that never loaded the page (nothing cached: every script downloaded
 *     and compiled), as the first start after installing;
 *   - later starts: a profile that has loaded it before, so the scripts come from the cache with
 *     V8's compiled code, as every later start of the desktop app (app:// keeps a code cache,
 *     electron/main/web-preferences.ts) and of the browser mode in the clerk's own browser.
 * Each round loads every page in turn both ways, so all see the same load: these are wall-clock
 * times on a machine whose two cores other work shares, and they grow with the load average
 * printed with them.
 */
async function firstRenders(browser, pages) {
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-bench-profile-'));
  const used = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  try {
    // V8 caches a script's compiled code from its second load; the third finds it.
    for (let i = 0; i < 3; i++) for (const { url, selector } of pages) await drawnAt(used, url, selector);
    const first = pages.map(() => []);
    const later = pages.map(() => []);
    for (let i = 0; i < RUNS; i++)
      for (const [k, { url, selector }] of pages.entries()) {
        const fresh = await browser.newContext();
        first[k].push(await drawnAt(fresh, url, selector));
        await fresh.close();
        later[k].push(await drawnAt(used, url, selector));
      }
    return { first: first.map(median), later: later.map(median) };
  } finally {
    await used.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The floor: a page with React alone (scripts/bench-floor), built as the app is and served over
 * loopback. Measured beside the app's first renders, it moves with the machine (its load, its CPU),
 * not with the app: what the app draws above it is the app's own cost.
 */
async function serveFloor() {
  const outDir = join(root, 'dist/bench-floor');
  await viteBuild({
    root: join(root, 'scripts/bench-floor'),
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false } },
  });
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = join(outDir, path === '/' ? 'index.html' : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[file.slice(file.lastIndexOf('.'))] ?? 'text/plain' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return { url: `http://127.0.0.1:${server.address().port}/`, stop: () => server.close() };
}

/**
 * 导出 PDF in browser mode, through the server's PDF renderer (scripts/web/pdf.ts): the first one
 * starts Chromium, loads the print route and subsets the fonts it draws with; later ones reuse
 * that page and those subsets; one after an edit that brings characters the subsets lack grows them.
 */
async function pdfExport(url) {
  const once = async () => {
    const start = performance.now();
    const result = await call(url, 'exports:pdf', { id: SAMPLE, final: true, size: 'a4' });
    if (!result.ok) throw new Error(`exports:pdf: ${JSON.stringify(result)}`);
    return performance.now() - start;
  };
  const first = await once();
  const warm = [];
  for (let i = 0; i < 3; i++) warm.push(await once());
  const { draft } = await call(url, 'drafts:open', SAMPLE);
  draft.prose['s1.intro'] += '另据统计，鳜鱼养殖户咨询犇羴鱻等生僻字姓名信息。';
  await call(url, 'drafts:save', draft);
  const edited = await once();
  return { first, warm: median(warm), edited };
}

/** Installs, in the page, a recorder of keydown → next frame for every key typed. */
function recordLatency() {
  window.__latencies = [];
  document.addEventListener(
    'keydown',
    (e) => {
      const start = e.timeStamp;
      // The frame after the next animation frame callback is the one that shows the keystroke.
      requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - start), 0));
    },
    true,
  );
}

async function inputLatency(browser, url, tab) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${url}#/draft/${SAMPLE}/s1`);
  await page.getByRole('tab', { name: tab }).click();
  const area = page.locator('#slot-s1\\.intro');
  await area.click();
  await area.press('Control+End');
  await page.evaluate(recordLatency);
  await page.keyboard.type('a'.repeat(KEYS), { delay: 60 });
  await page.waitForTimeout(300);
  const latencies = await page.evaluate(() => window.__latencies);
  const length = (await area.inputValue()).length;
  await page.close();
  return { median: median(latencies), length };
}

/**
 * Installs, in the page, a recorder of input → the section's last words shown in the paged
 * preview. Typed Chinese arrives as text input without a keydown (as from an IME), so the clock
 * starts at beforeinput.
 */
function recordPreview() {
  window.__previewTimes = [];
  const area = document.activeElement;
  const preview = document.querySelector('.paged-preview');
  let pending = null;
  area.addEventListener('beforeinput', (e) => {
    pending = { start: e.timeStamp };
  });
  area.addEventListener('input', () => {
    if (pending) pending.expected = area.value.slice(-12);
  });
  new MutationObserver(() => {
    if (pending?.expected && preview.textContent.includes(pending.expected)) {
      const { start } = pending;
      pending = null;
      requestAnimationFrame(() => setTimeout(() => window.__previewTimes.push(performance.now() - start), 0));
    }
  }).observe(preview, { childList: true, subtree: true, characterData: true });
}

async function previewUpdate(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${url}#/draft/${SAMPLE}/s6`);
  await page.getByRole('tab', { name: '预览' }).click();
  await page.locator('.paged-preview').waitFor();
  const area = page.locator('#slot-s6\\.other');
  await area.click();
  await area.press('Control+End');
  await page.evaluate(recordPreview);
  for (const ch of '政务公开工作持续推进成效明显群众满意度不断提升')
    await page.keyboard.type(ch, { delay: 250 });
  await page.waitForTimeout(500);
  const times = await page.evaluate(() => window.__previewTimes);
  await page.close();
  return median(times);
}

function jsGzipKb() {
  const dir = join(root, 'dist/renderer/assets');
  const bytes = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
  return bytes / 1024;
}

if (!process.argv.includes('--no-build'))
  execFileSync(process.execPath, [join(root, 'scripts/dev-web.mjs'), '--build-only'], {
    cwd: root,
    stdio: 'inherit',
  });

// Built with the app, before the load average is read: builds are not part of what is measured.
const floorPage = await serveFloor();
const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
const server = await startServer(dataDir);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const load = loadavg()[0];
  const renders = await firstRenders(browser, [
    { url: floorPage.url, selector: '.floor' },
    { url: `${server.url}#/`, selector: '.draft-card' },
    { url: `${server.url}#/draft/${SAMPLE}/s1`, selector: '.step-pane textarea' },
  ]);
  const preview = await previewUpdate(browser, server.url);
  const pdf = await pdfExport(server.url);

  // A section of 20,000 characters, as a long 总体情况 pasted from last year's report.
  const { draft } = await call(server.url, 'drafts:open', SAMPLE);
  const paragraph = `${draft.prose['s1.intro'].split('\n')[0]}\n`;
  draft.prose['s1.intro'] = paragraph
    .repeat(Math.ceil(LONG_SECTION / paragraph.length))
    .slice(0, LONG_SECTION);
  await call(server.url, 'drafts:save', draft);
  const latency = await inputLatency(browser, server.url, '检查');
  const latencyPreview = await inputLatency(browser, server.url, '预览');
  const js = jsGzipKb();

  const rows = [
    ['first render, home, first start (median ms)', renders.first[1], TARGETS.firstRenderMs],
    ['first render, wizard, first start (median ms)', renders.first[2], TARGETS.firstRenderMs],
    ['  the same, a page with React alone (the floor)', renders.first[0], TARGETS.firstRenderMs],
    ['first render, home, later starts (median ms)', renders.later[1], TARGETS.firstRenderMs],
    ['first render, wizard, later starts (median ms)', renders.later[2], TARGETS.firstRenderMs],
    ['  the same, a page with React alone (the floor)', renders.later[0], TARGETS.firstRenderMs],
    [`input latency, ${latency.length} chars (median ms)`, latency.median, TARGETS.inputLatencyMs],
    ['  the same, with the preview open (median ms)', latencyPreview.median, TARGETS.inputLatencyMs],
    ['preview update (median ms)', preview, TARGETS.previewUpdateMs],
    ['renderer JS gzipped (KB)', js, TARGETS.jsGzipKb],
    ['PDF export, first (Chromium start, ms)', pdf.first, TARGETS.pdfFirstMs],
    ['PDF export, warm (median ms)', pdf.warm, TARGETS.pdfWarmMs],
    ['PDF export, after an edit with new characters (ms)', pdf.edited, TARGETS.pdfWarmMs],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(
    `load average ${load.toFixed(1)} on ${availableParallelism()} cores when the first renders began`,
  );
  console.log(`${'renderer benchmark'.padEnd(width)}  ${'value'.padStart(8)}  ${'target'.padStart(8)}`);
  for (const [name, value, target] of rows)
    console.log(
      `${name.padEnd(width)}  ${value.toFixed(1).padStart(8)}  ${`< ${target}`.padStart(8)}  ${value < target ? 'ok' : 'MISSED'}`,
    );
  process.exitCode = rows.every(([, value, target]) => value < target) ? 0 : 1;
} finally {
  floorPage.stop();
  await browser.close();
  server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
