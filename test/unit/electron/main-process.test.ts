import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rejectionMessage } from '../../../shared/bridge';

/**
 * The main process wired up, with `electron` mocked: the thin shell's start-up in order (single
 * instance, security rules, app:// protocol, services, menu, IPC, window), driven through the
 * same IPC handlers the preload calls. What Electron itself does is the e2e test's job.
 */
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const state = {
    appPath: '',
    appListeners: new Map<string, Listener>(),
    ipc: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    windows: [] as {
      options: Record<string, unknown>;
      url: string;
      webContents: object;
      destroyed: boolean;
    }[],
    menus: [] as unknown[],
    protocols: [] as string[],
    privileged: [] as unknown[],
    sessionHandlers: [] as string[],
    errors: [] as string[],
  };
  class BrowserWindow {
    readonly webContents = { id: Math.random() };
    url = '';
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      state.windows.push(this);
    }
    static fromWebContents(contents: object) {
      return state.windows.find((w) => w.webContents === contents) ?? null;
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    once() {}
    on() {}
    isDestroyed() {
      return this.destroyed;
    }
  }
  const session = {
    setPermissionRequestHandler: () => state.sessionHandlers.push('permissionRequest'),
    setPermissionCheckHandler: () => state.sessionHandlers.push('permissionCheck'),
    setDevicePermissionHandler: () => state.sessionHandlers.push('devicePermission'),
    webRequest: { onBeforeRequest: () => state.sessionHandlers.push('beforeRequest') },
  };
  const electron = {
    app: {
      isPackaged: true,
      getPath: (name: string) => join(state.appPath, `os-${name}`),
      setPath: () => undefined,
      getAppPath: () => state.appPath,
      getVersion: () => '0.1.0',
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      on: (name: string, listener: Listener) => state.appListeners.set(name, listener),
      quit: () => undefined,
      exit: () => undefined,
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        state.ipc.set(channel, handler),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => state.menus.push(menu),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => state.privileged.push(schemes),
      handle: (scheme: string) => state.protocols.push(scheme),
    },
    session: { defaultSession: session },
    dialog: {
      showErrorBox: (_title: string, message: string) => state.errors.push(message),
      showMessageBox: () => Promise.resolve({ response: 0 }),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
    },
    shell: { showItemInFolder: () => undefined, openPath: () => Promise.resolve('') },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { state } = fake;
let home: string;

beforeAll(async () => {
  state.appPath = mkdtempSync(join(tmpdir(), 'nianbao-main-'));
  home = join(state.appPath, 'home');
  mkdirSync(join(state.appPath, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(state.appPath, 'dist', 'renderer', 'index.html'), '<!doctype html>');
  mkdirSync(join(state.appPath, 'examples'));
  copyFileSync(
    fileURLToPath(new URL('../../../examples/national-2021-township-2025.json', import.meta.url)),
    join(state.appPath, 'examples', 'national-2021-township-2025.json'),
  );
  process.env.NIANBAO_HOME = home;
  await import('../../../electron/main/index');
  await vi.waitFor(() => expect(state.windows.length).toBe(1), { timeout: 20_000 });
}, 30_000);
afterAll(() => {
  delete process.env.NIANBAO_HOME;
  rmSync(state.appPath, { recursive: true, force: true });
});

const mainWindow = () => state.windows[0]!;
const fromApp = () => ({
  sender: mainWindow().webContents,
  senderFrame: { url: 'app://nianbao/index.html#/', parent: null },
});
const menuLabels = () => (state.menus.at(-1) as MenuItemConstructorOptions[]).map((m) => m.label);

describe('the main process', () => {
  it('starts without an error, registers app:// and applies the session rules', () => {
    expect(state.errors).toEqual([]);
    expect(state.privileged).toHaveLength(1);
    expect(state.protocols).toEqual(['app']);
    expect(state.sessionHandlers.sort()).toEqual([
      'beforeRequest',
      'devicePermission',
      'permissionCheck',
      'permissionRequest',
    ]);
    expect([...state.appListeners.keys()]).toEqual(
      expect.arrayContaining(['second-instance', 'web-contents-created', 'will-quit', 'window-all-closed']),
    );
  });

  it('opens one window on app:// with the secure preferences and the bundled preload', () => {
    expect(mainWindow().url).toBe('app://nianbao/index.html');
    expect(mainWindow().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: false,
    });
    expect(String((mainWindow().options.webPreferences as { preload: string }).preload)).toMatch(
      /preload\.cjs$/,
    );
  });

  it('keeps the data in <home>/data and seeds the sample report for a newcomer', async () => {
    expect(await state.ipc.get('app:info')!(fromApp())).toEqual({
      version: '0.1.0',
      dataDir: join(home, 'data'),
      mode: 'electron',
    });
    const list = (await state.ipc.get('drafts:list')!(fromApp())) as { id: string }[];
    expect(list.map((d) => d.id)).toEqual(['example-national-2021-township-2025']);
  });

  it('refuses a call from anything but its window', async () => {
    const stranger = { sender: {}, senderFrame: { url: 'app://nianbao/index.html', parent: null } };
    const error = await state.ipc.get('drafts:list')!(stranger).catch((e: unknown) => e);
    expect(rejectionMessage(error)).toMatchObject({ key: 'app.ipc.refused' });
  });

  it('shows the Chinese menu, and rebuilds it when the clerk changes the language', async () => {
    expect(menuLabels()).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    await state.ipc.get('settings:set')!(fromApp(), { language: 'en' });
    expect(menuLabels()).toEqual(['&File', '&Edit', '&View', '&Help']);
    const before = state.menus.length;
    await state.ipc.get('settings:set')!(fromApp(), { boldHeadings: true });
    expect(state.menus.length).toBe(before);
  });
});
