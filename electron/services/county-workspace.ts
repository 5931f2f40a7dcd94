import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Notice } from '../../shared/bridge';
import { assembleView } from '../../shared/county/assemble';
import { checkDraft, type LoadedFile } from '../../shared/county/board';
import { matchUnit } from '../../shared/county/match';
import { readReceivedFile } from '../../shared/county/read-file';
import type { RosterEntry } from '../../shared/county/roster';
import type { CountyView, CountyYear } from '../../shared/county/view';
import {
  emptyWorkspace,
  FILE_ID,
  workspaceSchema,
  type ReceivedFile,
  type Workspace,
} from '../../shared/county/workspace';
import { normalizeName } from '../../shared/report/consolidate';
import type { Draft } from '../../shared/report/draft';
import { readDraft, serializeDraft, type DraftError } from '../../shared/report/draft-io';
import { removeStaleTemps, writeFileAtomic } from './atomic-file';
import { Backups, moveAside } from './backups';
import { errorCode, errorDetail, UserError } from './errors';
import { dataLayout, fileStamp, type DataLayout } from './layout';
import type { Log } from './log';

/**
 * The county's workspaces, one folder per reporting year under the data folder:
 *
 *     county/<year>/workspace.json          名单, deadline, name choices, one record per received file
 *     county/<year>/files/<id>.json         each received report as a draft, never changed or deleted
 *     county/<year>/backups/workspace/…     a copy of every saved workspace.json (backups.ts policy)
 *     county/<year>/corrupt/…               a workspace.json or file that could not be read, moved aside
 *
 * A received file is written first and the workspace after it, each atomically: a crash between
 * the two leaves a file no record names, and the next opening adds it back (nothing lost). Every
 * save of workspace.json leaves its copy in backups/, so the version a save replaced is there too,
 * and a workspace.json that no longer reads is replaced by its newest good copy.
 */
export interface CountyDeps {
  dataDir: string;
  now: () => Date;
  log: Log;
  /** Share of a report's text repeated from its own last year, where that can be measured. */
  repeatShare?: (draft: Draft) => number | null;
}

const WORKSPACE_ID = 'workspace';

export interface OpenedWorkspace {
  workspace: Workspace;
  loaded: Map<string, LoadedFile>;
  notices: Notice[];
}

export type AddOutcome =
  | { ok: true; file: ReceivedFile }
  | { ok: false; error: { key: string; params: Record<string, string | number> } };

export class CountyWorkspaces {
  private readonly open = new Map<number, OpenedWorkspace>();
  /** One change at a time per year: files dropped together arrive as parallel calls. */
  private readonly queues = new Map<number, Promise<unknown>>();

  constructor(private readonly deps: CountyDeps) {}

  private get root(): string {
    return join(this.deps.dataDir, 'county');
  }

  folderOf(year: number): string {
    return join(this.root, String(year));
  }

  private layoutOf(year: number): DataLayout {
    return dataLayout(this.folderOf(year));
  }

  private filesOf(year: number): string {
    return join(this.folderOf(year), 'files');
  }

  /** The years with a workspace, newest first. */
  async years(): Promise<CountyYear[]> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    const years = names.filter((n) => /^\d{4}$/.test(n)).map(Number);
    const out: CountyYear[] = [];
    for (const year of years.sort((a, b) => b - a)) {
      const ws = this.open.get(year)?.workspace ?? (await this.readWorkspace(year)).workspace;
      if (ws) out.push({ year, expected: ws.roster.length, received: ws.files.length });
    }
    return out;
  }

  private exclusive<T>(year: number, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(year) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.queues.set(
      year,
      next.catch(() => undefined),
    );
    return next;
  }

  /** Opens a year's workspace (creating an empty one in memory), reading and checking every file once. */
  load(year: number): Promise<OpenedWorkspace> {
    return this.exclusive(year, () => this.loadNow(year));
  }

  private async loadNow(year: number): Promise<OpenedWorkspace> {
    const cached = this.open.get(year);
    if (cached) return cached;
    const notices: Notice[] = [];
    const read = await this.readWorkspace(year, notices);
    const workspace = read.workspace ?? emptyWorkspace(year);
    const loaded = new Map<string, LoadedFile>();
    const folder = this.filesOf(year);
    await removeStaleTemps(folder);
    const onDisk = (await readdir(folder).catch(() => [] as string[])).filter((n) => /\.json$/.test(n));
    const known = new Set(workspace.files.map((f) => f.id));
    for (const f of workspace.files) {
      const draft = await this.readStored(year, f.id, notices);
      if (draft) loaded.set(f.id, { draft, findings: checkDraft(draft) });
    }
    // Files written by an import that died before its record was saved: added back, nothing lost.
    let recovered = 0;
    for (const name of onDisk) {
      const id = name.slice(0, -'.json'.length);
      if (!FILE_ID.test(id) || known.has(id)) continue;
      const draft = await this.readStored(year, id, notices);
      if (!draft) continue;
      workspace.files.push(this.record(workspace, id, `${id}.json`, draft, this.deps.now().toISOString()));
      loaded.set(id, { draft, findings: checkDraft(draft) });
      recovered++;
    }
    const opened = { workspace, loaded, notices };
    this.open.set(year, opened);
    if (recovered > 0) {
      notices.push({ severity: 'info', key: 'county.notice.recovered', params: { count: recovered } });
      await this.save(year, workspace);
    }
    return opened;
  }

  /** workspace.json as saved; a file that does not read is moved aside and its newest good backup used. */
  private async readWorkspace(
    year: number,
    notices: Notice[] = [],
  ): Promise<{ workspace: Workspace | null }> {
    const path = join(this.folderOf(year), 'workspace.json');
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { workspace: null };
      throw new UserError('county.error.unreadable', { file: path, detail: errorDetail(error) });
    }
    const parsed = parseWorkspace(text, year);
    if (parsed) return { workspace: parsed };
    const layout = this.layoutOf(year);
    const to = await moveAside(path, layout.corrupt, `workspace-${fileStamp(this.deps.now())}.json`);
    const backups = new Backups(layout);
    for (const b of await backups.list(WORKSPACE_ID)) {
      const copy = await backups.read(WORKSPACE_ID, b.name);
      const good = copy === null ? null : parseWorkspace(copy, year);
      if (good) {
        notices.push({
          severity: 'warning',
          key: 'county.notice.restored',
          params: { file: to, savedAt: b.savedAt },
        });
        this.deps.log(
          'warn',
          `county ${year}: workspace.json unreadable, moved to ${to}; restored ${b.name}`,
        );
        return { workspace: good };
      }
    }
    notices.push({ severity: 'error', key: 'county.notice.lost', params: { file: to } });
    return { workspace: null };
  }

  private async readStored(year: number, id: string, notices: Notice[]): Promise<Draft | null> {
    const path = join(this.filesOf(year), `${id}.json`);
    const text = await readFile(path, 'utf8').catch(() => null);
    const read = text === null ? null : readDraft(text);
    if (read?.ok) return read.draft;
    notices.push({ severity: 'error', key: 'county.notice.fileUnreadable', params: { file: path } });
    this.deps.log('error', `county ${year}: stored file ${path} unreadable`);
    return null;
  }

  private record(
    workspace: Workspace,
    id: string,
    fileName: string,
    draft: Draft,
    receivedAt: string,
  ): ReceivedFile {
    const ownName = normalizeName(draft.unit.name);
    const match = matchUnit(
      ownName,
      workspace.roster.map((e) => e.name),
      workspace.aliases,
    );
    const base = {
      id,
      fileName,
      receivedAt,
      ownName,
      year: draft.year,
      template: draft.template,
      savedAt: draft.meta.updatedAt,
    };
    if (match.kind === 'exact') return { ...base, unit: match.unit, match: 'auto', candidates: [] };
    if (match.kind === 'near')
      return { ...base, unit: ownName, match: 'pending', candidates: match.candidates };
    // On no list, or a list that does not have it: the clerk may still say which unit it is.
    return workspace.roster.length > 0 && ownName !== ''
      ? { ...base, unit: ownName, match: 'pending', candidates: [] }
      : { ...base, unit: ownName || fileName, match: 'unlisted', candidates: [] };
  }

  private async save(year: number, workspace: Workspace): Promise<void> {
    workspace.updatedAt = this.deps.now().toISOString();
    const text = `${JSON.stringify(workspace, null, 2)}\n`;
    await mkdir(this.folderOf(year), { recursive: true });
    await writeFileAtomic(join(this.folderOf(year), 'workspace.json'), text);
    try {
      await new Backups(this.layoutOf(year)).afterSave(WORKSPACE_ID, text, this.deps.now());
    } catch (error) {
      this.deps.log('error', `county ${year}: backup of workspace.json failed: ${errorDetail(error)}`);
    }
  }

  /** Applies a change to the workspace and saves it; the change is undone in memory when the save fails. */
  private change(year: number, apply: (ws: Workspace) => void): Promise<OpenedWorkspace> {
    return this.exclusive(year, async () => {
      const opened = await this.loadNow(year);
      const before = structuredClone(opened.workspace);
      apply(opened.workspace);
      try {
        await this.save(year, opened.workspace);
      } catch (error) {
        opened.workspace = before;
        throw new UserError('county.error.save', { detail: errorDetail(error) });
      }
      return opened;
    });
  }

  async view(year: number): Promise<CountyView> {
    const opened = await this.load(year);
    return this.viewOf(opened);
  }

  private async viewOf(opened: OpenedWorkspace): Promise<CountyView> {
    const earlierYears = (await this.years())
      .filter((y) => y.year < opened.workspace.year && y.expected > 0)
      .map((y) => y.year);
    return assembleView(opened.workspace, opened.loaded, {
      earlierYears,
      notices: opened.notices,
      repeatShare: this.deps.repeatShare,
    });
  }

  async setRoster(year: number, roster: RosterEntry[]): Promise<CountyView> {
    const opened = await this.change(year, (ws) => {
      ws.roster = dedupe(roster);
      rematch(ws);
    });
    return this.viewOf(opened);
  }

  /** 名单 of an earlier year taken over for this one (units rarely change from one year to the next). */
  async copyRoster(year: number, from: number): Promise<CountyView> {
    const source = (await this.load(from)).workspace.roster;
    return this.setRoster(year, structuredClone(source));
  }

  async setDetails(year: number, details: { deadline?: string; issuer?: string }): Promise<CountyView> {
    return this.viewOf(
      await this.change(year, (ws) => {
        if (details.deadline !== undefined) ws.deadline = details.deadline;
        if (details.issuer !== undefined) ws.issuer = normalizeName(details.issuer);
      }),
    );
  }

  /**
   * Adds a received file: reads it, keeps it as `files/<id>.json`, then records it. A file of a
   * unit that already sent one stays beside the earlier one; the board shows the newer.
   */
  async addFile(year: number, fileName: string, bytes: Uint8Array, receivedAt?: string): Promise<AddOutcome> {
    const read = await readReceivedFile(fileName, bytes);
    if (!read.ok) return { ok: false, error: withFile(read.error, fileName) };
    return this.exclusive(year, async (): Promise<AddOutcome> => {
      const opened = await this.loadNow(year);
      const id = randomBytes(8).toString('hex');
      await mkdir(this.filesOf(year), { recursive: true });
      try {
        await writeFileAtomic(join(this.filesOf(year), `${id}.json`), serializeDraft(read.draft));
      } catch (error) {
        return {
          ok: false,
          error: { key: 'county.error.store', params: { file: fileName, detail: errorDetail(error) } },
        };
      }
      const file = this.record(
        opened.workspace,
        id,
        fileName,
        read.draft,
        receivedAt ?? this.deps.now().toISOString(),
      );
      opened.workspace.files.push(file);
      opened.loaded.set(id, { draft: read.draft, findings: checkDraft(read.draft) });
      try {
        await this.save(year, opened.workspace);
      } catch (error) {
        // The file is kept on disk: the next opening finds it and adds it back.
        this.deps.log('error', `county ${year}: record of ${fileName} not saved: ${errorDetail(error)}`);
        return { ok: false, error: { key: 'county.error.save', params: { detail: errorDetail(error) } } };
      }
      return { ok: true, file };
    });
  }

  /** The clerk's answer for a file whose name was not on the 名单: its unit, or '' for none (kept as not listed). */
  async assign(year: number, fileId: string, unit: string): Promise<CountyView> {
    const opened = await this.change(year, (ws) => {
      const file = ws.files.find((f) => f.id === fileId);
      if (!file) throw new UserError('county.error.noFile', { file: fileId });
      if (unit !== '' && !ws.roster.some((e) => e.name === unit))
        throw new UserError('county.error.noUnit', { unit });
      if (unit === '')
        Object.assign(file, { unit: file.ownName || file.fileName, match: 'unlisted', candidates: [] });
      else {
        Object.assign(file, { unit, match: 'chosen', candidates: [] });
        if (file.ownName) ws.aliases[file.ownName] = unit;
        // Other waiting files under the same name go with it.
        for (const other of ws.files)
          if (other.match === 'pending' && other.ownName === file.ownName)
            Object.assign(other, { unit, match: 'chosen', candidates: [] });
      }
    });
    return this.viewOf(opened);
  }

  /** A unit's files, newest first, each with its report as received. */
  async unitFiles(year: number, unit: string): Promise<{ file: ReceivedFile; draft: Draft }[]> {
    const opened = await this.load(year);
    const view = await this.viewOf(opened);
    const row = view.rows.find((r) => r.unit === unit);
    if (!row) throw new UserError('county.error.noUnit', { unit });
    return row.history.flatMap((file) => {
      const draft = opened.loaded.get(file.id)?.draft;
      return draft ? [{ file, draft }] : [];
    });
  }
}

function parseWorkspace(text: string, year: number): Workspace | null {
  try {
    const parsed = workspaceSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.year === year ? parsed.data : null;
  } catch {
    return null;
  }
}

const withFile = (error: DraftError, fileName: string) => ({
  key: error.key,
  params: { ...error.params, file: fileName },
});

function dedupe(roster: RosterEntry[]): RosterEntry[] {
  const seen = new Set<string>();
  return roster
    .map((e) => ({ ...e, name: normalizeName(e.name) }))
    .filter((e) => e.name !== '' && !seen.has(e.name) && Boolean(seen.add(e.name)));
}

/** After the 名单 changed, every file not chosen by hand is matched again. */
function rematch(ws: Workspace): void {
  const listed = ws.roster.map((e) => e.name);
  for (const f of ws.files) {
    if (f.match === 'chosen' && listed.includes(f.unit)) continue;
    const match = matchUnit(f.ownName, listed, ws.aliases);
    if (match.kind === 'exact') Object.assign(f, { unit: match.unit, match: 'auto', candidates: [] });
    else if (listed.length === 0)
      Object.assign(f, { unit: f.ownName || f.fileName, match: 'unlisted', candidates: [] });
    else
      Object.assign(f, {
        unit: f.ownName || f.fileName,
        match: f.match === 'unlisted' && match.kind === 'none' ? 'unlisted' : 'pending',
        candidates: match.kind === 'near' ? match.candidates : [],
      });
  }
}
