import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createI18n } from '../../../shared/i18n';
import { bridgeMethods, type BridgeApi, type SaveResult, type UserMessage } from '../../../shared/bridge';
import { createDispatcher } from '../../../electron/services/dispatch';
import type { Draft } from '../../../shared/report/draft';
import { newDraft } from '../../../shared/report/draft-io';
import { findTemplate } from '../../../shared/report/templates/index';
import { createHandlers, type ServiceDeps } from '../../../electron/services/handlers';

export const national = findTemplate('national-2021')!;

export function tempDir(prefix = 'nianbao-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function liaobuDraft(overrides: Partial<Draft> = {}): Draft {
  const draft = newDraft({
    template: national,
    year: 2025,
    unit: { name: '寮步镇人民政府', kind: 'township' },
    now: new Date('2026-01-10T02:00:00Z'),
  });
  return { ...draft, ...overrides };
}

/** A draft that breaks R1 (一 + 二 = （七）总计 + 四): one error, so a final export must refuse it. */
export function draftWithError(): Draft {
  const draft = liaobuDraft();
  return { ...draft, values: { 't3.new.natural': 5 } };
}

export function sampleReport(): unknown {
  const file = fileURLToPath(new URL('../../../examples/national-2021-township-2025.json', import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8'));
}

export interface Harness {
  deps: ServiceDeps;
  saveRequests: { name: string; kind: string; folder: string }[];
  shown: string[];
  /** Where chooseSavePath answers next: a path, or null for a cancelled dialog. */
  answer: string | null;
}

/** Services over `dataDir`, with a save dialog that answers what the test sets and PDF/print stand-ins that record calls. */
export function harness(dataDir: string, extra: Partial<ServiceDeps> = {}): Harness {
  const h: Harness = {
    saveRequests: [],
    shown: [],
    answer: null,
    deps: {} as ServiceDeps,
  };
  h.deps = {
    dataDir,
    appVersion: '0.1.0-test',
    mode: 'web',
    chooseSavePath: async (name, kind, folder) => {
      h.saveRequests.push({ name, kind, folder });
      return h.answer;
    },
    renderPdf: async () => new TextEncoder().encode('%PDF-1.7\n% stand-in\n'),
    print: async () => ({ ok: true }),
    showInFolder: (path) => h.shown.push(path),
    ...extra,
  };
  return h;
}

/**
 * The services as the renderer sees them: every call goes through the dispatcher, so arguments
 * and results are parsed with the bridge's schemas, as over IPC or loopback HTTP.
 */
export async function open(h: Harness): Promise<BridgeApi> {
  const dispatch = createDispatcher(await createHandlers(h.deps), () => undefined);
  const api: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const [namespace, name, def] of bridgeMethods())
    (api[namespace] ??= {})[name] = (...args) => dispatch(def.channel, args);
  return api as unknown as BridgeApi;
}

const revisions = new WeakMap<BridgeApi, Map<string, number>>();

/**
 * Saves as the wizard does: each save of a draft is based on the revision the previous successful
 * save of it through the same `api` returned (at first, the revision of the draft passed in, as
 * opened or created).
 */
export async function wizardSave(api: BridgeApi, draft: Draft): Promise<SaveResult> {
  const known = revisions.get(api) ?? new Map<string, number>();
  revisions.set(api, known);
  const revision = known.get(draft.id) ?? draft.meta.revision;
  const result = await api.drafts.save({ ...draft, meta: { ...draft.meta, revision } });
  if (result.ok) known.set(draft.id, result.revision);
  return result;
}

/** Whether `chattr +i` works here: it makes a file that even root cannot replace (rename fails with EPERM). */
export function immutableSupported(dir: string): boolean {
  const probe = join(dir, '.chattr-probe');
  try {
    execFileSync('touch', [probe]);
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
    rmSync(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}

export function setImmutable(path: string, on: boolean): void {
  execFileSync('chattr', [on ? '+i' : '-i', path]);
}

/** Mounts a tmpfs of `kib` KiB on `dir` (root, Linux); false where mounting is not allowed. */
export function mountTmpfs(dir: string, kib: number): boolean {
  return (
    spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir], { stdio: 'ignore' }).status === 0
  );
}

export function unmount(dir: string): void {
  spawnSync('umount', [dir], { stdio: 'ignore' });
}

/** A loud line in the test output for a fault that this machine cannot inject. */
export function warnSkipped(what: string, why: string): void {
  console.warn(`\n*** SKIPPED: ${what} — ${why} ***\n`);
}

const zh = createI18n('zh-CN');

/** The message as the clerk reads it (zh-CN), failing the test when a placeholder was left unfilled. */
export function told(message: UserMessage): string {
  const text = zh.t(message.key, message.params);
  if (text === message.key || /\{\{/.test(text)) throw new Error(`untranslated or unfilled message: ${text}`);
  return text;
}

/**
 * Bundles a fixture script that drives the real services into one CommonJS file a child process
 * runs, for tests that kill or race a real process. electron-store imports electron for its
 * defaults; the services pass every path explicitly, so electron is stubbed.
 */
export async function buildServicesChild(entry: URL, outfile: string): Promise<string> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [fileURLToPath(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
    plugins: [
      {
        name: 'no-electron',
        setup(b) {
          b.onResolve({ filter: /^electron$/ }, () => ({ path: 'electron', namespace: 'stub' }));
          b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'module.exports = {};' }));
        },
      },
    ],
  });
  return outfile;
}
