import i18next, { type BackendModule, type i18n, type ResourceLanguage } from 'i18next';
import type { Language } from '../../shared/i18n-languages';
import { zhCN } from '../../shared/i18n-zh-CN';

/**
 * The UI's strings: zh-CN, the source language and the one nearly every clerk uses, is part of the
 * app's chunk; zh-TW and en are chunks of their own, loaded when chosen (at start-up or in the
 * settings). All three with the command line's strings were a sixth of the code parsed and run
 * before the first screen.
 */
const otherLanguages: Record<Exclude<Language, 'zh-CN'>, () => Promise<ResourceLanguage>> = {
  'zh-TW': () => import('../../shared/i18n-zh-TW').then((m) => m.zhTW),
  en: () => import('../../shared/i18n-en').then((m) => m.en),
};

const languageChunks: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const load = otherLanguages[language as keyof typeof otherLanguages];
    // zh-CN is bundled, so i18next asks only for the others.
    if (!load) return callback(null, {});
    load().then(
      (strings) => callback(null, strings),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/**
 * The renderer's i18next instance in `language`, ready to render. A later changeLanguage loads
 * the language's chunk first and switches when it is there, so the UI never shows keys.
 */
export async function createUiI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance().use(languageChunks);
  await instance.init({
    lng: language,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN } },
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
  });
  return instance;
}
