import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_INDEX,
  contentType,
  isAllowedNavigation,
  isAllowedRequest,
  isAppUrl,
  printUrl,
  resolveAppPath,
} from '../../../electron/main/app-url';

const root = resolve('/opt/nianbao/dist/renderer');

describe('the app:// protocol resolver', () => {
  it('serves the renderer’s own files', () => {
    expect(resolveAppPath('app://nianbao/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(APP_INDEX, root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://nianbao/assets/index-Bx1.js', root)).toBe(
      join(root, 'assets', 'index-Bx1.js'),
    );
    expect(resolveAppPath('app://nianbao/assets/%E5%AD%97%E4%BD%93.woff2', root)).toBe(
      join(root, 'assets', '字体.woff2'),
    );
    expect(resolveAppPath('app://nianbao/index.html?x=1#/print/abc', root)).toBe(join(root, 'index.html'));
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['https', 'https://nianbao/index.html'],
    ['credentials', 'app://user:pw@nianbao/index.html'],
    ['a port', 'app://nianbao:8080/index.html'],
    ['encoded dot-dot with an encoded slash', 'app://nianbao/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['an encoded slash', 'app://nianbao/assets%2f..%2f..%2fsecret'],
    ['a backslash', 'app://nianbao/assets\\..\\..\\secret'],
    ['an encoded backslash', 'app://nianbao/..%5c..%5csecret'],
    ['a null byte', 'app://nianbao/index.html%00.png'],
    ['an absolute path (empty segment)', 'app://nianbao//etc/passwd'],
    ['a drive letter', 'app://nianbao/C:/Windows/win.ini'],
    ['an encoded drive letter', 'app://nianbao/C%3A%5CWindows%5Cwin.ini'],
    ['malformed percent-encoding', 'app://nianbao/%E0%A4%A'],
    ['not a URL', '../../etc/passwd'],
  ])('refuses %s', (_what, url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });

  it.each([
    'app://nianbao/../../../etc/passwd',
    'app://nianbao/%2e%2e/%2e%2e/etc/passwd',
    'app://nianbao/assets/./../../x',
  ])('never leaves the renderer folder, whatever URL parsing made of %s', (url) => {
    const file = resolveAppPath(url, root);
    if (file !== null) expect(file.startsWith(root + '/')).toBe(true);
  });

  it('gives module scripts a JavaScript type (Chromium refuses them otherwise)', () => {
    expect(contentType('/x/assets/index.js')).toMatch(/^text\/javascript/);
    expect(contentType('/x/index.html')).toMatch(/^text\/html/);
    expect(contentType('/x/font.WOFF2')).toBe('font/woff2');
    expect(contentType('/x/blob.bin')).toBe('application/octet-stream');
  });
});

describe('what may load and where the window may go', () => {
  it('allows only the app’s own origin, data: and blob:; DevTools pages only while developing', () => {
    expect(isAllowedRequest('app://nianbao/assets/a.js', { devTools: false })).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AA==', { devTools: false })).toBe(true);
    expect(isAllowedRequest('blob:app://nianbao/1234', { devTools: false })).toBe(true);
    for (const url of [
      'https://fonts.googleapis.com/css?family=Noto',
      'http://127.0.0.1:5180/api/drafts:list',
      'ws://localhost:24678/',
      'file:///etc/passwd',
      'app://evil/x.js',
      'devtools://devtools/bundled/inspector.html',
    ])
      expect(isAllowedRequest(url, { devTools: false }), url).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', { devTools: true })).toBe(true);
  });

  it('allows navigation only to the app’s index (a reload), never away', () => {
    expect(isAllowedNavigation(APP_INDEX)).toBe(true);
    expect(isAllowedNavigation(`${APP_INDEX}#/wizard/abc`)).toBe(true);
    for (const url of [
      'https://example.com/',
      'file:///C:/Users/clerk/report.json',
      'app://nianbao/assets/a.js',
      'app://evil/index.html',
    ])
      expect(isAllowedNavigation(url), url).toBe(false);
  });

  it('knows the app’s documents, for the IPC sender check', () => {
    expect(isAppUrl(`${APP_INDEX}#/print/x`)).toBe(true);
    expect(isAppUrl('https://nianbao/index.html')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
  });

  it('builds the print route the renderer provides', () => {
    expect(printUrl('abc123', 'a4-enlarged', true)).toBe(
      'app://nianbao/index.html#/print/abc123?size=a4-enlarged&final=1',
    );
  });
});
