import { afterEach, describe, expect, it, vi } from 'vitest';
import { bridgeMethods } from '../../shared/bridge';
import { BridgeError, createWebBridge } from '../../renderer/bridge-web';

/**
 * The browser bridge sends `nianbao.<namespace>.<method>(…)` to the channel `<namespace>:<method>`
 * without reading shared/bridge.ts at run time; these tests hold the contract to that naming and
 * show what the page receives from the server.
 */
describe('browser bridge', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('every method of the contract is on the channel <namespace>:<method>', () => {
    for (const [namespace, name, def] of bridgeMethods()) expect(def.channel).toBe(`${namespace}:${name}`);
  });

  it('posts the arguments as a JSON array to /api/<channel> and returns the answer', async () => {
    const fetch = vi.fn(
      async () => new Response(JSON.stringify({ ok: true, savedAt: 'now' }), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetch);
    const api = createWebBridge();
    await expect(api.drafts.restoreBackup('abcdef', 'rolling-x.json')).resolves.toEqual({
      ok: true,
      savedAt: 'now',
    });
    expect(fetch).toHaveBeenCalledWith('/api/drafts:restoreBackup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '["abcdef","rolling-x.json"]',
    });
  });

  it('turns a refusal into a BridgeError carrying the message for the user', async () => {
    const refusal = { error: { key: 'app.storage.notFound', params: {} } };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(refusal), { status: 422 }));
    const error = await createWebBridge()
      .drafts.open('abcdef')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).userMessage).toEqual(refusal.error);
  });
});
