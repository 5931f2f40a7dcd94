import type { Session } from 'electron';
import type { Log } from '../services/log';
import { isAllowedRequest } from './app-url';

/**
 * Electron security checklist §1 "Only load secure content", taken to its end: the app is offline
 * by design (clerks often have no reliable internet, and a report draft must not leave the
 * machine), so no request may leave the app's own app:// origin. One that tries is a bug (a font
 * or script URL that slipped into the build, a link the page tried to prefetch): it is cancelled
 * and logged as an error, so it is found in testing rather than leaking data in use.
 */
export function cancelForeignRequests(session: Session, log: Log, options: { devTools: boolean }): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, options);
    if (!allowed) log('error', `bug: cancelled a request outside the app: ${details.url.slice(0, 300)}`);
    callback({ cancel: !allowed });
  });
}
