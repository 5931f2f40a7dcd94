import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridge, bridgeMethods, type BridgeHandlers } from '../../../shared/bridge';
import type { Draft } from '../../../shared/report/draft';
import { UNIT_TEXT_MAX } from '../../../shared/report/limits';
import { createDispatcher, MAX_PAYLOAD_CHARS, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { UserError } from '../../../electron/services/errors';
import { harness, removeDir, sampleReport, tempDir, told } from './helpers';

let dir: string;
let handlers: BridgeHandlers;
let dispatch: Dispatch;
let id: string;
const logged: string[] = [];

beforeAll(async () => {
  dir = tempDir();
  const h = harness(dir, { sample: sampleReport() });
  h.answer = `${dir}/out.json`;
  handlers = await createHandlers(h.deps);
  dispatch = createDispatcher(handlers, (_level, message) => logged.push(message));
  id = ((await dispatch('drafts:list', [])) as { id: string }[])[0]!.id;
});
afterAll(() => removeDir(dir));

const refusedWith = (key: string) =>
  expect.objectContaining({ userMessage: expect.objectContaining({ key }) });

describe('the dispatcher (behind IPC and the loopback server)', () => {
  it('answers every read-only method of the contract with a result that fits its schema', async () => {
    const calls: [string, unknown[]][] = [
      ['drafts:list', []],
      ['drafts:open', [id]],
      ['drafts:listTrash', []],
      ['drafts:listBackups', [id]],
      ['settings:get', []],
      ['app:info', []],
      ['app:startupNotices', []],
    ];
    for (const [channel, args] of calls) {
      const def = bridgeMethods().find(([, , d]) => d.channel === channel)![2];
      expect(def.result.safeParse(await dispatch(channel, args)).success, channel).toBe(true);
    }
  });

  it('refuses an unknown channel', async () => {
    await expect(dispatch('fs:readFile', ['/etc/passwd'])).rejects.toEqual(refusedWith('app.ipc.refused'));
    await expect(dispatch('__proto__', [])).rejects.toEqual(refusedWith('app.ipc.refused'));
    await expect(dispatch('constructor', [])).rejects.toEqual(refusedWith('app.ipc.refused'));
  });

  it('refuses arguments that do not fit the method: wrong types, extra arguments, hostile ids', async () => {
    const hostile: [string, unknown][] = [
      ['drafts:open', ['../../settings']],
      ['drafts:open', ['a/b/c/d/e/f']],
      ['drafts:open', [{ toString: 'x' }]],
      ['drafts:open', [id, 'extra']],
      ['drafts:open', []],
      ['drafts:open', 'not-an-array'],
      ['drafts:restoreBackup', [id, 'x'.repeat(201)]],
      ['exports:docx', [{ id, final: 'yes' }]],
      ['exports:showInFolder', [42]],
      ['settings:set', [{ language: 'fr' }]],
      ['settings:set', [{ lastFolder: 'x'.repeat(5000) }]],
    ];
    for (const [channel, args] of hostile)
      await expect(
        dispatch(channel, args),
        `${channel} ${JSON.stringify(args)?.slice(0, 60)}`,
      ).rejects.toEqual(refusedWith('app.ipc.invalidArgs'));
    const polluting = JSON.parse(`{"formatVersion":2,"id":"${id}","__proto__":{"polluted":true}}`) as unknown;
    await expect(dispatch('drafts:save', [polluting])).rejects.toBeInstanceOf(UserError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a draft over the format’s limits naming the property and the limit, and saves once it is corrected', async () => {
    const { draft } = (await dispatch('drafts:open', [id])) as { draft: Draft };
    const tooLong = { ...draft, unit: { ...draft.unit, selfRef: '寮'.repeat(UNIT_TEXT_MAX.selfRef + 2) } };
    const error = await dispatch('drafts:save', [tooLong]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).userMessage).toEqual({
      key: 'draft.error.tooBig',
      params: { field: 'unit.selfRef', maximum: UNIT_TEXT_MAX.selfRef },
    });
    expect(told((error as UserError).userMessage)).toBe(
      '草稿中的“unit.selfRef”超出了允许的范围（最多 20）。',
    );
    const wrongType = { ...draft, year: '二〇二五' };
    await expect(dispatch('drafts:save', [wrongType])).rejects.toEqual(
      expect.objectContaining({
        userMessage: { key: 'draft.error.type', params: { field: 'year' } },
      }),
    );
    const fixed = { ...draft, unit: { ...draft.unit, selfRef: '寮'.repeat(UNIT_TEXT_MAX.selfRef) } };
    await expect(dispatch('drafts:save', [fixed])).resolves.toMatchObject({ ok: true });
  });

  it('refuses an oversized payload before parsing it, and a payload with no JSON form', async () => {
    const big = 'x'.repeat(MAX_PAYLOAD_CHARS + 1);
    await expect(dispatch('drafts:importFile', [{ fileName: 'a.json', text: big }])).rejects.toEqual(
      refusedWith('app.ipc.tooLarge'),
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(dispatch('settings:set', [cyclic])).rejects.toEqual(refusedWith('app.ipc.tooLarge'));
    expect(logged.some((line) => line.includes('oversized'))).toBe(true);
  });

  it('passes a service’s message on, and turns an unexpected failure into a message with its detail', async () => {
    await expect(dispatch('drafts:open', ['missing0001'])).rejects.toEqual(
      refusedWith('app.storage.notFound'),
    );
    const broken = createDispatcher(
      {
        ...handlers,
        app: {
          ...handlers.app,
          info: async () => {
            throw new TypeError('boom');
          },
        },
      },
      () => undefined,
    );
    const error = await broken('app:info', []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).userMessage).toEqual({
      key: 'app.error.unexpected',
      params: { detail: 'boom' },
    });
  });

  it('refuses to pass on a result outside the contract (a bug in a service)', async () => {
    const lying = createDispatcher(
      {
        ...handlers,
        settings: { ...handlers.settings, get: async () => ({ language: 'klingon' }) as never },
      },
      () => undefined,
    );
    await expect(lying(bridge.settings.get.channel, [])).rejects.toEqual(refusedWith('app.error.unexpected'));
  });
});
