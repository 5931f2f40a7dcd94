import i18next, { type i18n } from 'i18next';
import zhCNDraft from './locales/zh-CN/draft.json';
import zhCNChecks from './locales/zh-CN/checks.json';
import zhCNInput from './locales/zh-CN/input.json';
import zhCNCli from './locales/zh-CN/cli.json';
import zhCNApp from './locales/zh-CN/app.json';
import zhCNUi from './locales/zh-CN/ui.json';
import zhCNSheet from './locales/zh-CN/sheet.json';
import zhCNImport from './locales/zh-CN/import.json';
import zhCNCounty from './locales/zh-CN/county.json';
import zhTWDraft from './locales/zh-TW/draft.json';
import zhTWChecks from './locales/zh-TW/checks.json';
import zhTWInput from './locales/zh-TW/input.json';
import zhTWCli from './locales/zh-TW/cli.json';
import zhTWApp from './locales/zh-TW/app.json';
import zhTWUi from './locales/zh-TW/ui.json';
import zhTWSheet from './locales/zh-TW/sheet.json';
import zhTWImport from './locales/zh-TW/import.json';
import zhTWCounty from './locales/zh-TW/county.json';
import enDraft from './locales/en/draft.json';
import enChecks from './locales/en/checks.json';
import enInput from './locales/en/input.json';
import enCli from './locales/en/cli.json';
import enApp from './locales/en/app.json';
import enUi from './locales/en/ui.json';
import enSheet from './locales/en/sheet.json';
import enImport from './locales/en/import.json';
import enCounty from './locales/en/county.json';

export const LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * One namespace per part of the app (draft reading, checks, field input, CLI, desktop shell, UI),
 * all in the default `translation` namespace under their own top-level key, so a key reads
 * `checks.r1.message` everywhere. zh-CN is the source of truth; test/unit/locales.test.ts fails
 * when the other languages' keys differ.
 */
export const resources = {
  'zh-CN': {
    translation: {
      draft: zhCNDraft,
      checks: zhCNChecks,
      input: zhCNInput,
      cli: zhCNCli,
      app: zhCNApp,
      ui: zhCNUi,
      sheet: zhCNSheet,
      import: zhCNImport,
      county: zhCNCounty,
    },
  },
  'zh-TW': {
    translation: {
      draft: zhTWDraft,
      checks: zhTWChecks,
      input: zhTWInput,
      cli: zhTWCli,
      app: zhTWApp,
      ui: zhTWUi,
      sheet: zhTWSheet,
      import: zhTWImport,
      county: zhTWCounty,
    },
  },
  en: {
    translation: {
      draft: enDraft,
      checks: enChecks,
      input: enInput,
      cli: enCli,
      app: enApp,
      ui: enUi,
      sheet: enSheet,
      import: enImport,
      county: enCounty,
    },
  },
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

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}
