import { z } from 'zod';
import { DRAFT_ID } from '../report/limits';
import { rosterEntrySchema } from './roster';
import { countyViewSchema, countyYearSchema } from './view';
import { FILE_ID, receivedFileSchema } from './workspace';
import { draftSchema } from '../report/draft';

/**
 * The county screen's part of the bridge (`county:*`), spread into shared/bridge.ts. Kept here so
 * the contract of the county workspace lives with its model.
 */
const year = z.number().int().min(2008).max(2100);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const message = z.object({
  key: z.string().max(200),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
const failure = z.object({ ok: z.literal(false), error: message });
const cancelled = z.object({ ok: z.literal(false), cancelled: z.literal(true) });
const written = z.union([
  z.object({ ok: z.literal(true), path: z.string(), files: z.array(z.string()) }),
  failure,
  cancelled,
]);

/** Base64 of a received file: a report's .json or .docx is far below this (a few hundred KB). */
export const MAX_FILE_BASE64 = 6 * 1024 * 1024;

export const countyBridge = {
  years: { channel: 'county:years', args: z.tuple([]), result: z.array(countyYearSchema) },
  open: { channel: 'county:open', args: z.tuple([year]), result: countyViewSchema },
  setRoster: {
    channel: 'county:setRoster',
    args: z.tuple([year, z.array(rosterEntrySchema).max(5000)]),
    result: countyViewSchema,
  },
  /** Takes an earlier year's 名单 over for this year. */
  copyRoster: { channel: 'county:copyRoster', args: z.tuple([year, year]), result: countyViewSchema },
  setDetails: {
    channel: 'county:setDetails',
    args: z.tuple([year, z.object({ deadline: day.optional(), issuer: z.string().max(100).optional() })]),
    result: countyViewSchema,
  },
  /** One received file; `receivedOn` when it came earlier than it is added (a mailbox emptied late). */
  addFile: {
    channel: 'county:addFile',
    args: z.tuple([
      z.object({
        year,
        fileName: z.string().min(1).max(260),
        data: z.string().max(MAX_FILE_BASE64),
        receivedOn: day.optional(),
      }),
    ]),
    result: z.union([z.object({ ok: z.literal(true), file: receivedFileSchema }), failure]),
  },
  /** Which listed unit a file is from; '' keeps it as a unit not on the 名单. */
  assign: {
    channel: 'county:assign',
    args: z.tuple([year, z.string().regex(FILE_ID), z.string().max(100)]),
    result: countyViewSchema,
  },
  /** A unit's reports as received, newest first, to read (never to edit). */
  unit: {
    channel: 'county:unit',
    args: z.tuple([year, z.string().max(100)]),
    result: z.array(z.object({ file: receivedFileSchema, draft: draftSchema })),
  },
  /** 审核意见: letters (.docx) for the units named, or for every unit with problems (null), and a workbook of all findings. */
  exportFeedback: {
    channel: 'county:exportFeedback',
    args: z.tuple([year, z.array(z.string().max(100)).max(5000).nullable()]),
    result: written,
  },
  /** 汇总.xlsx with a sheet per unit. */
  exportTotals: { channel: 'county:exportTotals', args: z.tuple([year]), result: written },
  /** The county totals as a new draft in the library, to write the county's own report from. */
  totalsDraft: {
    channel: 'county:totalsDraft',
    args: z.tuple([year]),
    result: z.union([z.object({ ok: z.literal(true), id: z.string().regex(DRAFT_ID) }), failure]),
  },
} as const;
