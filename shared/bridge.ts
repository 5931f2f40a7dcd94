import type { ImportReport } from './import/report';
import { z } from 'zod';
import { draftSchema } from './report/draft';
import { DRAFT_ID } from './report/limits';
import { UNIT_KINDS } from './report/template';
import { MESSAGE_KEY_MAX } from './bridge-errors';
import { countyBridge } from './county/bridge';

export { REJECTION_MARK, rejectionMessage, rejectionText } from './bridge-errors';

/**
 * The one contract between the renderer and the rest of the app. The preload exposes exactly
 * these methods as `window.nianbao`; main registers one handler per method through a wrapper
 * that checks the sender and parses the arguments with these schemas; the browser mode of the
 * wizard (npm run dev:web) serves the same methods over loopback HTTP. Channel names are
 * `namespace:action`.
 */

/** A message for the user: an i18n key with its parameters. Never a raw exception text alone. */
export const userMessage = z.object({
  key: z.string().max(MESSAGE_KEY_MAX),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type UserMessage = z.infer<typeof userMessage>;

export const notice = userMessage.extend({ severity: z.enum(['info', 'warning', 'error']) });
export type Notice = z.infer<typeof notice>;

const id = z.string().regex(DRAFT_ID);

/**
 * What a name must not carry: control characters (C0 and C1: NUL, ESC, line breaks), and the
 * bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E/F, U+202A–U+202E,
 * U+2066–U+2069): after a U+202E the rest of a name displays reversed, so "某镇\u202Excod.exe…docx"
 * shows in a file manager as a name ending in "exe": the name on screen is not the name stored.
 */
const NOT_IN_NAMES = /[\p{Cc}\p{Bidi_Control}]/gu;

/** A name as it may be stored and shown: without control and bidirectional-override characters. */
export function plainName(text: string): string {
  return text.replace(NOT_IN_NAMES, '');
}

const name = (max: number) => z.string().max(max).transform(plainName);

/**
 * A draft as the renderer saves it: the unit's names (名称, 地区, 署名 …) are single lines of plain
 * text, whatever was pasted into them.
 */
export const savedDraft = draftSchema.transform((draft) => ({ ...draft, unit: plainUnit(draft.unit) }));

/** The unit's names without control and bidirectional-override characters; its kind as it is. */
export function plainUnit<U extends { kind: string }>(unit: U): U {
  return Object.fromEntries(
    Object.entries(unit).map(([key, value]) => [
      key,
      key === 'kind' || typeof value !== 'string' ? value : plainName(value),
    ]),
  ) as U;
}

export const draftSummary = z.object({
  id,
  unitName: z.string(),
  year: z.number().int(),
  template: z.string(),
  templateName: z.string(),
  updatedAt: z.string(),
  errors: z.number().int(),
  warnings: z.number().int(),
});
export type DraftSummary = z.infer<typeof draftSummary>;

export const backupInfo = z.object({
  name: z.string().max(200),
  savedAt: z.string(),
  kind: z.enum(['rolling', 'daily', 'before-migration', 'conflict', 'corrupt']),
  size: z.number().int(),
});
export type BackupInfo = z.infer<typeof backupInfo>;

/** A draft as opened, with anything the user must be told about how it was recovered or migrated. */
export const openedDraft = z.object({ draft: draftSchema, notices: z.array(notice) });
export type OpenedDraft = z.infer<typeof openedDraft>;

const failure = z.object({ ok: z.literal(false), error: userMessage });
const cancelled = z.object({ ok: z.literal(false), cancelled: z.literal(true) });

export const saveResult = z.union([
  z.object({
    ok: z.literal(true),
    savedAt: z.string(),
    /** The draft's `meta.revision` now: the next save is based on it (a save based on another is refused). */
    revision: z.number().int().nonnegative(),
    /** The draft is saved, but something around it was not (its backup could not be written). */
    notices: z.array(notice).optional(),
  }),
  failure,
]);
export type SaveResult = z.infer<typeof saveResult>;

export const exportResult = z.union([
  z.object({ ok: z.literal(true), path: z.string(), draftMarked: z.boolean() }),
  failure,
  cancelled,
]);
export type ExportResult = z.infer<typeof exportResult>;

export const settings = z.object({
  language: z.enum(['zh-CN', 'zh-TW', 'en']).default('zh-CN'),
  /** Some counties want level-2 and level-3 headings bold; GB/T 9704 prescribes none. */
  boldHeadings: z.boolean().default(false),
  /** Exact body line spacing in points (GB/T 9704: 22 lines a page, 28–29 pt). */
  lineSpacing: z.union([z.literal(28), z.literal(29)]).default(28),
  /** UI text size in percent, for older eyes. */
  textSize: z.union([z.literal(100), z.literal(125), z.literal(150)]).default(100),
  lastFolder: z.string().max(4096).default(''),
  /** The clerk's own additions to the standard-phrase library. */
  phrases: z
    .object({
      measures: z.array(z.string().max(2000)).max(200).default([]),
      problems: z.array(z.string().max(2000)).max(200).default([]),
      improvements: z.array(z.string().max(2000)).max(200).default([]),
    })
    .default({ measures: [], problems: [], improvements: [] }),
});
export type Settings = z.infer<typeof settings>;

const phraseLists = settings.shape.phrases.unwrap().shape;
/**
 * A change to some settings, for `settings.set`. It has no defaults on purpose: zod 4 fills a
 * field's default even inside `.partial()`, so `settings.partial()` would reset every setting a
 * call did not name (the last folder, the clerk's own phrases) to its default.
 */
export const settingsPatch = z.object({
  language: settings.shape.language.unwrap().optional(),
  boldHeadings: settings.shape.boldHeadings.unwrap().optional(),
  lineSpacing: settings.shape.lineSpacing.unwrap().optional(),
  textSize: settings.shape.textSize.unwrap().optional(),
  lastFolder: settings.shape.lastFolder.unwrap().optional(),
  phrases: z
    .object({
      measures: phraseLists.measures.unwrap().optional(),
      problems: phraseLists.problems.unwrap().optional(),
      improvements: phraseLists.improvements.unwrap().optional(),
    })
    .optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatch>;

const exportArgs = z.object({
  id,
  /** A final export needs a draft without errors; otherwise the file is marked 草稿. */
  final: z.boolean(),
});
const printArgs = z.object({ id, size: z.enum(['a4', 'a3', 'a4-enlarged']).default('a4') });

/** Every method: its channel, argument schema (a tuple) and result schema. */
export const bridge = {
  drafts: {
    list: { channel: 'drafts:list', args: z.tuple([]), result: z.array(draftSummary) },
    open: { channel: 'drafts:open', args: z.tuple([id]), result: openedDraft },
    save: { channel: 'drafts:save', args: z.tuple([savedDraft]), result: saveResult },
    create: {
      channel: 'drafts:create',
      args: z.tuple([
        z.object({
          template: z.string().max(40),
          variant: z.string().max(40).optional(),
          year: z.number().int().min(2008).max(2100),
          unit: z.object({ name: name(100), kind: z.enum(UNIT_KINDS) }),
        }),
      ]),
      result: openedDraft,
    },
    /** 从上年报告开始: copies prose and unit data, carries 上年结转 and 现行有效件数 forward (R6, R7). */
    createFromPrevious: {
      channel: 'drafts:createFromPrevious',
      args: z.tuple([
        z.object({
          previousId: id,
          year: z.number().int().min(2008).max(2100),
          template: z.string().max(40),
        }),
      ]),
      result: openedDraft,
    },
    duplicate: { channel: 'drafts:duplicate', args: z.tuple([id]), result: openedDraft },
    /** Moves the draft to the recycle bin; it can be restored from there. */
    remove: { channel: 'drafts:remove', args: z.tuple([id]), result: z.object({ ok: z.boolean() }) },
    listTrash: { channel: 'drafts:listTrash', args: z.tuple([]), result: z.array(draftSummary) },
    restoreFromTrash: { channel: 'drafts:restoreFromTrash', args: z.tuple([id]), result: openedDraft },
    listBackups: { channel: 'drafts:listBackups', args: z.tuple([id]), result: z.array(backupInfo) },
    restoreBackup: {
      channel: 'drafts:restoreBackup',
      args: z.tuple([id, z.string().max(200)]),
      result: openedDraft,
    },
    /** Imports a draft file the renderer read with a file input (USB stick, another unit). */
    importFile: {
      channel: 'drafts:importFile',
      args: z.tuple([z.object({ fileName: name(260), text: z.string().max(8 * 1024 * 1024) })]),
      result: z.union([z.object({ ok: z.literal(true), opened: openedDraft }), failure]),
    },
    /** Imports a report the app did not write (.docx, .html, .txt; base64 bytes) as a new draft, with what was read. */
    importDocument: {
      channel: 'drafts:importDocument',
      args: z.tuple([z.object({ fileName: name(260), data: z.string().max(8 * 1024 * 1024) })]),
      result: z.union([
        z.object({
          ok: z.literal(true),
          opened: openedDraft,
          report: z.custom<ImportReport>((v) => typeof v === 'object' && v !== null),
        }),
        failure,
      ]),
    },
    /** Writes the draft as a .json exchange file through a save dialog. */
    exportFile: { channel: 'drafts:exportFile', args: z.tuple([id]), result: exportResult },
  },
  exports: {
    docx: { channel: 'exports:docx', args: z.tuple([exportArgs]), result: exportResult },
    xlsx: { channel: 'exports:xlsx', args: z.tuple([exportArgs]), result: exportResult },
    pdf: {
      channel: 'exports:pdf',
      args: z.tuple([exportArgs.extend(printArgs.shape)]),
      result: exportResult,
    },
    print: {
      channel: 'exports:print',
      args: z.tuple([printArgs.extend({ final: z.boolean() })]),
      result: z.union([z.object({ ok: z.literal(true) }), failure, cancelled]),
    },
    /** Opens the folder of a file this session exported (never an arbitrary path). */
    showInFolder: {
      channel: 'exports:showInFolder',
      args: z.tuple([z.string().max(4096)]),
      result: z.object({ ok: z.boolean() }),
    },
  },
  settings: {
    get: { channel: 'settings:get', args: z.tuple([]), result: settings },
    set: { channel: 'settings:set', args: z.tuple([settingsPatch]), result: settings },
  },
  app: {
    info: {
      channel: 'app:info',
      args: z.tuple([]),
      result: z.object({ version: z.string(), dataDir: z.string(), mode: z.enum(['electron', 'web']) }),
    },
    /** What happened at start-up that the user must hear about (corrupt drafts moved aside, backups restored). */
    startupNotices: { channel: 'app:startupNotices', args: z.tuple([]), result: z.array(notice) },
  },
  /** The county office's screen: workspace per year, received files, board, 审核意见, 汇总 (shared/county/bridge.ts). */
  county: countyBridge,
} as const;

type Method = { channel: string; args: z.ZodTuple; result: z.ZodType };
type Namespace = Record<string, Method>;

/** The API as the renderer sees it: `window.nianbao.drafts.open(id)` returns a promise of the result. */
export type BridgeApi = {
  [N in keyof typeof bridge]: {
    [M in keyof (typeof bridge)[N]]: (typeof bridge)[N][M] extends Method
      ? (
          ...args: z.input<(typeof bridge)[N][M]['args']>
        ) => Promise<z.output<(typeof bridge)[N][M]['result']>>
      : never;
  };
};

/** The same API as main implements it (arguments already parsed). */
export type BridgeHandlers = {
  [N in keyof typeof bridge]: {
    [M in keyof (typeof bridge)[N]]: (typeof bridge)[N][M] extends Method
      ? (
          ...args: z.output<(typeof bridge)[N][M]['args']>
        ) => Promise<z.input<(typeof bridge)[N][M]['result']>>
      : never;
  };
};

/** Every method as [namespace, name, definition], for the preload, main's registration and tests. */
export function bridgeMethods(): [string, string, Method][] {
  return Object.entries(bridge as Record<string, Namespace>).flatMap(([ns, methods]) =>
    Object.entries(methods).map(([name, def]): [string, string, Method] => [ns, name, def]),
  );
}

declare global {
  interface Window {
    nianbao: BridgeApi;
  }
}
