import { z } from 'zod';
import { UNIT_KINDS } from '../report/template';
import { rosterEntrySchema } from './roster';
import { receivedFileSchema } from './workspace';

/**
 * What the county screen receives over the bridge: the board as the services computed it from the
 * workspace and the files (checks run once per file, in the services), never the drafts themselves.
 */
const message = z.object({
  key: z.string().max(200),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});

export const boardRowSchema = z.object({
  unit: z.string(),
  kind: z.enum(UNIT_KINDS),
  contact: z.string(),
  listed: z.boolean(),
  status: z.enum(['submitted', 'late', 'missing']),
  file: receivedFileSchema.nullable(),
  firstReceivedAt: z.string(),
  history: z.array(receivedFileSchema),
  wrongYear: z.boolean(),
  oldFormat: z.boolean(),
  errors: z.number().int(),
  warnings: z.number().int(),
  repeatShare: z.number().nullable(),
});

const names = z.array(z.string());
const bar = z.object({ label: z.string(), value: z.number() });

export const countyViewSchema = z.object({
  year: z.number().int(),
  deadline: z.string(),
  issuer: z.string(),
  roster: z.array(rosterEntrySchema),
  rows: z.array(boardRowSchema),
  /** Files waiting for the clerk to say which unit they are from. */
  pending: z.array(receivedFileSchema),
  report: z.object({
    year: z.number().int(),
    deadline: z.string(),
    expected: z.number().int(),
    reported: names,
    late: names,
    missing: names,
    withErrors: names,
    wrongYear: names,
    oldFormat: names,
    unlisted: names,
  }),
  totals: z.object({
    template: z.string(),
    templateName: z.string(),
    /** Units added up (listed, of the year, on the form in force). */
    units: names,
    /** Key figures of the county (keyFields of the template): label, unit, value. */
    figures: z.array(z.object({ id: z.string(), label: z.string(), unit: z.string(), value: z.number() })),
    results: z.array(bar),
    applications: z.array(bar),
  }),
  /** Earlier years with a 名单, newest first, whose list can be taken over. */
  earlierYears: z.array(z.number().int()),
  /** What opening found and the clerk must hear about (a workspace restored from its backup, files recovered). */
  notices: z.array(message.extend({ severity: z.enum(['info', 'warning', 'error']) })),
});
export type CountyView = z.infer<typeof countyViewSchema>;
export type BoardRowView = z.infer<typeof boardRowSchema>;

export const countyYearSchema = z.object({
  year: z.number().int(),
  expected: z.number().int(),
  received: z.number().int(),
});
export type CountyYear = z.infer<typeof countyYearSchema>;
