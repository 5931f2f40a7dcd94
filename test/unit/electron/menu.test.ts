import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../shared/i18n';
import { menuTemplate } from '../../../electron/main/menu';

const actions = { openDataFolder: () => undefined, showAbout: () => undefined };
const items = (menu: MenuItemConstructorOptions) => menu.submenu as MenuItemConstructorOptions[];

describe('the application menu', () => {
  it('is 文件 / 编辑 / 视图 / 帮助 in Chinese, with Alt access keys', () => {
    const menu = menuTemplate(createI18n('zh-CN').t, actions, { devTools: false });
    expect(menu.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(items(menu[0]!).map((i) => i.label ?? i.type)).toEqual(['打开数据文件夹', 'separator', '退出']);
    expect(items(menu[3]!).map((i) => i.label ?? i.type)).toContain('关于');
  });

  it('follows the UI language', () => {
    expect(menuTemplate(createI18n('en').t, actions, { devTools: false }).map((m) => m.label)).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Help',
    ]);
    expect(menuTemplate(createI18n('zh-TW').t, actions, { devTools: false })[0]!.label).toBe('檔案(&F)');
  });

  it('uses the standard roles, which bring the usual accelerators, and Ctrl+Q to quit', () => {
    const menu = menuTemplate(createI18n('zh-CN').t, actions, { devTools: false });
    expect(items(menu[1]!).map((i) => i.role ?? i.type)).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
    expect(items(menu[2]!).map((i) => i.role ?? i.type)).toEqual([
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'separator',
      'togglefullscreen',
    ]);
    expect(items(menu[0]!).find((i) => i.role === 'quit')).toMatchObject({
      accelerator: 'CmdOrCtrl+Q',
      label: '退出',
    });
  });

  it('offers reload and DevTools only in a development build', () => {
    const dev = menuTemplate(createI18n('zh-CN').t, actions, { devTools: true });
    expect(
      items(dev[2]!)
        .map((i) => i.role)
        .filter(Boolean),
    ).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    const all = JSON.stringify(menuTemplate(createI18n('zh-CN').t, actions, { devTools: false }));
    expect(all).not.toContain('toggleDevTools');
    expect(all).not.toContain('reload');
  });

  it('its own items do what they say', () => {
    const calls: string[] = [];
    const menu = menuTemplate(
      createI18n('zh-CN').t,
      { openDataFolder: () => calls.push('folder'), showAbout: () => calls.push('about') },
      { devTools: false },
    );
    const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)();
    click(items(menu[0]!).find((i) => i.label === '打开数据文件夹'));
    click(items(menu[3]!).find((i) => i.label === '关于'));
    expect(calls).toEqual(['folder', 'about']);
  });
});
