import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeMethods, rejectionMessage } from '../../../shared/bridge';

const exposed = new Map<string, unknown>();
const invoke = vi.fn();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args) },
}));

type Api = Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;
let api: Api;

beforeAll(async () => {
  await import('../../../electron/preload');
  api = exposed.get('nianbao') as Api;
});

describe('the preload', () => {
  it('exposes exactly one global, window.nianbao', () => {
    expect([...exposed.keys()]).toEqual(['nianbao']);
  });

  it('exposes exactly the contract’s methods, as functions, and nothing else', () => {
    const shape = Object.fromEntries(
      Object.entries(api).map(([ns, methods]) => [ns, Object.keys(methods).sort()]),
    );
    const contract: Record<string, string[]> = {};
    for (const [ns, name] of bridgeMethods()) (contract[ns] ??= []).push(name);
    for (const names of Object.values(contract)) names.sort();
    expect(shape).toEqual(contract);
    for (const methods of Object.values(api))
      for (const fn of Object.values(methods)) expect(typeof fn).toBe('function');
    // No raw IPC, no event objects: nothing but the namespaces of the contract.
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
  });

  it('a call invokes its own fixed channel with the arguments given, and returns the result', async () => {
    for (const [ns, name, def] of bridgeMethods()) {
      invoke.mockReset();
      invoke.mockResolvedValueOnce({ answered: def.channel });
      const result = await api[ns]![name]!('arg1', { two: 2 });
      expect(invoke).toHaveBeenCalledTimes(1);
      expect(invoke).toHaveBeenCalledWith(def.channel, 'arg1', { two: 2 });
      expect(result).toEqual({ answered: def.channel });
    }
  });

  it('a refused call rejects with the user message only, without Electron’s wording', async () => {
    invoke.mockReset();
    invoke.mockRejectedValueOnce(
      new Error(
        `Error invoking remote method 'drafts:open': Error: nianbao-error:{"key":"app.storage.notFound","params":{"id":"x"}}`,
      ),
    );
    const error = await api.drafts!.open!('abcdef').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toContain('invoking remote method');
    expect(rejectionMessage(error)).toEqual({ key: 'app.storage.notFound', params: { id: 'x' } });

    invoke.mockRejectedValueOnce(new Error('renderer gone'));
    const other = await api.drafts!.list!().catch((e: unknown) => e);
    expect(rejectionMessage(other)).toEqual({
      key: 'app.error.unexpected',
      params: { detail: 'renderer gone' },
    });
  });
});
