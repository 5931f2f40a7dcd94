import { z } from 'zod';
import { isRealIsoDate } from './dates';
import { DRAFT_ID, LIST_LABEL_MAX, PROSE_MAX, SECTION_TITLE_MAX, UNIT_TEXT_MAX } from './limits';
import { UNIT_KINDS } from './template';

/**
 * The draft: everything a clerk enters for one report, as one plain JSON value. It is stored on
 * disk, exchanged between units on a USB stick and collected by the county, so its shape is
 * versioned (`formatVersion`) and documented in docs/draft-format.md. Totals are never stored:
 * they are computed from the entered numbers (see totals.ts).
 */
export const FORMAT_VERSION = 3;

/** How a document title can place the unit and the year: 永昌县2014年… (unit-first) or 2014年永昌县… (year-first). */
export const TITLE_ORDERS = ['unit-first', 'year-first'] as const;
export type TitleOrder = (typeof TITLE_ORDERS)[number];

/** Keys of the value maps: dotted lower-case ids. The pattern also keeps `__proto__` and friends out. */
const FIELD_ID = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/;

const fieldId = z.string().regex(FIELD_ID).max(80);
const amount = z.number().finite().nonnegative().max(1e12);
const text = (max = 500) => z.string().max(max);

export const unitSchema = z
  .object({
    /** 单位名称, e.g. 寮步镇人民政府. Appears in the title and the signature. */
    name: text(UNIT_TEXT_MAX.name),
    kind: z.enum(UNIT_KINDS),
    /** 所属地区, e.g. 广东省东莞市. */
    region: text(UNIT_TEXT_MAX.region).default(''),
    /** How the report refers to the unit itself (我镇 / 我街道 / 本机关); derived from `kind` when empty. */
    selfRef: text(UNIT_TEXT_MAX.selfRef).default(''),
    address: text(UNIT_TEXT_MAX.address).default(''),
    phone: text(UNIT_TEXT_MAX.phone).default(''),
    /** Where the electronic copy can be downloaded, as it should read in the 前言. */
    website: text(UNIT_TEXT_MAX.website).default(''),
    /** 署名 under the body; the unit name when empty. */
    signature: text(UNIT_TEXT_MAX.signature).default(''),
  })
  .strict();

const listItem = z.object({ label: text(LIST_LABEL_MAX), value: amount }).strict();

/** How a draft words or leaves out one section of a legacy template (numbering stays generated). */
const sectionOverride = z
  .object({ title: text(SECTION_TITLE_MAX).optional(), omit: z.boolean().optional() })
  .strict();

export const draftSchema = z
  .object({
    formatVersion: z.literal(FORMAT_VERSION),
    /** Stable identity across renames and exchanges. */
    id: z.string().regex(DRAFT_ID),
    template: z.string().regex(/^[a-z0-9-]{1,40}$/),
    variant: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/)
      .default('default'),
    /** 报告年度: the year reported on, not the year of writing. */
    year: z.number().int().min(2008).max(2100),
    /** 成文日期, ISO yyyy-mm-dd; empty until the clerk sets it. */
    issuedOn: z
      .string()
      .regex(/^(\d{4}-\d{2}-\d{2})?$/)
      .refine((iso) => iso === '' || isRealIsoDate(iso))
      .default(''),
    unit: unitSchema,
    /** Prose per slot id; paragraphs separated by newlines. */
    prose: z.record(fieldId, text(PROSE_MAX)).default({}),
    /** Entered numbers per field id. Absent means not entered (counted as 0). */
    values: z.record(fieldId, amount).default({}),
    /**
     * Totals as printed in a source document that was transcribed (a real report re-entered, or a
     * file from another system). `null` records a total the source left blank. The app never
     * writes these itself; the checks compare them with the computed totals.
     */
    declared: z.record(fieldId, amount.nullable()).default({}),
    /** Category breakdowns per list id. */
    lists: z.record(fieldId, z.array(listItem).max(200)).default({}),
    /** Last year's figures, carried when the draft was started from last year's (R6, R7). */
    previous: z
      .object({
        /** The year before the reporting year at the earliest 2008 report; checked against `year` on reading. */
        year: z.number().int().min(2007).max(2099),
        values: z.record(fieldId, amount),
        /** v3: last year's prose per slot, so this year's repeated text can be measured. */
        prose: z.record(fieldId, text(PROSE_MAX)).default({}),
      })
      .strict()
      .nullable()
      .default(null),
    /** The text last generated into each slot, so regenerating can tell edits from generated text. */
    generated: z.record(fieldId, text(PROSE_MAX)).default({}),
    /** Warning findings the clerk has read and accepted (finding ids). */
    acknowledged: z.array(text(200)).max(1000).default([]),
    /** v3: printed decimals of a list's shares (0 or 1), where the unit differs from the template's default. */
    listDecimals: z.record(fieldId, z.union([z.literal(0), z.literal(1)])).default({}),
    /** v3: the unit's own wording of a section title, or a section left out (legacy templates only). */
    sections: z.record(fieldId, sectionOverride).default({}),
    /**
     * v3: paragraphs per slot carried verbatim from last year's report and not yet edited or
     * confirmed by the clerk; the wizard marks them 上年内容 and the checks name their figures.
     */
    carried: z.record(fieldId, z.array(text(PROSE_MAX)).max(200)).default({}),
    /**
     * v3: entered fields that a transcribed source printed blank, "/", "—" or 无. Such a cell is
     * not a 0: it stays absent from `values`, and the checks say how many of each table are still
     * blank until the clerk enters a number.
     */
    blanks: z.array(fieldId).max(5000).default([]),
    /**
     * v3: the order of unit and year in the document title where the unit's differs from the
     * variant's (永昌县2014年… or 2014年永昌县…); absent means as the variant has it.
     */
    titleOrder: z.enum(TITLE_ORDERS).optional(),
    meta: z
      .object({
        createdAt: text(40).default(''),
        updatedAt: text(40).default(''),
        app: text(60).default(''),
        /** v3: counts saves; a save based on an older revision than the file's is refused (lost updates). */
        revision: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).default(0),
      })
      .strict()
      .default({ createdAt: '', updatedAt: '', app: '', revision: 0 }),
  })
  .strict();

export type Draft = z.infer<typeof draftSchema>;
export type DraftInput = z.input<typeof draftSchema>;
export type Unit = Draft['unit'];
export type ListItem = z.infer<typeof listItem>;
