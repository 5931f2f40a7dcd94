import draft from './locales/zh-TW/draft.json';
import checks from './locales/zh-TW/checks.json';
import input from './locales/zh-TW/input.json';
import app from './locales/zh-TW/app.json';
import ui from './locales/zh-TW/ui.json';
import sheet from './locales/zh-TW/sheet.json';
import importing from './locales/zh-TW/import.json';
import county from './locales/zh-TW/county.json';

/**
 * zh-TW's strings for every part of the app but the command line (shared/i18n.ts adds cli.json):
 * the renderer loads this module alone, so the other languages and the CLI's strings stay out of
 * its start-up.
 */
export const zhTW = { draft, checks, input, app, ui, sheet, import: importing, county };
