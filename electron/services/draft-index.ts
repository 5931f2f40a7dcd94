import type Store from 'electron-store';
import { z } from 'zod';
import { draftSummary, type DraftSummary } from '../../shared/bridge';
import { errorDetail } from './errors';
import { openJsonStore } from './json-store';
import type { DataLayout } from './layout';
import type { Log } from './log';

const trashed = draftSummary.extend({ deletedAt: z.string() });
export type TrashedSummary = z.infer<typeof trashed>;

const fileSchema = z.object({
  drafts: z.record(z.string(), z.unknown()).default({}),
  trash: z.record(z.string(), z.unknown()).default({}),
  /** The sample report is seeded once; a clerk who deleted it does not get it back on the next start. */
  sampleSeeded: z.boolean().default(false),
});

/**
 * Keyed by draft id, which is a file name: `constructor`, `toString` or `__proto__` are valid ids,
 * so the lists are Maps, never plain objects, where `id in trash` would find Object.prototype's
 * members and `trash['__proto__'] = …` would set a prototype instead of an entry.
 */
export interface IndexData {
  drafts: Map<string, DraftSummary>;
  trash: Map<string, TrashedSummary>;
  sampleSeeded: boolean;
}

/** Entries as JSON.parse made them (own properties, `__proto__` included), each one checked on its own. */
function entries<T>(record: Record<string, unknown>, schema: z.ZodType<T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [id, value] of Object.entries(record)) {
    const parsed = schema.safeParse(value);
    if (parsed.success) map.set(id, parsed.data);
  }
  return map;
}

/**
 * The draft list and the recycle bin in `index.json`: what the start screen shows without opening
 * every draft. It only summarises the draft files, so when it is lost or unreadable it is moved
 * aside and rebuilt from them (the library re-reads every draft at start-up anyway). A failed
 * write of the index is logged, never reported as a failed save: the draft itself was saved.
 */
export class DraftIndex {
  private constructor(
    private readonly store: Store<Record<string, unknown>>,
    private data: IndexData,
    private readonly log: Log,
    readonly rebuilt: boolean,
  ) {}

  static async open(layout: DataLayout, log: Log, now: Date): Promise<DraftIndex> {
    const { store, movedAside } = await openJsonStore(layout, 'index', now);
    if (movedAside)
      log('warn', `index unreadable (${movedAside.detail}), moved to ${movedAside.to}; rebuilding`);
    const parsed = fileSchema.safeParse(store.store);
    if (!parsed.success) log('warn', 'index does not fit its schema; rebuilding from the draft files');
    const file = parsed.success ? parsed.data : fileSchema.parse({});
    const data: IndexData = {
      drafts: entries(file.drafts, draftSummary),
      trash: entries(file.trash, trashed),
      sampleSeeded: file.sampleSeeded,
    };
    return new DraftIndex(store, data, log, Boolean(movedAside) || !parsed.success);
  }

  get drafts(): ReadonlyMap<string, DraftSummary> {
    return this.data.drafts;
  }

  get trash(): ReadonlyMap<string, TrashedSummary> {
    return this.data.trash;
  }

  get sampleSeeded(): boolean {
    return this.data.sampleSeeded;
  }

  update(change: (data: IndexData) => void): void {
    change(this.data);
    try {
      // Object.fromEntries defines own properties, so an id `__proto__` is written as an entry.
      this.store.store = {
        drafts: Object.fromEntries(this.data.drafts),
        trash: Object.fromEntries(this.data.trash),
        sampleSeeded: this.data.sampleSeeded,
      };
    } catch (error) {
      this.log(
        'error',
        `index not written (${errorDetail(error)}); it is rebuilt from the draft files on the next start`,
      );
    }
  }
}
