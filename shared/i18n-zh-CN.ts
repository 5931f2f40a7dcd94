import draft from './locales/zh-CN/draft.json';
import checks from './locales/zh-CN/checks.json';
import input from './locales/zh-CN/input.json';
import app from './locales/zh-CN/app.json';
import ui from './locales/zh-CN/ui.json';
import sheet from './locales/zh-CN/sheet.json';
import importing from './locales/zh-CN/import.json';
import county from './locales/zh-CN/county.json';

/**
 * zh-CN's strings for every part of the app but the command line (shared/i18n.ts adds cli.json):
 * the renderer loads this module alone, so the other languages and the CLI's strings stay out of
 * its start-up.
 */
export const zhCN = { draft, checks, input, app, ui, sheet, import: importing, county };
