import type { App } from 'electron';

/**
 * One instance of the app at a time (engineering.md §3): two windows writing one draft is how
 * work is lost, each saving over the other's changes. A second launch (a double click on the
 * desktop icon while the app is open behind other windows) quits at once and brings the first
 * window to the front instead. Returns false in the second instance, which must quit.
 */
export function claimSingleInstance(app: App, focusExisting: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', focusExisting);
  return true;
}
