import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createUiI18n } from '../../renderer/app/i18n';
import { resources } from '../../shared/i18n';
import { en } from '../../shared/i18n-en';
import { zhCN } from '../../shared/i18n-zh-CN';
import { zhTW } from '../../shared/i18n-zh-TW';

/**
 * The renderer loads one language's strings (shared/i18n-<language>.ts); the CLI and the main
 * process take those and the command line's (shared/i18n.ts). A locale file left out of a
 * language's module would show the UI's keys raw.
 */
describe("the renderer's strings", () => {
  it('are every locale file of the language but the command line’s, as the files say', () => {
    for (const [language, ui] of [
      ['zh-CN', zhCN],
      ['zh-TW', zhTW],
      ['en', en],
    ] as const) {
      const dir = `shared/locales/${language}`;
      const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'cli.json');
      expect(Object.keys(ui).sort(), language).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
      for (const f of files)
        expect(ui[f.replace(/\.json$/, '') as keyof typeof ui], `${language}/${f}`).toEqual(
          JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')),
        );
      expect(resources[language].translation.cli).toEqual(
        JSON.parse(readFileSync(`${dir}/cli.json`, 'utf8')),
      );
    }
  });

  it('start in the language of the settings, read from its chunk', async () => {
    expect((await createUiI18n('en')).t('ui.home.title')).toBe(en.ui.home.title);
    expect((await createUiI18n('zh-TW')).t('ui.home.title')).toBe(zhTW.ui.home.title);
    expect((await createUiI18n('zh-CN')).t('ui.home.title')).toBe(zhCN.ui.home.title);
  });

  it('switch language only once the chosen language is loaded', async () => {
    const i18n = await createUiI18n('zh-CN');
    const switching = i18n.changeLanguage('en');
    expect(i18n.t('ui.home.title')).toBe(zhCN.ui.home.title);
    await switching;
    expect(i18n.language).toBe('en');
    expect(i18n.t('ui.home.title')).toBe(en.ui.home.title);
  });
});
