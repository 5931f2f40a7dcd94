import { z } from 'zod';
import { rosterEntrySchema } from './roster';

/**
 * A county's workspace for one reporting year, as kept in `county/<year>/workspace.json`: the
 * 名单, the deadline, the clerk's name choices, and one record per received file (the file itself
 * is kept beside it as a draft, `files/<id>.json`). A newer file of a unit does not delete the
 * older one: both records stay, and the board shows the newest (boardRows).
 */
export const WORKSPACE_FORMAT = 1;

export const FILE_ID = /^[0-9a-f]{16}$/;
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const receivedFileSchema = z.object({
  id: z.string().regex(FILE_ID),
  /** The name the file had on the clerk's disk or in the e-mail. */
  fileName: z.string().max(260),
  /** When it came: the moment it was added, or the day the clerk says it arrived. */
  receivedAt: z.string().max(40),
  /** The unit on the 名单 it belongs to; the report's own name when it is on no list. */
  unit: z.string().max(100),
  /** The unit name the report itself gives. */
  ownName: z.string().max(100),
  /** `auto`: the names agree; `chosen`: the clerk chose the unit; `pending`: waiting for that choice. */
  match: z.enum(['auto', 'chosen', 'pending', 'unlisted']),
  /** Names on the 名单 offered for a pending choice, closest first. */
  candidates: z.array(z.string().max(100)).max(50).default([]),
  /** From the report, for lists and sorting without reading the file. */
  year: z.number().int(),
  template: z.string().max(40),
  savedAt: z.string().max(40),
});
export type ReceivedFile = z.infer<typeof receivedFileSchema>;

export const workspaceSchema = z.object({
  formatVersion: z.literal(WORKSPACE_FORMAT),
  year: z.number().int().min(2008).max(2100),
  /** 截止日期, yyyy-mm-dd, the last day a report counts as on time. */
  deadline: isoDay,
  /** The county office that signs the 审核意见 and names the 汇总, e.g. 清溪县人民政府办公室. */
  issuer: z.string().max(100).default(''),
  roster: z.array(rosterEntrySchema).max(5000),
  /** A report's own unit name → the listed unit the clerk said it is. */
  aliases: z.record(z.string().max(100), z.string().max(100)).default({}),
  files: z.array(receivedFileSchema).max(50_000),
  updatedAt: z.string().max(40).default(''),
});
export type Workspace = z.infer<typeof workspaceSchema>;

/** 1月31日 of the year after the reporting year: when most counties want the reports in. */
export const defaultDeadline = (year: number): string => `${year + 1}-01-31`;

export function emptyWorkspace(year: number): Workspace {
  return {
    formatVersion: WORKSPACE_FORMAT,
    year,
    deadline: defaultDeadline(year),
    issuer: '',
    roster: [],
    aliases: {},
    files: [],
    updatedAt: '',
  };
}

/** The clerk's calendar day of a moment, yyyy-mm-dd in local time: deadlines are days, not instants. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Received after the deadline's day: a file that came at 23:59 on the last day is on time. */
export const isLate = (receivedAt: string, deadline: string): boolean => localDay(receivedAt) > deadline;
