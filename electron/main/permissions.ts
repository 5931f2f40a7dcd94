import type { Session } from 'electron';
import type { Log } from '../services/log';

/**
 * Writing plain text to the clipboard (a "copy" button in the wizard) is the one permission the
 * app uses; it reveals nothing and reaches no device.
 */
const GRANTED: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Electron security checklist §5 "Handle session permission requests from remote content".
 * Electron grants every permission by default; this app needs no camera, microphone, location,
 * notification, MIDI, USB or HID access, so every request and every check is refused (and the
 * request logged, because asking is a bug), except the harmless clipboard write above.
 */
export function denyPermissions(session: Session, log: Log): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const granted = GRANTED.has(permission);
    if (!granted) log('warn', `refused permission request: ${permission}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission) => GRANTED.has(permission));
  session.setDevicePermissionHandler(() => false);
}
