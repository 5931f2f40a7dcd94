import { installWebBridge } from './bridge-web';
import { prefetch, prefetched } from './app/prefetch';
import { parseRoute } from './app/route';
// Every screen's styles in one sheet, in the order they had when the app was one chunk: the
// cascade between them stays as it was, and the sheet is there before the first screen draws.
import './checks/checks.css';
import './grid/grid.css';
import './preview/document.css';
import './preview/preview.css';
import './preview/print.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/wizard.css';

/** How long the app waits for the first screen's data before it draws the loading state instead. */
const DATA_PATIENCE_MS = 300;

/**
 * The entry is small on purpose: it starts the first screen's requests, then imports the app
 * (React, the screens, zh-CN's strings: one chunk). The requests travel while that chunk downloads
 * and compiles, instead of after it, and the first screen is drawn once, with its data.
 */
async function start() {
  installWebBridge();
  const route = parseRoute(location.hash);
  if (route.page === 'wizard') prefetch(`draft:${route.id}`, () => window.nianbao.drafts.open(route.id));
  if (route.page === 'home') prefetch('drafts', () => window.nianbao.drafts.list());
  const settings = window.nianbao.settings.get();
  const ui = import('./app/mount');
  const { mount } = await ui;
  const [ready] = await Promise.all([settings, prefetched(DATA_PATIENCE_MS)]);
  await mount(ready);
}

void start();
