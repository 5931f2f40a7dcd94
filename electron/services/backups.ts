import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupInfo } from '../../shared/bridge';
import { readDraft } from '../../shared/report/draft-io';
import type { Draft } from '../../shared/report/draft';
import { removeStaleTemps, writeFileAtomic } from './atomic-file';
import { errorCode } from './errors';
import { fileStamp, localDay, parseFileStamp, STAMP_PATTERN, type DataLayout } from './layout';

export type BackupKind = BackupInfo['kind'];

/**
 * The backup policy, per draft (docs/desktop.md explains it to the clerk):
 * - every save writes `rolling-<time>.json`, a copy of what was saved, so the draft file and its
 *   newest backup agree and a corrupt draft file loses nothing;
 * - older rolling copies are spaced by the clock, not by saves: autosave runs 600 ms after each
 *   pause in typing, so keeping every save reached back only seconds, and a confirmed 重新生成 or
 *   a select-all-delete was out of reach after a minute. Of the saves within one five-minute period
 *   of the clock (10:00–10:05, 10:05–10:10 …) only the last one's copy stays, and the newest
 *   `rolling` copies are kept: about 100 minutes of work. The version left before a pause is the
 *   last of its period, so it is always kept;
 * - a restore keeps the copy of the version it replaces, even within the period, so it can be undone;
 * - the first save of each calendar day is also kept as `daily-<time>.json`; the newest 60 days
 *   are kept, so the clerk can go back to last week's version;
 * - `before-migration-<time>.json` keeps a draft of an older format exactly as it was, forever;
 * - `conflict-<time>.json` keeps a version whose save was refused because the draft had been saved
 *   elsewhere since (another login, the command line); the newest 20 are kept;
 * - `corrupt/<id>/corrupt-<time>.json` holds a draft file that could not be read, moved aside, forever.
 */
export const BACKUP_POLICY = { rolling: 20, periodMinutes: 5, daily: 60, conflict: 20 } as const;

/** Which five-minute period of the clock a moment falls in (time zones are whole multiples of 5 minutes). */
const periodOf = (date: Date) => Math.floor(date.getTime() / (BACKUP_POLICY.periodMinutes * 60_000));

const NAME = new RegExp(`^(rolling|daily|before-migration|conflict|corrupt)-(${STAMP_PATTERN})\\.json$`);

interface Named {
  name: string;
  kind: BackupKind;
  savedAt: Date;
}

function parseName(name: string): Named | null {
  const m = NAME.exec(name);
  const savedAt = m ? parseFileStamp(m[2]!) : null;
  return m && savedAt ? { name, kind: m[1] as BackupKind, savedAt } : null;
}

const newestFirst = (a: Named, b: Named) => b.savedAt.getTime() - a.savedAt.getTime();

export class Backups {
  constructor(private readonly layout: DataLayout) {}

  folderOf(id: string): string {
    return join(this.layout.backups, id);
  }

  private folderFor(id: string, kind: BackupKind): string {
    return kind === 'corrupt' ? join(this.layout.corrupt, id) : this.folderOf(id);
  }

  /**
   * After a successful save: the rolling copy (replacing the previous save's when both fall in the
   * same period, unless `keepReplaced`), the day's first copy, then pruning. Throws when a copy
   * could not be written.
   */
  async afterSave(id: string, text: string, now: Date, { keepReplaced = false } = {}): Promise<void> {
    const folder = this.folderOf(id);
    await mkdir(folder, { recursive: true });
    const existing = await this.named(folder);
    const name = `rolling-${fileStamp(now)}.json`;
    await writeFileAtomic(join(folder, name), text);
    const [previous] = existing.filter((b) => b.kind === 'rolling').sort(newestFirst);
    if (previous && previous.name !== name && !keepReplaced && periodOf(previous.savedAt) === periodOf(now))
      await rm(join(folder, previous.name), { force: true });
    const today = localDay(now);
    if (!existing.some((b) => b.kind === 'daily' && localDay(b.savedAt) === today))
      await writeFileAtomic(join(folder, `daily-${fileStamp(now)}.json`), text);
    await this.prune(folder);
  }

  /** Keeps a draft file exactly as it was before it was migrated to the current format. */
  async keepBeforeMigration(id: string, original: Uint8Array | string, now: Date): Promise<string> {
    const folder = this.folderOf(id);
    await mkdir(folder, { recursive: true });
    const path = join(folder, `before-migration-${fileStamp(now)}.json`);
    await writeFileAtomic(path, original);
    return path;
  }

  /**
   * Keeps a version whose save was refused; returns when the copy was made. The renderer repeats a
   * refused save (自动保存, 重试): the same text as the newest conflict copy is not written again.
   */
  async keepConflict(id: string, text: string, now: Date): Promise<Date> {
    const folder = this.folderOf(id);
    await mkdir(folder, { recursive: true });
    const [newest] = (await this.named(folder)).filter((b) => b.kind === 'conflict').sort(newestFirst);
    if (newest && (await this.read(id, newest.name)) === text) return newest.savedAt;
    await writeFileAtomic(join(folder, `conflict-${fileStamp(now)}.json`), text);
    await this.prune(folder);
    return now;
  }

  /** Moves an unreadable draft file into corrupt/<id>/ (never deletes it); returns where it went. */
  async moveAside(id: string, source: string, now: Date): Promise<string> {
    return moveAside(source, join(this.layout.corrupt, id), `corrupt-${fileStamp(now)}.json`);
  }

  /** Every backup of a draft, newest first, including files moved aside as corrupt. */
  async list(id: string): Promise<BackupInfo[]> {
    const found = [
      ...(await this.named(this.folderOf(id))),
      ...(await this.named(join(this.layout.corrupt, id))),
    ];
    const infos: BackupInfo[] = [];
    for (const b of found.sort(newestFirst)) {
      const size = await stat(join(this.folderFor(id, b.kind), b.name)).then(
        (s) => s.size,
        () => -1,
      );
      if (size >= 0) infos.push({ name: b.name, kind: b.kind, savedAt: b.savedAt.toISOString(), size });
    }
    return infos;
  }

  /** The text of one backup; null when the name is not one of ours (no paths, no traversal) or the file is gone. */
  async read(id: string, name: string): Promise<string | null> {
    const named = parseName(name);
    if (!named) return null;
    return readFile(join(this.folderFor(id, named.kind), named.name), 'utf8').catch(() => null);
  }

  /** The newest backup that reads as a valid draft, skipping damaged ones. */
  async newestGood(id: string): Promise<{ draft: Draft; savedAt: string; name: string } | null> {
    for (const b of (await this.named(this.folderOf(id))).sort(newestFirst)) {
      const text = await this.read(id, b.name);
      const read = text === null ? null : readDraft(text);
      if (read?.ok) return { draft: read.draft, savedAt: b.savedAt.toISOString(), name: b.name };
    }
    return null;
  }

  /** Keeps the newest of each rolling kind, and clears temporary files a killed save left behind. */
  private async prune(folder: string): Promise<void> {
    await removeStaleTemps(folder);
    const all = (await this.named(folder)).sort(newestFirst);
    for (const kind of ['rolling', 'daily', 'conflict'] as const) {
      const surplus = all.filter((b) => b.kind === kind).slice(BACKUP_POLICY[kind]);
      for (const b of surplus) await rm(join(folder, b.name), { force: true });
    }
  }

  private async named(folder: string): Promise<Named[]> {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      // No backups yet, or a file where the folder should be: nothing to list, and afterSave reports the latter.
      if (['ENOENT', 'ENOTDIR'].includes(errorCode(error))) return [];
      throw error;
    }
    return names.map(parseName).filter((b): b is Named => b !== null);
  }
}

/**
 * Moves a file into `folder` under `name`. A rename keeps the bytes exactly and cannot half-fail;
 * where it is refused (a file held open), the file is copied instead and the original left alone.
 */
export async function moveAside(source: string, folder: string, name: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const target = join(folder, name);
  try {
    await rename(source, target);
  } catch {
    await copyFile(source, target);
  }
  return target;
}
