import { newDraft } from '../report/draft-io';
import { draftSchema, type Draft } from '../report/draft';
import { fieldMap, isComputed } from '../report/model';
import type { TemplateDef } from '../report/template';
import { TEMPLATES } from '../report/templates';
import { stripIllegalXml } from '../report/text';
import { readClaims, readLists } from './claims';
import { decodeText } from './decode';
import { docxBlocks } from './docx';
import { htmlBlocks } from './html';
import { chooseYear, kindOfUnit, readIdentity, type Identity } from './identity';
import { templateRows } from './layout';
import { labelKey } from './labels';
import { readProse, sectionTitles, titleKey, type ProseReading } from './prose';
import type { ImportFormat, ImportReport, ReadCell } from './report';
import type { SourceBlock, SourceParagraph, SourceRow } from './source';
import { readTables, type TableReading } from './tables';
import { textBlocks } from './text';
import { toSimplified, type ScriptChanges } from './traditional';

export type { ImportFormat, ImportReport, ReadCell } from './report';

/** Why a file could not be imported: a locale key of import.json and its parameters. */
export interface ImportFailure {
  key: string;
  params: Record<string, string | number>;
}

export type ImportResult =
  { ok: true; draft: Draft; report: ImportReport } | { ok: false; error: ImportFailure };

export interface ImportOptions {
  /** The year to assume when the document names none (the year before this one, by default). */
  fallbackYear?: number;
  now?: Date;
  id?: string;
}

const fail = (key: string, params: Record<string, string | number> = {}): ImportResult => ({
  ok: false,
  error: { key: `import.error.${key}`, params },
});

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const extOf = (name: string) => /\.([^.\\/]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * Imports a report the app did not write: a .docx from Word or WPS, a saved web page (.html, .htm,
 * in the charset it declares, GBK included) or a text file. A .doc, .wps, PDF or any other file
 * gets a message saying what to do instead. Pure: no file system, so it runs in the renderer too.
 */
export async function importDocument(
  bytes: Uint8Array,
  fileName: string,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const ext = extOf(fileName);
  if (bytes.length === 0) return fail('empty', { name: fileName });
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0) || ext === 'doc' || ext === 'wps')
    return fail('oldWord', { name: fileName });
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return fail('pdf', { name: fileName });
  if (startsWith(bytes, 0x7b, 0x5c, 0x72, 0x74, 0x66)) return fail('rtf', { name: fileName });
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    let word: Awaited<ReturnType<typeof docxBlocks>>;
    try {
      word = await docxBlocks(bytes);
    } catch {
      return fail('damaged', { name: fileName });
    }
    if (!word) return fail(ext === 'xlsx' || ext === 'et' ? 'spreadsheet' : 'notWord', { name: fileName });
    return importSimplified(word.blocks, 'docx', fileName, opts, word.trackedChanges);
  }
  const text = decodeText(bytes);
  // eslint-disable-next-line no-control-regex -- binary files are told apart by their control bytes
  if ((text.slice(0, 4096).match(/[\u0000-\u0008\u000E-\u001A]/g)?.length ?? 0) > 8)
    return fail('unknown', { name: fileName });
  if (/^\s*MIME-Version:/i.test(text) || ext === 'mht' || ext === 'mhtml')
    return fail('mht', { name: fileName });
  if (ext === 'html' || ext === 'htm' || /<(?:html|body|table|p|div)[\s>]/i.test(text.slice(0, 8192)))
    return importSimplified(htmlBlocks(text), 'html', fileName, opts);
  return importSimplified(textBlocks(text), 'text', fileName, opts);
}

/** Imports text pasted from a web page or a PDF viewer. */
export function importText(text: string, fileName = '', opts: ImportOptions = {}): Promise<ImportResult> {
  return importSimplified(textBlocks(text), 'text', fileName, opts);
}

async function importSimplified(
  blocks: SourceBlock[],
  format: ImportFormat,
  fileName: string,
  opts: ImportOptions,
  trackedChanges = 0,
): Promise<ImportResult> {
  const simplified = await toSimplified(blocks);
  return importBlocks(simplified.blocks, format, fileName, opts, {
    script: simplified.changes,
    trackedChanges,
  });
}

/** What the import did to the document's text before reading it, for the report. */
export interface TextChanges {
  script: ScriptChanges;
  /** Tracked changes (修订) the Word file still holds: read as if all were accepted. */
  trackedChanges: number;
}

/** A page number a PDF viewer copies with the text ("- 2 -", "—3—", "第2页 共8页"). */
const PAGE_NUMBER =
  /^(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?)$/;
const ATTACHMENT = /^(?:附件[：:\d\s]|附件$|附表\s*\d|单位[：:]|[^。，,；、]{0,20}(?:附件|附表)$)/;

interface Reading {
  template: TemplateDef;
  tables: TableReading;
  prose: ProseReading;
  score: number;
}

function readAs(
  template: TemplateDef,
  rows: SourceRow[],
  paragraphs: SourceParagraph[],
  year: number | null,
): Reading {
  const tables = readTables(template, rows);
  const prose = readProse(template, paragraphs);
  const tableRowsFound = [...tables.rowsFound.values()].reduce((a, b) => a + b, 0);
  const fits = year !== null && (template.years.from ?? 0) <= year && year <= (template.years.to ?? 9999);
  return { template, tables, prose, score: 2 * tableRowsFound + 3 * prose.sections.size + (fits ? 2 : 0) };
}

function chooseVariant(template: TemplateDef, prose: ProseReading): string {
  const titles = sectionTitles(template);
  let best = template.variants[0]!.id;
  let bestScore = -1;
  for (const v of template.variants) {
    let score = 0;
    for (const [id, printed] of prose.sections) {
      const wording = titles.find((t) => t.section.id === id)?.byVariant.get(v.id);
      if (wording === undefined) score -= 1;
      else if (wording === titleKey(printed)) score += 2;
    }
    score -= v.sections.filter((s) => !prose.sections.has(s.id)).length * 0.5;
    if (score > bestScore) [best, bestScore] = [v.id, score];
  }
  return best;
}

export function importBlocks(
  blocks: SourceBlock[],
  format: ImportFormat,
  fileName: string,
  opts: ImportOptions = {},
  changes: TextChanges = { script: { traditional: 0, pinyin: 0, pinyinExample: '' }, trackedChanges: 0 },
): ImportResult {
  const paragraphs = blocks.filter((b): b is SourceParagraph => b.kind === 'paragraph');
  const rows = blocks.filter((b): b is SourceRow => b.kind === 'row');
  if (!paragraphs.some((p) => p.text.trim()) && !rows.some((r) => r.values.length > 0))
    return fail('noText', { name: fileName });

  const identity: Identity = readIdentity(paragraphs);
  const year = chooseYear(identity.years);
  const skipped: ImportReport['skipped'] = [];
  const skip = (p: SourceParagraph | null, reason: ImportReport['skipped'][number]['reason']) => {
    if (p) skipped.push({ text: p.text, origin: p.origin, reason });
  };
  const titleStart = identity.title[0] ? paragraphs.indexOf(identity.title[0]) : -1;
  // Captions of printed tables and attachments (附表1 主动公开情况统计), which are not prose.
  const tableTitles = new Set(
    TEMPLATES.flatMap((t) =>
      t.tables
        .filter((tb) => tb.title || t.attachments.includes(tb.id))
        .map((tb) => labelKey(tb.title ?? tb.sheetName)),
    ),
  );
  const proseParagraphs = paragraphs.filter((p, i) => {
    if (!p.text.trim()) return false;
    if (i < titleStart) return void skip(p, 'beforeTitle');
    if (identity.title.includes(p)) return void skip(p, 'title');
    if (p === identity.signature) return void skip(p, 'signature');
    if (p === identity.date) return void skip(p, 'date');
    if (ATTACHMENT.test(p.text.trim()) || (p.text.length <= 40 && tableTitles.has(labelKey(p.text))))
      return void skip(p, 'attachment');
    if (PAGE_NUMBER.test(p.text.trim())) return void skip(p, 'pageNumber');
    return true;
  });

  const readings = TEMPLATES.map((t) => readAs(t, rows, proseParagraphs, year?.year ?? null));
  const best = readings.reduce((a, b) => (b.score > a.score ? b : a));
  const { template, tables, prose } = best;
  for (const p of prose.tableText) skip(p, 'tableText');

  const fields = fieldMap(template);
  const unitName = identity.units[0]?.name ?? '';
  const signature = identity.signature?.text.replace(/\s+/g, '') ?? '';
  const yearValue = year?.year ?? opts.fallbackYear ?? new Date().getFullYear() - 1;
  const draft = newDraft({
    template,
    year: yearValue,
    unit: {
      name: unitName.slice(0, 100),
      kind: kindOfUnit(unitName, proseParagraphs.map((p) => p.text).join('\n')),
      signature: signature && signature !== unitName ? signature.slice(0, 100) : '',
    },
    variant: chooseVariant(template, prose),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.id ? { id: opts.id } : {}),
  });
  draft.issuedOn = identity.issuedOn;
  for (const list of template.lists) draft.lists[list.id] = [];

  const tableOf = new Map<string, string>();
  for (const row of templateRows(template)) for (const f of row.fields) tableOf.set(f.id, row.table);

  const cells: ReadCell[] = tables.cells.map((c) => {
    const field = fields.get(c.field)!;
    const declared = isComputed(field);
    if (declared) draft.declared[c.field] = c.value;
    else if (c.value !== null) draft.values[c.field] = c.value;
    else draft.blanks.push(c.field);
    return { ...c, label: field.label, table: tableOf.get(c.field) ?? '', declared };
  });
  const blankCount: Record<string, number> = {};
  for (const c of cells) if (c.value === null) blankCount[c.table] = (blankCount[c.table] ?? 0) + 1;
  const read = new Set(cells.map((c) => c.field));
  const missing = templateRows(template)
    .filter((r) => tables.rowsFound.has(r.table))
    .flatMap((r) => r.fields)
    .filter((f) => !read.has(f.id))
    .map((f) => ({ field: f.id, label: fields.get(f.id)!.label, table: tableOf.get(f.id)! }));

  for (const [slot, text] of Object.entries(prose.prose))
    draft.prose[slot] = stripIllegalXml(text.join('\n'));

  // A field a table holds is read from the table; prose figures fill the fields no table printed.
  const anyTable = tables.rowsFound.size > 0;
  const proseFields = new Set(
    template.fields.filter((f) => !anyTable || !tableOf.has(f.id)).map((f) => f.id),
  );
  const figures = readClaims(template, prose.prose, proseFields).map((f) => {
    const def = fields.get(f.field)!;
    const declared = isComputed(def);
    if (declared) draft.declared[f.field] = f.value;
    else draft.values[f.field] = f.value;
    return { ...f, label: def.label, declared };
  });
  const lists = readLists(template, prose.prose).map((l) => {
    draft.lists[l.list] = l.items.map((i) => ({ label: i.label.slice(0, 100), value: i.value }));
    return { list: l.list, slot: l.slot, items: l.items.length };
  });

  const notPlaced: ImportReport['notPlaced'] = [
    ...prose.unknownHeadings.map((h) => ({
      text: h.text,
      origin: h.origin,
      reason: 'unknownHeading' as const,
      slot: h.slot,
    })),
    ...tables.strays.map((s) => ({
      text: s.row ? `${s.row}: ${s.printed}` : s.printed,
      origin: s.origin,
      reason:
        s.reason === 'noRow'
          ? ('strayNumber' as const)
          : s.reason === 'extraValue'
            ? ('extraNumber' as const)
            : ('unreadableNumber' as const),
    })),
  ];
  for (const p of prose.placements)
    if (p.nearest && !prose.unknownHeadings.some((h) => h.slot === p.slot && p.heading === h.text))
      notPlaced.push({ text: p.heading, origin: p.origins[0]!, reason: 'noSlot', slot: p.slot });

  const distinctYears = new Set(identity.years.map((y) => y.year));
  const report: ImportReport = {
    fileName,
    format,
    ...changes,
    template: template.id,
    variant: draft.variant,
    recognisedBy: {
      tableRows: [...tables.rowsFound.values()].reduce((a, b) => a + b, 0),
      sections: [...prose.sections.keys()],
    },
    year: {
      value: yearValue,
      source: year?.source ?? 'assumed',
      found: identity.years,
      disagree: distinctYears.size > 1,
    },
    unit: { name: unitName, found: identity.units },
    issuedOn: identity.issuedOn,
    cells,
    blankCount,
    missing,
    figures,
    lists,
    slots: prose.placements,
    notPlaced,
    skipped,
  };
  const parsed = draftSchema.safeParse(draft);
  if (!parsed.success)
    return fail('invalid', { name: fileName, detail: parsed.error.issues[0]?.path.join('.') ?? '' });
  return { ok: true, draft: parsed.data, report };
}
