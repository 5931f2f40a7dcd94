import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';

/**
 * The desktop app itself, end to end: start-up on the sample report, a save, a restart, an export.
 * It needs Electron's binary, which `electron` ≥ 42 downloads on first launch; where it is absent
 * (no internet), every test here is skipped and says so loudly. The browser-mode specs cover the
 * renderer and the services everywhere.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

const binary = electronBinary();
const reason = 'no Electron binary on this machine (it is downloaded on first launch, which needs internet)';
if (!binary)
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPED test/e2e/electron.spec.ts: ${reason}.\n!! The desktop shell was NOT tested end to end here; run it where Electron can start.\n${'!'.repeat(78)}\n`,
  );

test.describe('the desktop app', () => {
  test.skip(!binary, reason);
  test.describe.configure({ mode: 'serial' });

  let home: string;
  let app: ElectronApplication;
  let page: Page;

  const launch = async () => {
    app = await electron.launch({
      executablePath: binary!,
      // Root (a CI container) cannot use Chromium's sandbox; clerks never run as root.
      args: [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, NIANBAO_HOME: home },
    });
    page = await app.firstWindow();
    await page.waitForFunction(() => 'nianbao' in window);
  };

  test.beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'nianbao-electron-'));
    const build = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--quiet'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
  });
  test.afterAll(async () => {
    await app?.close();
    rmSync(home, { recursive: true, force: true });
  });

  test('starts on app://, with the bridge and the sample report, and nothing else', async () => {
    await launch();
    expect(page.url()).toMatch(/^app:\/\/nianbao\/index\.html/);
    const surface = await page.evaluate(() => ({
      namespaces: Object.keys(window.nianbao).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(surface).toEqual({
      namespaces: ['app', 'drafts', 'exports', 'settings'],
      require: 'undefined',
      process: 'undefined',
    });
    const drafts = await page.evaluate(() => window.nianbao.drafts.list());
    expect(drafts).toHaveLength(1);
    expect(await page.evaluate(() => window.nianbao.app.info())).toMatchObject({
      mode: 'electron',
      dataDir: join(home, 'data'),
    });
  });

  test('a save lands on disk, and survives a restart', async () => {
    const id = await page.evaluate(async () => {
      const [first] = await window.nianbao.drafts.list();
      const { draft } = await window.nianbao.drafts.open(first!.id);
      const saved = await window.nianbao.drafts.save({
        ...draft,
        prose: { ...draft.prose, 's5.problems': '端到端保存' },
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      return draft.id;
    });
    const onDisk = JSON.parse(readFileSync(join(home, 'data', 'drafts', `${id}.json`), 'utf8')) as {
      prose: Record<string, string>;
    };
    expect(onDisk.prose['s5.problems']).toBe('端到端保存');

    await app.close();
    await launch();
    const reopened = await page.evaluate(
      async (draftId) => (await window.nianbao.drafts.open(draftId)).draft.prose,
      id,
    );
    expect(reopened['s5.problems']).toBe('端到端保存');
  });

  test('an export writes the Word file where the save dialog said', async () => {
    const target = join(home, '导出', '年度报告.docx');
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
    }, target);
    const result = await page.evaluate(async () => {
      const [first] = await window.nianbao.drafts.list();
      return window.nianbao.exports.docx({ id: first!.id, final: false });
    });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ key: 'app.export.folderMissing' }),
    });
    mkdirSync(dirname(target), { recursive: true });
    const written = await page.evaluate(async () => {
      const [first] = await window.nianbao.drafts.list();
      return window.nianbao.exports.docx({ id: first!.id, final: false });
    });
    expect(written).toEqual({ ok: true, path: target, draftMarked: true });
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    // The app is offline by design: no request ever left app://.
    const logFile = join(home, 'data', 'logs', 'nianbao.log');
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    expect(log).not.toContain('cancelled a request outside the app');
  });
});
