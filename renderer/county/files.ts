import { RECEIVED_FILE } from '../../shared/county/formats';

/**
 * Files the clerk gives the county screen: chosen one by one, a whole folder, or dropped (files
 * and folders together). Only the kinds the workspace reads are kept; a folder is read to its
 * bottom, since units' replies are often filed per town.
 */
export const ACCEPTED = RECEIVED_FILE;

export const acceptAttribute = '.json,.docx,.html,.htm';

interface FsEntry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  file?(ok: (f: File) => void, fail: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: FsEntry[]) => void, fail: (e: unknown) => void): void };
}

async function entryFiles(entry: FsEntry): Promise<File[]> {
  if (entry.isFile && entry.file) return [await new Promise<File>((ok, fail) => entry.file!(ok, fail))];
  if (!entry.isDirectory || !entry.createReader) return [];
  const reader = entry.createReader();
  const all: File[] = [];
  // readEntries returns the folder in batches (100 in Chromium) until an empty one.
  for (;;) {
    const batch = await new Promise<FsEntry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) break;
    for (const child of batch) all.push(...(await entryFiles(child)));
  }
  return all;
}

/** The files of a drop, folders included. */
export async function droppedFiles(data: DataTransfer): Promise<File[]> {
  const entries = [...data.items]
    .map((item) => (item.webkitGetAsEntry?.() ?? null) as FsEntry | null)
    .filter((e): e is FsEntry => e !== null);
  if (entries.length === 0) return [...data.files];
  const out: File[] = [];
  for (const entry of entries) out.push(...(await entryFiles(entry)));
  return out;
}

/** Files in the order a clerk expects to see them read: by name, as the file manager lists them. */
export function readable(files: readonly File[]): { accepted: File[]; skipped: File[] } {
  const sorted = [...files].sort((a, b) =>
    (a.webkitRelativePath || a.name).localeCompare(b.webkitRelativePath || b.name, 'zh-CN'),
  );
  return {
    accepted: sorted.filter((f) => ACCEPTED.test(f.name)),
    skipped: sorted.filter((f) => !ACCEPTED.test(f.name)),
  };
}

/** Bytes as base64 for the bridge, in slices so a large file does not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
