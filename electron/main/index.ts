import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { settings as settingsSchema, type BridgeHandlers } from '../../shared/bridge';
import type { Language } from '../../shared/i18n';
import { createI18n } from '../../shared/i18n';
import { createDispatcher } from '../services/dispatch';
import { UserError } from '../services/errors';
import { createHandlers } from '../services/handlers';
import { dataLayout } from '../services/layout';
import { fileLog, type Log } from '../services/log';
import { registerAppScheme, serveApp } from './app-protocol';
import { registerBridge } from './ipc';
import { menuTemplate } from './menu';
import { denyNavigation } from './navigation';
import { cancelForeignRequests } from './offline';
import { denyPermissions } from './permissions';
import { printWindows } from './print-window';
import { chooseSavePath } from './save-dialog';
import { claimSingleInstance } from './single-instance';
import { createMainWindow, focusWindow } from './window';

/**
 * The Electron main process: a thin shell. It applies the security rules, serves the renderer on
 * app://, opens the window and the menu, and hands every bridge call to the services
 * (electron/services), which do the work in plain Node.
 *
 * Where things live: `NIANBAO_HOME` when set (the end-to-end test points it at a temporary folder),
 * else `nianbao` in the OS's application-data folder; the clerk's data is its `data` subfolder
 * (docs/desktop.md). The folder name is ASCII and does not follow the product name, so renaming the
 * product can never orphan anyone's drafts.
 */
const SAMPLE = join('examples', 'national-2021-township-2025.json');

registerAppScheme();
const home = process.env.NIANBAO_HOME
  ? resolve(process.env.NIANBAO_HOME)
  : join(app.getPath('appData'), 'nianbao');
app.setPath('userData', home);
const dataDir = join(home, 'data');
const log = fileLog(dataLayout(dataDir).logs);
const devTools = !app.isPackaged;
let mainWindow: BrowserWindow | null = null;

if (claimSingleInstance(app, () => focusWindow(mainWindow))) {
  app.whenReady().then(start, (error: unknown) => fail(error));
} else {
  app.quit();
}

function readSample(): unknown {
  try {
    return JSON.parse(readFileSync(join(app.getAppPath(), SAMPLE), 'utf8')) as unknown;
  } catch (error) {
    log('error', `sample report not loaded: ${String(error)}`);
    return undefined;
  }
}

function fail(error: unknown): void {
  const t = createI18n('zh-CN').t;
  const message =
    error instanceof UserError ? t(error.userMessage.key, error.userMessage.params) : String(error);
  log('error', `start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  dialog.showErrorBox(t('app.error.title'), message);
  app.exit(1);
}

function applySecurityRules(rulesLog: Log): void {
  app.on('web-contents-created', (_event, contents) => denyNavigation(contents, rulesLog));
  denyPermissions(session.defaultSession, rulesLog);
  cancelForeignRequests(session.defaultSession, rulesLog, { devTools });
}

async function start(): Promise<void> {
  applySecurityRules(log);
  const rendererDir = join(app.getAppPath(), 'dist', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html')))
    return fail(new UserError('app.error.rendererMissing', { folder: rendererDir }));
  serveApp(rendererDir, log);

  const preload = join(__dirname, 'preload.cjs');
  const printing = printWindows(preload);
  let t = createI18n('zh-CN').t;

  const services = await createHandlers({
    dataDir,
    appVersion: app.getVersion(),
    mode: 'electron',
    sample: readSample(),
    chooseSavePath: (suggestedName, kind, lastFolder) =>
      chooseSavePath(mainWindow, t, {
        suggestedName,
        kind,
        lastFolder,
        fallbackFolder: app.getPath('documents'),
      }),
    renderPdf: (id, size, final) => printing.renderPdf(id, size, final),
    print: (id, size, final) => printing.print(id, size, final),
    showInFolder: (path) => shell.showItemInFolder(path),
  }).catch((error: unknown) => {
    fail(error);
    return null;
  });
  if (!services) return;

  const applyLanguage = (language: Language) => {
    t = createI18n(language).t;
    const actions = {
      openDataFolder: () => void shell.openPath(dataDir),
      showAbout: () =>
        void dialog.showMessageBox({
          type: 'info',
          title: t('app.about.title'),
          message: t('app.about.product'),
          detail: t('app.about.detail', { version: app.getVersion(), dataDir }),
          buttons: [t('app.about.ok')],
        }),
    };
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(t, actions, { devTools })));
  };
  applyLanguage(settingsSchema.parse(await services.settings.get()).language);
  // The menu follows the UI language: rebuilt whenever the clerk changes it.
  const handlers: BridgeHandlers = {
    ...services,
    settings: {
      ...services.settings,
      set: async (patch) => {
        const next = settingsSchema.parse(await services.settings.set(patch));
        if (patch.language) applyLanguage(next.language);
        return next;
      },
    },
  };

  const bridge = registerBridge(
    ipcMain,
    createDispatcher(handlers, log),
    {
      windowOf: (contents) => BrowserWindow.fromWebContents(contents),
      mainWindow: () => mainWindow,
      printWindows: () => printing.open,
    },
    log,
  );

  // A last save sent as the window closes must land before the process ends.
  let drained = false;
  app.on('will-quit', (event) => {
    if (drained) return;
    event.preventDefault();
    void bridge.idle().then(() => {
      drained = true;
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());

  mainWindow = createMainWindow(preload, t('app.about.product'), devTools);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}
