import { importDocument } from '../import';
import { readDraftBytes, type DraftError } from '../report/draft-io';
import type { Draft } from '../report/draft';
import { RECEIVED_FILE } from './formats';

export type ReceivedRead = { ok: true; draft: Draft } | { ok: false; error: DraftError };

/**
 * A received file as a draft. Every format the county accepts is read here and nowhere else:
 * draft files (.json, in whatever encoding the unit's tool saved them), and Word files and web
 * pages through the importer, which reads the report's tables and prose into a draft.
 */
export async function readReceivedFile(fileName: string, bytes: Uint8Array): Promise<ReceivedRead> {
  if (!RECEIVED_FILE.test(fileName))
    return { ok: false, error: { key: 'county.error.format', params: { file: fileName } } };
  if (/\.json$/i.test(fileName)) {
    const read = readDraftBytes(bytes);
    return read.ok ? { ok: true, draft: read.draft } : { ok: false, error: read.error };
  }
  const imported = await importDocument(bytes, fileName);
  return imported.ok ? { ok: true, draft: imported.draft } : { ok: false, error: imported.error };
}
