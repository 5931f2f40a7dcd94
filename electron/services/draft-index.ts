import type Store from 'electron-store';
import { z } from 'zod';
import { draftSummary, type DraftSummary } from '../../shared/bridge';
import { errorDetail } from './errors';
import { openJsonStore } from './json-store';
import type { DataLayout } from './layout';
import type { Log } from './log';

const trashed = draftSummary.extend({ deletedAt: z.string() });
export type TrashedSummary = z.infer<typeof trashed>;

const indexSchema = z.object({
  drafts: z.record(z.string(), draftSummary).default({}),
  trash: z.record(z.string(), trashed).default({}),
  /** The sample report is seeded once; a clerk who deleted it does not get it back on the next start. */
  sampleSeeded: z.boolean().default(false),
});
type IndexData = z.infer<typeof indexSchema>;

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
    const parsed = indexSchema.safeParse(store.store);
    if (!parsed.success) log('warn', 'index does not fit its schema; rebuilding from the draft files');
    const data = parsed.success ? parsed.data : indexSchema.parse({});
    return new DraftIndex(store, data, log, Boolean(movedAside) || !parsed.success);
  }

  get drafts(): Readonly<Record<string, DraftSummary>> {
    return this.data.drafts;
  }

  get trash(): Readonly<Record<string, TrashedSummary>> {
    return this.data.trash;
  }

  get sampleSeeded(): boolean {
    return this.data.sampleSeeded;
  }

  update(change: (data: IndexData) => void): void {
    change(this.data);
    try {
      this.store.store = this.data;
    } catch (error) {
      this.log(
        'error',
        `index not written (${errorDetail(error)}); it is rebuilt from the draft files on the next start`,
      );
    }
  }
}
