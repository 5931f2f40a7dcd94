import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeMethods, rejectionMessage } from '../../../shared/bridge';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { PRINT_CHANNELS, registerBridge, type SenderPolicy } from '../../../electron/main/ipc';
import { harness, removeDir, sampleReport, tempDir } from '../services/helpers';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** Stand-ins for Electron's objects: only what the wrapper reads. */
function fakeWindow(): BrowserWindow {
  return { isDestroyed: () => false } as unknown as BrowserWindow;
}
function fakeContents(): WebContents {
  return {} as WebContents;
}
function event(sender: WebContents, url: string | null, topFrame = true): IpcMainInvokeEvent {
  const senderFrame = url === null ? null : { url, parent: topFrame ? null : { url } };
  return { sender, senderFrame } as unknown as IpcMainInvokeEvent;
}

let dir: string;
const handlers = new Map<string, Handler>();
const log: string[] = [];
const main = fakeWindow();
const mainContents = fakeContents();
const printer = fakeWindow();
const printerContents = fakeContents();
const stranger = fakeWindow();
const strangerContents = fakeContents();
let draftId: string;
const windows = new Map<WebContents, BrowserWindow>([
  [mainContents, main],
  [printerContents, printer],
  [strangerContents, stranger],
]);
const policy: SenderPolicy = {
  windowOf: (contents) => windows.get(contents) ?? null,
  mainWindow: () => main,
  printWindows: () => new Set([printer]),
};

beforeAll(async () => {
  dir = tempDir();
  const services = await createHandlers(harness(dir, { sample: sampleReport() }).deps);
  draftId = (await services.drafts.list())[0]!.id;
  registerBridge(
    { handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) } as never,
    createDispatcher(services, (_l, m) => log.push(m)),
    policy,
    (_l, m) => log.push(m),
  );
});
afterAll(() => removeDir(dir));

const call = (channel: string, e: IpcMainInvokeEvent, ...args: unknown[]) =>
  handlers.get(channel)!(e, ...args);
const refusal = async (promise: Promise<unknown>) =>
  rejectionMessage(
    await promise.then(
      () => null,
      (e: unknown) => e,
    ),
  );

describe('the IPC wrapper', () => {
  it('registers every method of the contract, and nothing else', () => {
    expect([...handlers.keys()].sort()).toEqual(
      bridgeMethods()
        .map(([, , d]) => d.channel)
        .sort(),
    );
  });

  it('answers the main window showing the app', async () => {
    const list = (await call('drafts:list', event(mainContents, 'app://nianbao/index.html#/'))) as {
      id: string;
    }[];
    expect(list.map((d) => d.id)).toEqual([draftId]);
  });

  it.each([
    ['a window the app did not open', () => event(strangerContents, 'app://nianbao/index.html')],
    [
      'a web contents with no window (a stray webview)',
      () => event(fakeContents(), 'app://nianbao/index.html'),
    ],
    ['the main window navigated to another origin', () => event(mainContents, 'https://evil.example/')],
    ['the main window showing a file:// page', () => event(mainContents, 'file:///tmp/x.html')],
    ['a subframe of the main window', () => event(mainContents, 'app://nianbao/index.html', false)],
    ['a frame that is already gone', () => event(mainContents, null)],
  ])('refuses %s', async (_what, hostile) => {
    const before = log.length;
    expect(await refusal(call('drafts:list', hostile()))).toEqual({
      key: 'app.ipc.refused',
      params: { channel: 'drafts:list' },
    });
    expect(log.length).toBeGreaterThan(before);
  });

  it('lets a print window read what it prints, and nothing more', async () => {
    const e = event(printerContents, `app://nianbao/index.html#/print/${draftId}?size=a4&final=0`);
    expect(await call('drafts:open', e, draftId)).toMatchObject({ draft: { id: draftId } });
    for (const channel of bridgeMethods()
      .map(([, , d]) => d.channel)
      .filter((c) => !PRINT_CHANNELS.has(c)))
      expect(await refusal(call(channel, e)), channel).toMatchObject({ key: 'app.ipc.refused' });
  });

  it('refuses hostile payloads from the right window, with the reason', async () => {
    const e = event(mainContents, 'app://nianbao/index.html');
    expect(await refusal(call('drafts:open', e, '../../etc/passwd'))).toMatchObject({
      key: 'app.ipc.invalidArgs',
    });
    // A draft the format refuses is refused in the words of the format, naming the property.
    expect(await refusal(call('drafts:save', e, { formatVersion: 3 }))).toEqual({
      key: 'draft.error.type',
      params: { field: 'id' },
    });
    const huge = { fileName: 'big.json', text: 'x'.repeat(10 * 1024 * 1024) };
    expect(await refusal(call('drafts:importFile', e, huge))).toMatchObject({ key: 'app.ipc.tooLarge' });
    expect(await refusal(call('exports:showInFolder', e, '/etc/passwd'))).toBeNull();
    expect(await call('exports:showInFolder', e, '/etc/passwd')).toEqual({ ok: false });
  });

  it('passes a service’s refusal on with its message', async () => {
    const e = event(mainContents, 'app://nianbao/index.html');
    expect(await refusal(call('drafts:open', e, 'gone000001'))).toEqual({
      key: 'app.storage.notFound',
      params: { id: 'gone000001' },
    });
  });
});

describe('quitting', () => {
  it('waits for calls in flight, so a last save sent as the window closes lands', async () => {
    let release = () => undefined as void;
    const slow: Dispatch = () =>
      new Promise((resolve) => {
        release = () => resolve({ ok: true, savedAt: '2026-01-10T02:00:00.000Z' });
      });
    const local = new Map<string, Handler>();
    const registered = registerBridge(
      { handle: (channel: string, handler: Handler) => void local.set(channel, handler) } as never,
      slow,
      policy,
      () => undefined,
    );
    const save = local.get('drafts:save')!(event(mainContents, 'app://nianbao/index.html'), {});
    let idle = false;
    const waiting = registered.idle().then(() => {
      idle = true;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(idle).toBe(true);
    expect(await save).toMatchObject({ ok: true });
  });
});
