import type { MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';

export interface MenuActions {
  openDataFolder(): void;
  showAbout(): void;
}

/**
 * The application menu 文件 / 编辑 / 视图 / 帮助, worded from the same i18next resources as the UI
 * (the `app.menu` keys) in the clerk's language. Standard items use Electron's roles, which bring
 * the usual accelerators (Ctrl+Z, Ctrl+C, Ctrl+V, Ctrl+A, Ctrl+加号/减号/0 …) and work in every
 * text field. Only items main can do on its own are here: the bridge has no main→renderer events,
 * so anything about the open report lives in the window itself. Reload and DevTools exist only in
 * a development build: a reload could drop a keystroke not yet saved.
 */
export function menuTemplate(
  t: TFunction,
  actions: MenuActions,
  options: { devTools: boolean },
): MenuItemConstructorOptions[] {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  return [
    {
      label: t('app.menu.file'),
      submenu: [
        { label: t('app.menu.openDataFolder'), click: () => actions.openDataFolder() },
        separator,
        { label: t('app.menu.quit'), role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: t('app.menu.edit'),
      submenu: [
        { label: t('app.menu.undo'), role: 'undo' },
        { label: t('app.menu.redo'), role: 'redo' },
        separator,
        { label: t('app.menu.cut'), role: 'cut' },
        { label: t('app.menu.copy'), role: 'copy' },
        { label: t('app.menu.paste'), role: 'paste' },
        { label: t('app.menu.selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: t('app.menu.view'),
      submenu: [
        { label: t('app.menu.zoomIn'), role: 'zoomIn' },
        { label: t('app.menu.zoomOut'), role: 'zoomOut' },
        { label: t('app.menu.resetZoom'), role: 'resetZoom' },
        separator,
        { label: t('app.menu.fullScreen'), role: 'togglefullscreen' },
        ...(options.devTools
          ? [
              separator,
              { label: t('app.menu.reload'), role: 'reload' } as const,
              { label: t('app.menu.devTools'), role: 'toggleDevTools' } as const,
            ]
          : []),
      ],
    },
    {
      label: t('app.menu.help'),
      submenu: [
        { label: t('app.menu.openDataFolder'), click: () => actions.openDataFolder() },
        separator,
        { label: t('app.menu.about'), click: () => actions.showAbout() },
      ],
    },
  ];
}
