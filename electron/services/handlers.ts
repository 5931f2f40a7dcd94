import type { BridgeHandlers, Notice } from '../../shared/bridge';
import { countyHandlers } from './county-handlers';
import { DraftLibrary } from './drafts';
import { Exporter, type PrintSize } from './exports';
import type { ExportKind } from './file-names';
import { dataLayout } from './layout';
import { fileLog } from './log';
import { SettingsStore } from './settings-store';

export interface ServiceDeps {
  /** Absolute folder for drafts, backups, trash and settings. */
  dataDir: string;
  appVersion: string;
  mode: 'electron' | 'web';
  /** Where to save an export; null when the user cancels. Electron: dialog.showSaveDialog in lastFolder.
   *  Web mode: no dialog — a fixed output folder joined with the suggested name. */
  chooseSavePath(suggestedName: string, kind: ExportKind, lastFolder: string): Promise<string | null>;
  /** Renders the print view (#/print/<id>?size=…&final=0|1) to PDF bytes. Electron: hidden window + printToPDF. Web: Chromium page.pdf(). */
  renderPdf(id: string, size: PrintSize, final: boolean): Promise<Uint8Array>;
  /** Sends the print view to a printer. Electron: hidden window + webContents.print. */
  print(id: string, size: PrintSize, final: boolean): Promise<{ ok: true } | { ok: false; cancelled: true }>;
  /** Reveals a file in the OS file manager (only paths this session exported are ever passed). */
  showInFolder(path: string): void;
  now?: () => Date;
  /**
   * The sample report (examples/national-2021-township-2025.json, parsed), seeded as the first
   * draft when the data folder has none, so a newcomer opens on a filled-in report. Seeded once.
   */
  sample?: unknown;
}

/**
 * Everything the renderer can ask for, as plain Node over the data folder: main wraps these in its
 * IPC wrapper, the browser mode serves them over loopback HTTP. Opening the data folder checks
 * every draft; what it had to recover is kept for `app.startupNotices`.
 */
export async function createHandlers(deps: ServiceDeps): Promise<BridgeHandlers> {
  const layout = dataLayout(deps.dataDir);
  const log = fileLog(layout.logs);
  const now = deps.now ?? (() => new Date());
  const library = await DraftLibrary.open({ layout, appVersion: deps.appVersion, now, log }, deps.sample);
  const { settings, notices: settingsNotices } = await SettingsStore.open(layout, log, now());
  const startupNotices: Notice[] = [...settingsNotices, ...library.startupNotices];
  const exporter = new Exporter({
    library,
    settings,
    chooseSavePath: (name, kind, folder) => deps.chooseSavePath(name, kind, folder),
    renderPdf: (id, size, final) => deps.renderPdf(id, size, final),
    print: (id, size, final) => deps.print(id, size, final),
    showInFolder: (path) => deps.showInFolder(path),
    log,
  });

  return {
    drafts: {
      list: async () => library.list(),
      open: (id) => library.open(id),
      save: (draft) => library.save(draft),
      create: (args) => library.create(args),
      createFromPrevious: (args) => library.createFromPrevious(args),
      duplicate: (id) => library.duplicate(id),
      remove: (id) => library.remove(id),
      listTrash: async () => library.listTrash(),
      restoreFromTrash: (id) => library.restoreFromTrash(id),
      listBackups: (id) => library.listBackups(id),
      restoreBackup: (id, name) => library.restoreBackup(id, name),
      importFile: ({ fileName, text }) => library.importFile(fileName, text),
      importDocument: ({ fileName, data }) => library.importDocument(fileName, data),
      exportFile: (id) => exporter.draftFile(id),
    },
    exports: {
      docx: ({ id, final }) => exporter.docx(id, final),
      xlsx: ({ id, final }) => exporter.xlsx(id, final),
      pdf: ({ id, final, size }) => exporter.pdf(id, final, size),
      print: ({ id, size, final }) => exporter.print(id, size, final),
      showInFolder: async (path) => exporter.showInFolder(path),
    },
    settings: {
      get: async () => settings.get(),
      set: (partial) => settings.set(partial),
    },
    app: {
      info: async () => ({ version: deps.appVersion, dataDir: deps.dataDir, mode: deps.mode }),
      startupNotices: async () => startupNotices,
    },
    county: countyHandlers({
      dataDir: deps.dataDir,
      now,
      log,
      library,
      chooseSavePath: (name, kind) => deps.chooseSavePath(name, kind, settings.get().lastFolder),
    }),
  };
}
