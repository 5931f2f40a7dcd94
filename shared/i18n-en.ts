import draft from './locales/en/draft.json';
import checks from './locales/en/checks.json';
import input from './locales/en/input.json';
import app from './locales/en/app.json';
import ui from './locales/en/ui.json';
import sheet from './locales/en/sheet.json';
import importing from './locales/en/import.json';
import county from './locales/en/county.json';

/**
 * en's strings for every part of the app but the command line (shared/i18n.ts adds cli.json):
 * the renderer loads this module alone, so the other languages and the CLI's strings stay out of
 * its start-up.
 */
export const en = { draft, checks, input, app, ui, sheet, import: importing, county };
