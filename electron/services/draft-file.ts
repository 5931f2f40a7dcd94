import type Store from 'electron-store';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Draft } from '../../shared/report/draft';
import { decodeDraftBytes } from '../../shared/report/draft-bytes';
import { DRAFT_ID } from '../../shared/report/limits';
import { serializeDraft } from '../../shared/report/draft-io';
import { revisionOf } from './draft-revision';
import { errorCode, errorDetail } from './errors';
import { retryWhileLocked } from './retry';
import { openStore } from './store';

/** The draft id a file in drafts/ or trash/ stands for: its name without `.json`, when that is a valid draft id. */
export function draftIdOfFile(fileName: string): string | undefined {
  const id = fileName.endsWith('.json') ? fileName.slice(0, -'.json'.length) : '';
  return DRAFT_ID.test(id) ? id : undefined;
}

function decodedFile(path: string): string {
  const decoded = decodeDraftBytes(readFileSync(path));
  if (!decoded.ok) throw new SyntaxError(`${decoded.encoding} is not a draft encoding`);
  return decoded.text;
}

/** What reading a draft's store file found. */
export type DraftFileRead =
  | { kind: 'missing' }
  | { kind: 'ok'; raw: unknown }
  /** Not JSON at all: truncated, random bytes, empty. */
  | { kind: 'corrupt'; detail: string }
  /** The operating system refused (still locked after retrying, a folder in its place, no permission). */
  | { kind: 'unreadable'; code: string; detail: string };

/**
 * Draft files, one electron-store file per draft (`drafts/<id>.json`). The store serializes with
 * serializeDraft, so each file is byte for byte a draft exchange file: a clerk who copies one out
 * of the data folder has a file the app can import elsewhere.
 *
 * Writes are atomic and complete (store.ts: temporary file, every byte, fsync, rename). The
 * constructor parses the file and, with `clearInvalidConfig: false`, throws on a corrupt one
 * instead of silently wiping it; the caller moves such a file aside. Stores are kept per draft once read, so a later save
 * does not re-parse the file it is about to replace.
 */
export class DraftFiles {
  private readonly stores = new Map<string, Store<Record<string, unknown>>>();
  constructor(readonly folder: string) {}

  pathOf(id: string): string {
    return join(this.folder, `${id}.json`);
  }

  async read(id: string): Promise<DraftFileRead> {
    this.stores.delete(id);
    if (!existsSync(this.pathOf(id))) return { kind: 'missing' };
    try {
      const store = await retryWhileLocked(() => this.open(id));
      this.stores.set(id, store);
      return { kind: 'ok', raw: store.store };
    } catch (error) {
      if (error instanceof SyntaxError) return { kind: 'corrupt', detail: error.message };
      return { kind: 'unreadable', code: errorCode(error), detail: errorDetail(error) };
    }
  }

  /** Writes the draft atomically; throws the file-system error when the write failed. */
  async write(draft: Draft, delays?: readonly number[]): Promise<void> {
    await retryWhileLocked(() => {
      const store = this.stores.get(draft.id) ?? this.open(draft.id);
      store.store = draft;
      this.stores.set(draft.id, store);
    }, delays);
  }

  /**
   * The file on disk now, read afresh (another process may have written it since this one last
   * did): its save counter and text, 'missing' when there is no file, 'corrupt' when it does not
   * parse, 'unreadable' when the system refuses it (the write then reports why). A file without a
   * counter (format 1 or 2, a hand-made file) counts as revision 0.
   */
  async onDisk(
    id: string,
  ): Promise<{ revision: number; text: string } | 'missing' | 'corrupt' | 'unreadable'> {
    let bytes: Uint8Array;
    try {
      bytes = await retryWhileLocked(() => readFile(this.pathOf(id)));
    } catch (error) {
      return errorCode(error) === 'ENOENT' ? 'missing' : 'unreadable';
    }
    // Read as the draft itself is (a UTF-16 file copied in is a draft, not a corrupt file).
    const decoded = decodeDraftBytes(bytes);
    if (!decoded.ok) return 'corrupt';
    const revision = revisionOf(decoded.text);
    return revision === 'corrupt' ? 'corrupt' : { revision, text: decoded.text };
  }

  /** Forgets a draft whose file was moved away (to the recycle bin or the corrupt folder). */
  forget(id: string): void {
    this.stores.delete(id);
  }

  private open(id: string): Store<Record<string, unknown>> {
    return openStore({
      cwd: this.folder,
      name: id,
      accessPropertiesByDotNotation: false,
      serialize: (value) => serializeDraft(value as Draft),
      // electron-store reads the file as UTF-8. A draft copied in from another tool may be UTF-16
      // (NULs), carry a byte-order mark, or be GB18030 (replacement characters): read its bytes as
      // what they are, so it opens instead of being set aside as corrupt.
      deserialize: (text) => {
        const foreign = ['\u0000', '\uFEFF', '\uFFFD'].some((mark) => text.includes(mark));
        const json = foreign ? decodedFile(this.pathOf(id)) : text;
        return JSON.parse(json) as Record<string, unknown>;
      },
    });
  }
}
