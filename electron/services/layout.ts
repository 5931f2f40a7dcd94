import { join } from 'node:path';

/**
 * The data folder, as docs/desktop.md describes it to the clerk:
 *
 *     settings.json            language, headings, line spacing, last folder (electron-store)
 *     index.json               the draft list and the recycle bin (electron-store; rebuilt from the files if lost)
 *     drafts/<id>.json         one electron-store file per draft, byte for byte a draft exchange file
 *     backups/<id>/…           rolling-, daily- and before-migration- copies of each draft
 *     trash/<id>.json          drafts deleted to the recycle bin
 *     corrupt/…                files that could not be read, moved aside and never deleted
 *     logs/nianbao.log         what went wrong, for whoever supports the clerk
 */
export interface DataLayout {
  root: string;
  drafts: string;
  backups: string;
  trash: string;
  corrupt: string;
  logs: string;
}

export function dataLayout(root: string): DataLayout {
  return {
    root,
    drafts: join(root, 'drafts'),
    backups: join(root, 'backups'),
    trash: join(root, 'trash'),
    corrupt: join(root, 'corrupt'),
    logs: join(root, 'logs'),
  };
}

/** A timestamp that is a valid file name on Windows (no colons) and sorts chronologically. */
export function fileStamp(date: Date): string {
  return date.toISOString().replaceAll(':', '-').replace('.', '-');
}

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;
export const STAMP_PATTERN = '\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z';

export function parseFileStamp(stamp: string): Date | null {
  const m = STAMP.exec(stamp);
  return m ? new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : null;
}

/** The clerk's calendar day of a moment (local time), e.g. 2025-01-20: daily backups are per local day. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
