import { dialog, type BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import path, { join } from 'node:path';
import type { TFunction } from 'i18next';
import type { ExportKind } from '../services/file-names';
import { localFolder } from '../services/local-folder';

/**
 * The save dialog of an export: the proposed name in the folder used last (the documents folder
 * the first time, when that folder is gone, e.g. a USB stick removed, or is not a local folder),
 * filtered to the one kind.
 */
export async function chooseSavePath(
  window: BrowserWindow | null,
  t: TFunction,
  request: { suggestedName: string; kind: ExportKind; lastFolder: string; fallbackFolder: string },
): Promise<string | null> {
  // Checked before it is probed: existsSync on a network share would already contact the host.
  const last = localFolder(request.lastFolder, path);
  const folder = last && existsSync(last) ? last : request.fallbackFolder;
  const options: Electron.SaveDialogOptions = {
    title: t('app.dialog.exportTitle'),
    buttonLabel: t('app.dialog.save'),
    defaultPath: join(folder, request.suggestedName),
    filters: [{ name: t(`app.dialog.filter.${request.kind}`), extensions: [request.kind] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
