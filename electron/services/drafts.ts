import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  plainUnit,
  type DraftSummary,
  type Notice,
  type OpenedDraft,
  type SaveResult,
  type UserMessage,
} from '../../shared/bridge';
import { importDocument, type ImportReport } from '../../shared/import';
import { startFromPrevious } from '../../shared/report/carry-forward';
import { openCounts, runChecks } from '../../shared/report/checks/index';
import { FORMAT_VERSION, type Draft } from '../../shared/report/draft';
import { newDraft, newId, readDraft, serializeDraft } from '../../shared/report/draft-io';
import { sameWork } from '../../shared/report/draft-work';
import { findingPlace } from '../../shared/report/checks/place';
import { documentTitle } from '../../shared/report/model';
import type { TemplateDef, UnitKind } from '../../shared/report/template';
import { findTemplate } from '../../shared/report/templates/index';
import { Backups } from './backups';
import { DraftFiles, draftIdOfFile } from './draft-file';
import { DraftIndex, type TrashedSummary } from './draft-index';
import { errorCode, errorDetail, userMessage, UserError } from './errors';
import { LockBusy, withFileLock } from './file-lock';
import { localDay, type DataLayout } from './layout';
import { removeLitter } from './litter';
import type { Log } from './log';
import { isLockError, retryWhileLocked } from './retry';

/**
 * Draft saves retry a held file twice more: electron-store's own atomic write already waits up to
 * a second on each attempt, and the main process should not stall for longer before telling.
 */
const DRAFT_RETRY_DELAYS = [200, 600] as const;

export interface LibraryOptions {
  layout: DataLayout;
  appVersion: string;
  now: () => Date;
  log: Log;
}

type Loaded = { draft: Draft; notices: Notice[] } | { draft: null; notices: Notice[] };
type Persisted = { ok: true; draft: Draft; notices: Notice[] } | { ok: false; error: UserMessage };
/** The file on disk was saved by someone else since the version a save was based on. */
type Conflict = { ok: false; conflict: true };

const notice = (severity: Notice['severity'], key: string, params: Notice['params'] = {}): Notice => ({
  severity,
  key,
  params,
});

/** A moment as the clerk reads it in a message: 2025-01-20 10:15, local time. */
function readableTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDay(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** What the clerk is told when a draft file could not be written, by what the disk said. */
export function saveFailure(error: unknown, file: string): UserMessage {
  const code = errorCode(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') return userMessage('app.storage.diskFull', { file });
  if (error instanceof LockBusy) return userMessage('app.storage.busyElsewhere', { file });
  if (isLockError(error)) return userMessage('app.storage.locked', { file });
  if (code === 'EROFS') return userMessage('app.storage.readOnly', { file });
  return userMessage('app.storage.saveFailed', { file, detail: errorDetail(error) });
}

/**
 * The clerk's drafts on disk: one file per draft, an index, rolling backups, a recycle bin, and a
 * folder for files that could not be read. Nothing here deletes a draft: a corrupt file is moved
 * aside and the newest good backup restored, an old-format file is kept as it was before being
 * migrated, and "delete" moves to the recycle bin. Every operation on one draft runs after the
 * previous one on it has finished, so two quick saves cannot interleave their backups.
 */
export class DraftLibrary {
  private readonly files: DraftFiles;
  private readonly backups: Backups;
  private readonly queues = new Map<string, Promise<unknown>>();
  /** What the start-up scan found that the clerk must hear about. */
  readonly startupNotices: Notice[] = [];

  private constructor(
    private readonly options: LibraryOptions,
    private readonly index: DraftIndex,
  ) {
    this.files = new DraftFiles(options.layout.drafts);
    this.backups = new Backups(options.layout);
  }

  /** Opens the data folder: checks every draft file (recovering or migrating as needed), then seeds the sample for a newcomer. */
  static async open(options: LibraryOptions, sample?: unknown): Promise<DraftLibrary> {
    const { layout } = options;
    try {
      await mkdir(layout.drafts, { recursive: true });
      await mkdir(layout.trash, { recursive: true });
    } catch (error) {
      throw new UserError('app.storage.dataDirUnusable', { folder: layout.root, detail: errorDetail(error) });
    }
    await removeLitter(layout);
    const index = await DraftIndex.open(layout, options.log, options.now());
    const library = new DraftLibrary(options, index);
    await library.scan();
    await library.seed(sample);
    return library;
  }

  list(): DraftSummary[] {
    return [...this.index.drafts.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  listTrash(): DraftSummary[] {
    return [...this.index.trash.values()]
      .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt))
      .map(({ deletedAt: _deletedAt, ...summary }) => summary);
  }

  pathOf(id: string): string {
    return this.files.pathOf(id);
  }

  open(id: string): Promise<OpenedDraft> {
    return this.exclusive(id, async () => {
      if (this.index.trash.has(id)) throw new UserError('app.storage.inTrash', { id });
      const loaded = await this.load(id);
      if (loaded.draft) return { draft: loaded.draft, notices: loaded.notices };
      const reason = loaded.notices.find((n) => n.severity === 'error') ?? loaded.notices[0];
      throw reason ? new UserError(reason.key, reason.params) : new UserError('app.storage.notFound', { id });
    });
  }

  save(draft: Draft): Promise<SaveResult> {
    return this.exclusive(draft.id, async () => {
      if (this.index.trash.has(draft.id))
        return { ok: false, error: userMessage('app.storage.inTrash', { id: draft.id }) } as const;
      const checked = readDraft(draft);
      if (!checked.ok) return { ok: false, error: checked.error } as const;
      const persisted = await this.persist(checked.draft, true, {}, checked.draft.meta.revision);
      if ('conflict' in persisted)
        return { ok: false, error: await this.keepRefused(checked.draft) } as const;
      if (!persisted.ok) return persisted;
      return {
        ok: true,
        savedAt: persisted.draft.meta.updatedAt,
        revision: persisted.draft.meta.revision,
        ...(persisted.notices.length ? { notices: persisted.notices } : {}),
      } as const;
    });
  }

  /**
   * A save refused because another process (the app under another login, the command line) saved
   * the draft since: that version stays the draft, and this one is kept as a 'conflict' backup
   * the clerk can open from 历史版本, so neither is lost. Also refreshes the list's line, which
   * still described this process's last save.
   */
  private async keepRefused(draft: Draft): Promise<UserMessage> {
    const { log, now } = this.options;
    const file = this.files.pathOf(draft.id);
    log('warn', `save of ${file} refused: based on revision ${draft.meta.revision}, saved elsewhere since`);
    const loaded = await this.load(draft.id);
    if (loaded.draft) {
      const current = loaded.draft;
      this.index.update((data) => {
        data.drafts.set(draft.id, summarize(current, log));
      });
    }
    try {
      const kept = await this.backups.keepConflict(draft.id, serializeDraft(draft), now());
      return userMessage('app.storage.conflict', { file, savedAt: readableTime(kept.toISOString()) });
    } catch (error) {
      log('error', `the refused version of ${draft.id} was not kept: ${errorDetail(error)}`);
      return userMessage('app.storage.conflictNotKept', {
        file,
        folder: this.backups.folderOf(draft.id),
        detail: errorDetail(error),
      });
    }
  }

  async create(args: {
    template: string;
    variant?: string;
    year: number;
    unit: { name: string; kind: UnitKind };
  }): Promise<OpenedDraft> {
    const template = templateOrThrow(args.template);
    if (args.variant !== undefined && !template.variants.some((v) => v.id === args.variant))
      throw new UserError('app.error.unknownVariant', { variant: args.variant });
    const draft = newDraft({
      template,
      year: args.year,
      unit: args.unit,
      ...(args.variant ? { variant: args.variant } : {}),
      now: this.options.now(),
    });
    return this.exclusive(draft.id, () => this.persistOrThrow(draft));
  }

  /** 从上年报告开始: carries what maps, and says which of last year's parts had nowhere to go. */
  async createFromPrevious(args: {
    previousId: string;
    year: number;
    template: string;
  }): Promise<OpenedDraft> {
    const previous = (await this.open(args.previousId)).draft;
    const previousTemplate = templateOrThrow(previous.template);
    const target = templateOrThrow(args.template);
    const { draft, unmapped } = startFromPrevious(previous, previousTemplate, target, args.year);
    const opened = await this.exclusive(draft.id, () => this.persistOrThrow(draft));
    if (unmapped.length === 0) return opened;
    const parts = unmapped.map((id) => describePart(previousTemplate, previous, id));
    return {
      ...opened,
      notices: [
        ...opened.notices,
        notice('info', 'app.carry.unmapped', { count: parts.length, parts: parts.join('；') }),
      ],
    };
  }

  async duplicate(id: string): Promise<OpenedDraft> {
    const source = (await this.open(id)).draft;
    const at = this.options.now().toISOString();
    const copy: Draft = { ...source, id: newId(), meta: { ...source.meta, createdAt: at, updatedAt: at } };
    return this.exclusive(copy.id, () => this.persistOrThrow(copy));
  }

  /** Moves the draft to the recycle bin (trash/); its backups stay where they are. */
  remove(id: string): Promise<{ ok: boolean }> {
    return this.exclusive(id, async () => {
      const summary = this.index.drafts.get(id);
      if (!summary) return { ok: false };
      try {
        await mkdir(this.options.layout.trash, { recursive: true });
        // Under the draft's lock, so that a save by another process cannot land halfway through.
        const file = this.files.pathOf(id);
        await withFileLock(file, () => retryWhileLocked(() => rename(file, this.trashPathOf(id))));
      } catch (error) {
        this.options.log('error', `moving ${id} to the recycle bin failed: ${errorDetail(error)}`);
        return { ok: false };
      }
      this.files.forget(id);
      const deletedAt = this.options.now().toISOString();
      this.index.update((data) => {
        data.drafts.delete(id);
        data.trash.set(id, { ...summary, deletedAt });
      });
      return { ok: true };
    });
  }

  restoreFromTrash(id: string): Promise<OpenedDraft> {
    return this.exclusive(id, async () => {
      if (!this.index.trash.has(id)) throw new UserError('app.storage.notFound', { id });
      if (this.index.drafts.has(id)) throw new UserError('app.storage.restoreConflict', { id });
      try {
        await retryWhileLocked(() => rename(this.trashPathOf(id), this.files.pathOf(id)));
      } catch (error) {
        throw new UserError('app.storage.restoreFailed', {
          file: this.trashPathOf(id),
          detail: errorDetail(error),
        });
      }
      this.index.update((data) => {
        data.trash.delete(id);
      });
      const loaded = await this.load(id);
      if (!loaded.draft) {
        const reason = loaded.notices[0];
        throw reason
          ? new UserError(reason.key, reason.params)
          : new UserError('app.storage.notFound', { id });
      }
      this.index.update((data) => {
        data.drafts.set(id, summarize(loaded.draft, this.options.log));
      });
      return { draft: loaded.draft, notices: loaded.notices };
    });
  }

  listBackups(id: string) {
    return this.backups.list(id);
  }

  /** Makes a backup the current version. The copy of the version it replaces is kept among the backups, so a restore can be undone. */
  restoreBackup(id: string, name: string): Promise<OpenedDraft> {
    return this.exclusive(id, async () => {
      if (this.index.trash.has(id)) throw new UserError('app.storage.inTrash', { id });
      const text = await this.backups.read(id, name);
      if (text === null) throw new UserError('app.backup.notFound', { name });
      const read = readDraft(text);
      if (!read.ok) throw new UserError('app.backup.unreadable', { name, reason: read.error.key });
      // Read before the restore's own save, whose pruning may retire the oldest copy: this one.
      const savedAt = (await this.backups.list(id)).find((b) => b.name === name)?.savedAt ?? '';
      const restored = await this.persistOrThrow({ ...read.draft, id }, { keepReplaced: true });
      return {
        ...restored,
        notices: [
          ...restored.notices,
          notice('info', 'app.backup.restored', { name, savedAt: readableTime(savedAt) }),
        ],
      };
    });
  }

  /** A draft file from a USB stick or another unit. It never replaces a draft the clerk already has. */
  async importFile(
    fileName: string,
    text: string,
  ): Promise<{ ok: true; opened: OpenedDraft } | { ok: false; error: UserMessage }> {
    const read = readDraft(text);
    if (!read.ok)
      return { ok: false, error: { key: read.error.key, params: { ...read.error.params, file: fileName } } };
    const taken = this.index.drafts.has(read.draft.id) || this.index.trash.has(read.draft.id);
    // An id that names a member of every JavaScript object (constructor, __proto__) is a valid file
    // name, but is not given to a new draft: such names are where lookups go wrong.
    const reserved = read.draft.id in Object.prototype;
    // A file from elsewhere gets the same names as one saved through the bridge (see savedDraft).
    const named = { ...read.draft, unit: plainUnit(read.draft.unit) };
    const draft = taken || reserved ? { ...named, id: newId() } : named;
    return this.exclusive(draft.id, async () => {
      const notices: Notice[] = [];
      if (taken) notices.push(notice('info', 'app.import.newCopy', { file: fileName }));
      if (read.migratedFrom !== undefined) {
        notices.push(
          notice('info', 'app.import.migrated', {
            file: fileName,
            from: read.migratedFrom,
            to: FORMAT_VERSION,
          }),
        );
        await this.backups.keepBeforeMigration(draft.id, text, this.options.now()).catch((error: unknown) => {
          notices.push(this.backupFailed(draft.id, error));
        });
      }
      const persisted = await this.persist(draft, true);
      if (!persisted.ok) return persisted;
      return {
        ok: true,
        opened: { draft: persisted.draft, notices: [...notices, ...persisted.notices] },
      } as const;
    });
  }

  /** A report the app did not write becomes a new draft; the import report says what was read and what was not. */
  async importDocument(
    fileName: string,
    base64: string,
  ): Promise<{ ok: true; opened: OpenedDraft; report: ImportReport } | { ok: false; error: UserMessage }> {
    const result = await importDocument(new Uint8Array(Buffer.from(base64, 'base64')), fileName, {
      now: this.options.now(),
    });
    if (!result.ok) return result;
    const opened = await this.exclusive(result.draft.id, () => this.persistOrThrow(result.draft));
    return { ok: true, opened, report: result.report };
  }

  // ── start-up ────────────────────────────────────────────────────────────

  private async scan(): Promise<void> {
    const { layout } = this.options;
    const ids = (await readdir(layout.drafts))
      .map(draftIdOfFile)
      .filter((id): id is string => id !== undefined);
    const found = new Map<string, DraftSummary>();
    for (const id of ids) {
      const loaded = await this.load(id);
      this.startupNotices.push(...loaded.notices);
      if (loaded.draft) found.set(id, summarize(loaded.draft, this.options.log));
    }
    // A draft the index knows whose file has gone (deleted by hand, lost by a sync tool): bring back its newest backup.
    for (const id of this.index.drafts.keys()) {
      if (found.has(id) || ids.includes(id)) continue;
      const good = await this.backups.newestGood(id);
      if (!good) continue;
      const persisted = await this.persist({ ...good.draft, id }, false);
      if (!persisted.ok) continue;
      found.set(id, summarize(persisted.draft, this.options.log));
      this.startupNotices.push(
        notice('warning', 'app.storage.recoveredMissing', {
          file: this.files.pathOf(id),
          title: titleOf(persisted.draft),
          savedAt: readableTime(good.savedAt),
        }),
      );
    }
    const trash = await this.scanTrash();
    this.index.update((data) => {
      data.drafts = found;
      data.trash = trash;
    });
  }

  private async scanTrash(): Promise<Map<string, TrashedSummary>> {
    const trash = new Map<string, TrashedSummary>();
    for (const name of await readdir(this.options.layout.trash)) {
      const id = draftIdOfFile(name);
      if (!id) continue;
      const known = this.index.trash.get(id);
      if (known) {
        trash.set(id, known);
        continue;
      }
      const path = this.trashPathOf(id);
      const read = readDraft(await readFile(path, 'utf8').catch(() => ''));
      if (!read.ok) continue;
      const deletedAt = (await stat(path)).mtime.toISOString();
      trash.set(id, { ...summarize({ ...read.draft, id }, this.options.log), deletedAt });
    }
    return trash;
  }

  private async seed(sample: unknown): Promise<void> {
    const { index } = this;
    if (sample === undefined || index.sampleSeeded) return;
    if (index.drafts.size > 0 || index.trash.size > 0) return;
    const read = readDraft(sample);
    if (!read.ok) {
      this.options.log(
        'error',
        `the sample report is not a valid draft: ${read.error.key} ${JSON.stringify(read.error.params)}`,
      );
      return;
    }
    const persisted = await this.persist(read.draft, true);
    if (persisted.ok)
      index.update((data) => {
        data.sampleSeeded = true;
      });
  }

  // ── reading with recovery ───────────────────────────────────────────────

  private async load(id: string): Promise<Loaded> {
    const file = this.files.pathOf(id);
    const read = await this.files.read(id);
    switch (read.kind) {
      case 'missing':
        return { draft: null, notices: [] };
      case 'unreadable':
        this.options.log('error', `${file} unreadable: ${read.detail}`);
        return {
          draft: null,
          notices: [notice('error', 'app.storage.unreadable', { file, detail: read.detail })],
        };
      case 'corrupt':
        return this.recover(id, file, read.detail);
      case 'ok': {
        const result = readDraft(read.raw);
        if (!result.ok) {
          // Written by a newer version of the app: not damaged, just not ours to read. Leave it in place.
          if (result.error.key === 'draft.error.newer' || result.error.key === 'draft.error.template') {
            return { draft: null, notices: [notice('warning', 'app.storage.newerVersion', { file })] };
          }
          return this.recover(id, file, `${result.error.key} ${JSON.stringify(result.error.params)}`);
        }
        // Inside the data folder the file name is the draft's identity (a file copied in by hand keeps its inner id).
        const draft = result.draft.id === id ? result.draft : { ...result.draft, id };
        if (result.migratedFrom !== undefined) return this.migrate(id, file, draft, result.migratedFrom);
        return { draft, notices: [] };
      }
    }
  }

  /** A corrupt draft file: moved into corrupt/ (never deleted), and the newest good backup put in its place. */
  private async recover(id: string, file: string, detail: string): Promise<Loaded> {
    const { log, now } = this.options;
    log('warn', `${file} is corrupt (${detail})`);
    let movedTo: string;
    try {
      movedTo = await this.backups.moveAside(id, file, now());
    } catch (error) {
      log('error', `${file} could not be moved aside: ${errorDetail(error)}`);
      return { draft: null, notices: [notice('error', 'app.storage.unreadable', { file, detail })] };
    }
    this.files.forget(id);
    const good = await this.backups.newestGood(id);
    if (!good) {
      log('error', `${file}: no readable backup; the damaged file is kept at ${movedTo}`);
      return { draft: null, notices: [notice('error', 'app.storage.corruptNoBackup', { file, movedTo })] };
    }
    const recovered = { ...good.draft, id };
    const told = notice('warning', 'app.storage.recovered', {
      file,
      movedTo,
      title: titleOf(recovered),
      savedAt: readableTime(good.savedAt),
    });
    const persisted = await this.persist(recovered, false);
    if (!persisted.ok)
      return {
        draft: recovered,
        notices: [told, notice('error', persisted.error.key, persisted.error.params)],
      };
    log('info', `${file} recovered from backup ${good.name}`);
    return { draft: persisted.draft, notices: [told, ...persisted.notices] };
  }

  /** A draft of an older format: the original is kept byte for byte as a before-migration backup first. */
  private async migrate(id: string, file: string, draft: Draft, from: number): Promise<Loaded> {
    let backup: string;
    try {
      backup = await this.backups.keepBeforeMigration(id, await readFile(file), this.options.now());
    } catch (error) {
      // Without a copy of the original, migrating would overwrite it on the next save: leave it untouched.
      this.options.log(
        'error',
        `${file}: before-migration copy failed (${errorDetail(error)}); not migrated`,
      );
      return {
        draft: null,
        notices: [
          notice('error', 'app.storage.migrationBlocked', {
            file,
            folder: this.backups.folderOf(id),
            detail: errorDetail(error),
          }),
        ],
      };
    }
    const told = notice('info', 'app.storage.migrated', { file, from, to: FORMAT_VERSION, backup });
    const persisted = await this.persist(draft, false);
    if (!persisted.ok)
      return { draft, notices: [told, notice('error', persisted.error.key, persisted.error.params)] };
    return { draft: persisted.draft, notices: [told, ...persisted.notices] };
  }

  // ── writing ─────────────────────────────────────────────────────────────

  /**
   * Writes the draft file, then the index and the backups. Only a failed draft file is a failed
   * save. The read of the file's revision and the write run under the file's lock (file-lock.ts),
   * so another process cannot save between them; each write counts one more revision than the
   * file had. `basedOn`, for the clerk's saves: the revision the version was made from; a file at
   * any other revision was saved by someone else since, and is not overwritten.
   */
  private async persist(
    draft: Draft,
    touch: boolean,
    backup?: { keepReplaced?: boolean },
  ): Promise<Persisted>;
  private async persist(
    draft: Draft,
    touch: boolean,
    backup: { keepReplaced?: boolean },
    basedOn: number,
  ): Promise<Persisted | Conflict>;
  private async persist(
    draft: Draft,
    touch: boolean,
    backup: { keepReplaced?: boolean } = {},
    basedOn?: number,
  ): Promise<Persisted | Conflict> {
    const { log, now, appVersion } = this.options;
    const file = this.files.pathOf(draft.id);
    const at = now();
    let saved: Draft;
    try {
      const written = await withFileLock(file, async () => {
        const onDisk = await this.files.onDisk(draft.id);
        const stored = typeof onDisk === 'object' ? onDisk : undefined;
        if (basedOn !== undefined && stored && stored.revision !== basedOn) {
          // The same work saved twice is no conflict: a page reloaded mid-save sends again what its
          // last save, landing meanwhile, already stored. Nothing would be lost, so nothing is refused.
          const theirs = readDraft(JSON.parse(stored.text));
          return theirs.ok && sameWork(theirs.draft, draft)
            ? { unchanged: { ...theirs.draft, id: draft.id } }
            : null;
        }
        // A file that no longer parses is not silently replaced: it goes to corrupt/ like one found at start-up.
        if (onDisk === 'corrupt') await this.backups.moveAside(draft.id, file, at);
        const revision = Math.max(stored?.revision ?? 0, draft.meta.revision) + 1;
        const next: Draft = touch
          ? {
              ...draft,
              meta: {
                createdAt: draft.meta.createdAt || at.toISOString(),
                updatedAt: at.toISOString(),
                app: `nianbao ${appVersion}`,
                revision,
              },
            }
          : { ...draft, meta: { ...draft.meta, revision } };
        await this.files.write(next, DRAFT_RETRY_DELAYS);
        return next;
      });
      if (!written) return { ok: false, conflict: true };
      if ('unchanged' in written) {
        // Stored by another process, perhaps: the list describes it from now on.
        const unchanged = written.unchanged;
        this.index.update((data) => {
          data.drafts.set(unchanged.id, summarize(unchanged, log));
        });
        return { ok: true, draft: unchanged, notices: [] };
      }
      saved = written;
    } catch (error) {
      log('error', `saving ${file} failed: ${errorDetail(error)}`);
      return { ok: false, error: saveFailure(error, file) };
    }
    this.index.update((data) => {
      data.drafts.set(saved.id, summarize(saved, log));
    });
    const notices: Notice[] = [];
    try {
      await this.backups.afterSave(saved.id, serializeDraft(saved), at, backup);
    } catch (error) {
      notices.push(this.backupFailed(saved.id, error));
    }
    return { ok: true, draft: saved, notices };
  }

  private async persistOrThrow(draft: Draft, backup: { keepReplaced?: boolean } = {}): Promise<OpenedDraft> {
    const persisted = await this.persist(draft, true, backup);
    if (!persisted.ok) throw new UserError(persisted.error.key, persisted.error.params);
    return { draft: persisted.draft, notices: persisted.notices };
  }

  private backupFailed(id: string, error: unknown): Notice {
    const folder = this.backups.folderOf(id);
    this.options.log('error', `backup of ${id} failed in ${folder}: ${errorDetail(error)}`);
    return notice('warning', 'app.backup.failed', { folder, detail: errorDetail(error) });
  }

  private trashPathOf(id: string): string {
    return join(this.options.layout.trash, `${id}.json`);
  }

  private exclusive<T>(id: string, action: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.then(action, action);
    const settled = next.catch(() => undefined);
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return next;
  }
}

function templateOrThrow(id: string): TemplateDef {
  const template = findTemplate(id);
  if (!template) throw new UserError('app.error.unknownTemplate', { template: id });
  return template;
}

function titleOf(draft: Draft): string {
  const template = findTemplate(draft.template);
  return template ? documentTitle(template, draft) : draft.unit.name;
}

/** The draft list's line for a draft, with its open errors and warnings (the same count the checks panel shows). */
export function summarize(draft: Draft, log: Log): DraftSummary {
  const template = findTemplate(draft.template);
  let counts = { errors: 0, warnings: 0 };
  if (template) {
    try {
      counts = openCounts(runChecks(template, draft));
    } catch (error) {
      log('error', `checks failed on ${draft.id}: ${errorDetail(error)}`);
    }
  }
  return {
    id: draft.id,
    unitName: draft.unit.name,
    year: draft.year,
    template: draft.template,
    templateName: template?.name ?? draft.template,
    updatedAt: draft.meta.updatedAt,
    ...counts,
  };
}

/** A part of last year's report in its own words (section and sub-heading, field or list label). */
function describePart(template: TemplateDef, draft: Draft, id: string): string {
  const list = template.lists.find((l) => l.id === id);
  if (list) return list.label;
  const isField = template.fields.some((f) => f.id === id);
  return findingPlace(template, draft, { at: isField ? { field: id } : { slot: id } }) || id;
}
