import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App, Session, WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { denyNavigation } from '../../../electron/main/navigation';
import { cancelForeignRequests } from '../../../electron/main/offline';
import { denyPermissions } from '../../../electron/main/permissions';
import { claimSingleInstance } from '../../../electron/main/single-instance';
import { secureWebPreferences } from '../../../electron/main/web-preferences';
import { removeDir, tempDir } from '../services/helpers';

type Listener = (...args: unknown[]) => unknown;
const handled: { scheme?: string; handler?: (request: Request) => Promise<Response>; privileged?: unknown } =
  {};

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown) => {
      handled.privileged = schemes;
    },
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      handled.scheme = scheme;
      handled.handler = handler;
    },
  },
}));

describe('window preferences', () => {
  it('isolate, sandbox and keep Node and <webview> out of every page', () => {
    expect(secureWebPreferences('/app/preload.cjs', false)).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      v8CacheOptions: 'bypassHeatCheck',
      devTools: false,
    });
  });
});

describe('the content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
  it("defaults to 'self', runs no inline or eval'd script, and closes objects, base and forms", () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('navigation, new windows and <webview>', () => {
  const listeners = new Map<string, Listener>();
  let openHandler: Listener = () => undefined;
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: Listener) => {
      openHandler = handler;
    },
  } as unknown as WebContents;
  const log: string[] = [];
  denyNavigation(contents, (_l, m) => log.push(m));
  const prevented = (name: string, ...args: unknown[]) => {
    let stopped = false;
    listeners.get(name)!({ preventDefault: () => (stopped = true) }, ...args);
    return stopped;
  };

  it('refuses leaving the app, and allows reloading its own index', () => {
    expect(prevented('will-navigate', 'https://example.com/phish')).toBe(true);
    expect(prevented('will-navigate', 'file:///C:/Users/clerk/寮步镇.json')).toBe(true);
    expect(prevented('will-redirect', 'http://127.0.0.1/')).toBe(true);
    expect(prevented('will-navigate', 'app://nianbao/index.html')).toBe(false);
    let stopped = false;
    listeners.get('will-frame-navigate')!({
      url: 'https://example.com/',
      preventDefault: () => (stopped = true),
    });
    expect(stopped).toBe(true);
  });

  it('refuses every new window and every <webview>', () => {
    expect(openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'app://nianbao/index.html' })).toEqual({ action: 'deny' });
    expect(prevented('will-attach-webview')).toBe(true);
    expect(log.length).toBeGreaterThanOrEqual(5);
  });
});

describe('permissions and requests', () => {
  let request: Listener = () => undefined;
  let check: Listener = () => undefined;
  let device: Listener = () => undefined;
  let beforeRequest: Listener = () => undefined;
  const session = {
    setPermissionRequestHandler: (h: Listener) => (request = h),
    setPermissionCheckHandler: (h: Listener) => (check = h),
    setDevicePermissionHandler: (h: Listener) => (device = h),
    webRequest: { onBeforeRequest: (h: Listener) => (beforeRequest = h) },
  } as unknown as Session;
  const log: string[] = [];
  denyPermissions(session, (_l, m) => log.push(m));
  cancelForeignRequests(session, (_l, m) => log.push(m), { devTools: false });

  it('refuses every permission but writing text to the clipboard', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'openExternal',
      'clipboard-read',
    ]) {
      let answer: unknown;
      request({}, permission, (granted: boolean) => (answer = granted));
      expect(answer, permission).toBe(false);
      expect(check({}, permission)).toBe(false);
    }
    let answer: unknown;
    request({}, 'clipboard-sanitized-write', (granted: boolean) => (answer = granted));
    expect(answer).toBe(true);
    expect(device()).toBe(false);
  });

  it('cancels every request that leaves app://, and logs it as a bug', () => {
    const decide = (url: string) => {
      let cancel: unknown;
      beforeRequest({ url }, (response: { cancel: boolean }) => (cancel = response.cancel));
      return cancel;
    };
    expect(decide('app://nianbao/assets/index.js')).toBe(false);
    expect(decide('https://fonts.gstatic.com/s/noto.woff2')).toBe(true);
    expect(decide('http://192.168.1.1/report')).toBe(true);
    expect(log.some((line) => line.includes('bug') && line.includes('fonts.gstatic.com'))).toBe(true);
  });
});

describe('one instance at a time', () => {
  it('a second launch quits and focuses the first window', () => {
    const events = new Map<string, Listener>();
    let focused = 0;
    const first = {
      requestSingleInstanceLock: () => true,
      on: (n: string, l: Listener) => events.set(n, l),
    } as unknown as App;
    expect(claimSingleInstance(first, () => focused++)).toBe(true);
    events.get('second-instance')!();
    expect(focused).toBe(1);
    const second = { requestSingleInstanceLock: () => false, on: () => undefined } as unknown as App;
    expect(claimSingleInstance(second, () => focused++)).toBe(false);
  });
});

describe('the app:// protocol handler', () => {
  let outer: string;
  let root: string;
  beforeAll(async () => {
    outer = tempDir();
    root = join(outer, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>年报</title>');
    writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)');
    writeFileSync(join(outer, 'secret.txt'), 'outside the renderer folder');
    const { registerAppScheme, serveApp } = await import('../../../electron/main/app-protocol');
    registerAppScheme();
    serveApp(root, () => undefined);
  });
  afterAll(() => removeDir(outer));

  const get = (url: string) => handled.handler!(new Request(url));

  it('registers app:// as a standard, secure scheme whose compiled code V8 keeps between starts', () => {
    expect(handled.privileged).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    expect(handled.scheme).toBe('app');
  });

  it('serves the renderer with its type and the CSP on every response', async () => {
    const index = await get('app://nianbao/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('年报');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const script = await get('app://nianbao/assets/index.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('answers 404, with the CSP, to anything outside the renderer folder or missing', async () => {
    for (const url of [
      'app://nianbao/%2e%2e%2fsecret.txt',
      'app://nianbao/../secret.txt',
      'app://nianbao/..%5c..%5cetc%5cpasswd',
      'app://evil/index.html',
      'app://nianbao/missing.js',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});
