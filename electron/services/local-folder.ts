import type { PlatformPath } from 'node:path';
import { plainName } from '../../shared/bridge';

/**
 * The folder as the app may remember it (settings.lastFolder) and later open a save dialog in, or
 * null when it is not an absolute path of a local disk: a relative path (`../../..`), a URL
 * (`file:///…`), a Windows network share (`\\host\share`, `//host/share`: merely probing one sends
 * the clerk's Windows credentials to that host), a device or raw path (`\\?\`, `\\.\`), a
 * drive-relative one (`C:foo`, `\foo`), or anything with control characters. Pure: the path flavour
 * is passed in (path.win32 or path.posix), so both are tested on any machine. '' (no folder yet) stays ''.
 */
export function localFolder(value: string, path: PlatformPath): string | null {
  if (value === '') return '';
  if (plainName(value) !== value) return null;
  if (/^[a-z][a-z0-9+.-]+:/i.test(value)) return null;
  if (path.sep === '\\') {
    // Two leading separators of either kind: UNC (\\host\share, //host/share) or a device (\\?\, \\.\).
    if (/^[\\/]{2}/.test(value)) return null;
    if (!/^[a-z]:[\\/]/i.test(value)) return null;
  } else {
    // POSIX leaves a leading `//` to the implementation (a network path on some systems).
    if (!value.startsWith('/') || value.startsWith('//')) return null;
  }
  return path.normalize(value);
}
