import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { rejectionText } from '../../shared/bridge';
import { rejectionMessage } from '../../shared/bridge-errors';
import { createI18n } from '../../shared/i18n';
import { describeError, toUserMessage } from '../../renderer/app/errors';
import { BridgeError } from '../../renderer/bridge-web';

/**
 * In Electron a refused call reaches the page as the Error the preload throws; the clerk must read
 * the service's sentence, never the JSON it travels in.
 */
const invoke = vi.fn();
const exposed = new Map<string, unknown>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args) },
}));

type Api = Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;
let api: Api;

beforeAll(async () => {
  await import('../../electron/preload');
  api = exposed.get('nianbao') as Api;
});

const t = createI18n('zh-CN').t;

/** What the page catches when main refuses a call with `message`, wrapped as Electron wraps IPC rejections. */
async function refusedInElectron(message: { key: string; params: Record<string, string | number> }) {
  invoke.mockRejectedValueOnce(
    new Error(`Error invoking remote method 'drafts:save': Error: ${rejectionText(message)}`),
  );
  return api.drafts!.save!({}).catch((e: unknown) => e);
}

describe('errors shown to the clerk in Electron', () => {
  it('a refusal from the services reads as the services’ sentence', async () => {
    const file = 'C:\\Users\\clerk\\AppData\\Roaming\\nianbao\\data\\drafts\\abcdef.json';
    const error = await refusedInElectron({ key: 'app.storage.diskFull', params: { file } });
    expect(toUserMessage(error)).toEqual({ key: 'app.storage.diskFull', params: { file } });
    const text = describeError(t, error);
    expect(text).toBe(
      `磁盘已满，草稿“${file}”没有保存成功。请删除一些不需要的文件、腾出空间后再保存。已填写的内容仍在窗口中，请不要关闭本软件。`,
    );
    expect(text).not.toContain('nianbao-error');
  });

  it('a refusal of the request itself names the request, in words', async () => {
    const error = await refusedInElectron({ key: 'app.ipc.invalidArgs', params: { channel: 'drafts:save' } });
    expect(describeError(t, error)).toBe('请求内容无效（drafts:save）。');
  });

  it('a failure main did not foresee still comes as a sentence with the detail inside', async () => {
    invoke.mockRejectedValueOnce(new Error('renderer gone'));
    const error = await api.drafts!.list!().catch((e: unknown) => e);
    expect(describeError(t, error)).toBe('出现了意外错误（renderer gone）。');
  });

  it('browser mode’s BridgeError keeps working', () => {
    const error = new BridgeError('drafts:open: HTTP 422', { key: 'app.storage.notFound', params: {} });
    expect(describeError(t, error)).toBe('找不到这份草稿，它可能已被删除。');
  });

  it('an error without a readable message is described, not shown raw', () => {
    for (const broken of ['nianbao-error:{"key":', 'nianbao-error:{"key":"x","params":{"a":{"b":1}}}']) {
      const message = toUserMessage(new Error(broken));
      expect(message.key).toBe('ui.error.unexpected');
      expect(describeError(t, new Error(broken))).toMatch(/^操作没有完成。请再试一次/);
    }
  });
});

describe('reading a rejection without zod', () => {
  const read = (payload: unknown) => rejectionMessage(new Error(`nianbao-error:${JSON.stringify(payload)}`));

  it('accepts what the bridge’s userMessage schema accepts, with params defaulting to none', () => {
    expect(read({ key: 'app.x', params: { n: 3, s: 'a' } })).toEqual({
      key: 'app.x',
      params: { n: 3, s: 'a' },
    });
    expect(read({ key: 'app.x' })).toEqual({ key: 'app.x', params: {} });
    expect(read({ key: 'app.x', params: {}, extra: true })).toEqual({ key: 'app.x', params: {} });
  });

  it('refuses a message of any other shape', () => {
    expect(read({ key: 'k'.repeat(201), params: {} })).toBeNull();
    expect(read({ key: 3, params: {} })).toBeNull();
    expect(read({ key: 'app.x', params: null })).toBeNull();
    expect(read({ key: 'app.x', params: ['a'] })).toBeNull();
    expect(read({ key: 'app.x', params: { a: true } })).toBeNull();
    expect(read(['app.x'])).toBeNull();
    expect(rejectionMessage(new Error('disk full'))).toBeNull();
  });

  it('keeps zod out of the renderer: the error path bundles without it', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../renderer/app/errors.ts', import.meta.url))],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      external: ['i18next'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((path) => path.includes('shared/bridge-errors.ts'))).toBe(true);
    expect(inputs.filter((path) => path.includes('node_modules/zod'))).toEqual([]);
  });
});
