import { installWebBridge } from './bridge-web';
import { prefetch } from './app/prefetch';
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

/**
 * The entry is small on purpose: it starts the first screen's requests, then imports the app
 * (React, the screens, zh-CN's strings: one chunk). The requests travel while that chunk downloads
 * and compiles, instead of after it.
 */
async function start() {
  installWebBridge();
  const route = parseRoute(location.hash);
  if (route.page === 'wizard') prefetch(`draft:${route.id}`, () => window.nianbao.drafts.open(route.id));
  if (route.page === 'home') prefetch('drafts', () => window.nianbao.drafts.list());
  const settings = window.nianbao.settings.get();
  const ui = import('./app/mount');
  const { mount } = await ui;
  await mount(await settings);
}

void start();
