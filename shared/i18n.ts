import i18next, { type i18n } from 'i18next';
import type { Language } from './i18n-languages';
import zhCNCli from './locales/zh-CN/cli.json';
import zhTWCli from './locales/zh-TW/cli.json';
import enCli from './locales/en/cli.json';
import { en } from './i18n-en';
import { zhCN } from './i18n-zh-CN';
import { zhTW } from './i18n-zh-TW';

export { LANGUAGES, isLanguage, type Language } from './i18n-languages';

/**
 * One namespace per part of the app (draft reading, checks, field input, CLI, desktop shell, UI),
 * all in the default `translation` namespace under their own top-level key, so a key reads
 * `checks.r1.message` everywhere. zh-CN is the source of truth; test/unit/locales.test.ts fails
 * when the other languages' keys differ. Each language's strings but the command line's are in
 * shared/i18n-<language>.ts, which the renderer loads one at a time (renderer/app/i18n.ts); the
 * CLI, Electron's main process and the tests take all of them from here.
 */
export const resources = {
  'zh-CN': { translation: { ...zhCN, cli: zhCNCli } },
  'zh-TW': { translation: { ...zhTW, cli: zhTWCli } },
  en: { translation: { ...en, cli: enCli } },
} as const;

/** A fresh i18next instance, initialised synchronously; zh-CN is the fallback. */
export function createI18n(lng: Language = 'zh-CN'): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: 'zh-CN',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}
