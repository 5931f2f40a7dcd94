import { z } from 'zod';
import { decodeDraftBytes } from './draft-bytes';
import { parseChineseDate } from './dates';
import { draftSchema, FORMAT_VERSION, type Draft, type DraftInput } from './draft';
import { allSlots, fieldMap, isComputed } from './model';
import type { FieldDef, TemplateDef, UnitKind } from './template';
import { findTemplate } from './templates';
import { stripIllegalXml } from './text';

/** Why a draft could not be read: an i18n key with parameters, naming the field where there is one. */
export interface DraftError {
  key: string;
  params: Record<string, string | number>;
}

export type ReadResult =
  { ok: true; draft: Draft; template: TemplateDef; migratedFrom?: number } | { ok: false; error: DraftError };

/** Drafts larger than this are refused before parsing: no real report comes near it. */
export const MAX_DRAFT_BYTES = 8 * 1024 * 1024;

const fail = (key: string, params: Record<string, string | number> = {}): ReadResult => ({
  ok: false,
  error: { key, params },
});

/** What a migration step gives: the draft one version up, or why it cannot be moved without losing something. */
type Migrated = { ok: true; draft: Record<string, unknown> } | { ok: false; error: DraftError };

/**
 * Migrations, one per old version, each turning version n into n + 1. Version 1 was the preview
 * format: prose under `sections`, numbers under `numbers`, and the 成文日期 as `date`. A migration
 * never drops content: what it cannot carry over, it refuses, naming the property.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Migrated> = {
  1: (old) => {
    const { sections, numbers, date, ...rest } = old;
    let issuedOn = '';
    if (date !== undefined && date !== '') {
      const parsed = typeof date === 'string' ? parseChineseDate(date) : null;
      if (!parsed?.ok) return { ok: false, error: { key: 'draft.error.format', params: { field: 'date' } } };
      issuedOn = parsed.iso;
    }
    return {
      ok: true,
      draft: { ...rest, formatVersion: 2, prose: sections ?? {}, values: numbers ?? {}, issuedOn },
    };
  },
  // v3 only adds properties (listDecimals, sections, carried, blanks, titleOrder, previous.prose,
  // meta.revision) whose defaults say "as the template has it", so a v2 draft means the same
  // thing as v3 without any change.
  2: (old) => ({ ok: true, draft: { ...old, formatVersion: 3 } }),
};

/**
 * The properties each version brought in, as paths. A file labelled with an older version that
 * carries one of them was written by a newer app (or relabelled by hand): migrating it would
 * overwrite or misread that property — a v2 draft labelled 1 had its prose, numbers and 成文日期
 * emptied by the v1 migration and was accepted — so it is refused instead.
 */
const INTRODUCED: Record<number, string[]> = {
  2: ['prose', 'values', 'issuedOn'],
  3: ['listDecimals', 'sections', 'carried', 'blanks', 'titleOrder', 'previous.prose', 'meta.revision'],
};

/** A version's own names that a later version reuses for something else (v1's `sections` held prose). */
const OWN: Record<number, string[]> = { 1: ['sections', 'numbers', 'date'] };

function laterProperty(
  raw: Record<string, unknown>,
  version: number,
): { field: string; since: number } | null {
  for (let v = version + 1; v <= FORMAT_VERSION; v++)
    for (const path of INTRODUCED[v] ?? []) {
      if (OWN[version]?.includes(path)) continue;
      const [head, tail] = path.split('.') as [string, string | undefined];
      const outer = raw[head];
      const present = tail === undefined ? outer !== undefined : isRecord(outer) && outer[tail] !== undefined;
      if (present) return { field: path, since: v };
    }
  return null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * JSON.parse keeps a `__proto__` key as an own property, and zod drops it without a word. No app
 * writes one: a file that carries one was made to attack whatever copies it, so it is refused.
 * The walk keeps its own stack, so a file nested a million levels deep cannot overflow the call stack.
 */
function protoKeyPath(root: unknown): string | null {
  interface Node {
    value: unknown;
    key: string;
    parent: Node | null;
  }
  const stack: Node[] = [];
  const pushChildren = (value: unknown, parent: Node | null) => {
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) stack.push({ value: inner, key, parent });
  };
  pushChildren(root, null);
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.key === '__proto__') {
      const path: string[] = [];
      let n: Node | null = node;
      for (; n && path.length < 8; n = n.parent) path.unshift(n.key);
      // A path deeper than a real draft's (lists.active.categories.0.label) is an attack's: name its end.
      return n ? `….${path.join('.')}` : path.join('.');
    }
    pushChildren(node.value, node);
  }
  return null;
}

/**
 * UTF-16 bytes taken for UTF-8 (a caller that decoded the file itself, such as a browser's
 * File.text()): every ASCII character of the JSON then comes with a NUL, which JSON text never
 * holds; even a file of Chinese prose has more than one in sixteen. Random bytes have one in 256.
 */
function looksLikeUtf16(text: string): boolean {
  const head = text.slice(0, 4096);
  let nuls = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 0) nuls++;
  return nuls * 16 > head.length;
}

/** Reads a draft from JSON text or a parsed value: validates it, migrates it, and checks it fits its template. */
export function readDraft(input: string | unknown): ReadResult {
  let raw: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_DRAFT_BYTES) return fail('draft.error.tooLarge', { max: MAX_DRAFT_BYTES });
    if (input.trim() === '') return fail('draft.error.empty');
    if (looksLikeUtf16(input)) return fail('draft.error.encoding', { encoding: 'UTF-16' });
    try {
      raw = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      return fail('draft.error.json', { detail: e instanceof Error ? e.message : String(e) });
    }
  }
  if (!isRecord(raw)) return fail('draft.error.notObject');
  const proto = protoKeyPath(raw);
  if (proto) return fail('draft.error.field', { field: proto, detail: '__proto__' });

  const version = raw.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('draft.error.field', { field: 'formatVersion', detail: String(version) });
  if (version > FORMAT_VERSION) return fail('draft.error.newer', { version, supported: FORMAT_VERSION });
  const later = laterProperty(raw, version);
  if (later) return fail('draft.error.laterProperty', { field: later.field, version, since: later.since });
  let current = raw;
  for (let v = version; v < FORMAT_VERSION; v++) {
    const step = MIGRATIONS[v]!(current);
    if (!step.ok) return { ok: false, error: step.error };
    current = step.draft;
  }

  const parsed = draftSchema.safeParse(current);
  if (!parsed.success) {
    return { ok: false, error: schemaError(parsed.error.issues[0]!) };
  }
  const draft = parsed.data;
  const template = findTemplate(draft.template);
  if (!template) return fail('draft.error.template', { template: draft.template });
  if (!template.variants.some((v) => v.id === draft.variant))
    return fail('draft.error.field', { field: 'variant', detail: draft.variant });

  const misfit = fitsTemplate(template, draft);
  if (misfit) return { ok: false, error: misfit };
  return {
    ok: true,
    draft: cleanText(draft),
    template,
    ...(version < FORMAT_VERSION ? { migratedFrom: version } : {}),
  };
}

/**
 * Reads a draft file's bytes, whatever encoding the tool that saved it used (UTF-8 with or without
 * a byte-order mark, UTF-16 either way round, GB18030); every reader of files goes through here.
 */
export function readDraftBytes(bytes: Uint8Array): ReadResult {
  // No encoding takes more than four bytes a character: a file this large is too long in any of them.
  if (bytes.length > 4 * MAX_DRAFT_BYTES) return fail('draft.error.tooLarge', { max: MAX_DRAFT_BYTES });
  const decoded = decodeDraftBytes(bytes);
  if (!decoded.ok) return fail('draft.error.encoding', { encoding: decoded.encoding });
  return readDraft(decoded.text);
}

/** zod's own messages are English sentences; the clerk gets a translated key that names the property. */
export function schemaError(issue: z.core.$ZodIssue): DraftError {
  const path = issue.path.map(String);
  const field = path.join('.') || '(root)';
  switch (issue.code) {
    case 'invalid_type':
      return { key: 'draft.error.type', params: { field } };
    case 'too_big':
      return { key: 'draft.error.tooBig', params: { field, maximum: Number(issue.maximum) } };
    case 'too_small':
      return { key: 'draft.error.tooSmall', params: { field, minimum: Number(issue.minimum) } };
    // `custom`: the format's one refinement, the calendar check of `issuedOn`.
    case 'invalid_format':
    case 'invalid_key':
    case 'custom':
      return { key: 'draft.error.format', params: { field } };
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'draft.error.value', params: { field } };
    case 'unrecognized_keys':
      return { key: 'draft.error.unrecognized', params: { field: [...path, issue.keys[0] ?? ''].join('.') } };
    default:
      return { key: 'draft.error.field', params: { field, detail: issue.code } };
  }
}

/** A number against its field's kind: a count is an integer (R5), money has at most its field's decimals. */
function numberError(field: FieldDef, value: number, at: string): DraftError | null {
  if (field.kind === 'count' && !Number.isInteger(value))
    return { key: 'draft.error.notCount', params: { field: at, value } };
  if (field.kind === 'money' && Number(value.toFixed(field.decimals ?? 2)) !== value)
    return { key: 'draft.error.decimals', params: { field: at, decimals: field.decimals ?? 2 } };
  return null;
}

/**
 * Every key must name something of the template, and every number must be of its field's kind,
 * wherever it appears: entered values, declared totals, list items and last year's figures.
 */
function fitsTemplate(template: TemplateDef, draft: Draft): DraftError | null {
  const fields = fieldMap(template);
  const unknown = (field: string): DraftError => ({ key: 'draft.error.unknownField', params: { field } });
  for (const [id, value] of Object.entries(draft.values)) {
    const f = fields.get(id);
    if (!f) return unknown(`values.${id}`);
    if (isComputed(f)) return { key: 'draft.error.computedField', params: { field: `values.${id}` } };
    const wrong = numberError(f, value, `values.${id}`);
    if (wrong) return wrong;
  }
  for (const id of draft.blanks) {
    const f = fields.get(id);
    if (!f || isComputed(f)) return unknown(`blanks.${id}`);
  }
  for (const [id, value] of Object.entries(draft.declared)) {
    const f = fields.get(id);
    if (!f || !isComputed(f)) return unknown(`declared.${id}`);
    const wrong = value === null ? null : numberError(f, value, `declared.${id}`);
    if (wrong) return wrong;
  }
  const slots = new Set(allSlots(template).map((s) => s.id));
  for (const [name, map] of [
    ['prose', draft.prose],
    ['generated', draft.generated],
    ['carried', draft.carried],
    ['previous.prose', draft.previous?.prose ?? {}],
  ] as const)
    for (const id of Object.keys(map)) if (!slots.has(id)) return unknown(`${name}.${id}`);
  const lists = new Map(template.lists.map((l) => [l.id, l]));
  for (const [id, items] of Object.entries(draft.lists)) {
    if (!lists.has(id)) return unknown(`lists.${id}`);
    // A list's items are of its total's kind; a list without a total field holds counts.
    const total = template.fields.find((f) => f.listSum === id) ?? { kind: 'count' as const };
    for (const [i, item] of items.entries()) {
      const wrong = numberError({ ...total, id, label: '' }, item.value, `lists.${id}.${i}.value`);
      if (wrong) return wrong;
    }
  }
  for (const id of Object.keys(draft.listDecimals)) if (!lists.has(id)) return unknown(`listDecimals.${id}`);
  const sections = new Set(template.sections.map((s) => s.id));
  for (const id of Object.keys(draft.sections)) if (!sections.has(id)) return unknown(`sections.${id}`);
  if (draft.previous) {
    if (draft.previous.year >= draft.year)
      return { key: 'draft.error.previousYear', params: { previous: draft.previous.year, year: draft.year } };
    for (const [id, value] of Object.entries(draft.previous.values)) {
      const f = fields.get(id);
      if (!f) return unknown(`previous.values.${id}`);
      const wrong = numberError(f, value, `previous.values.${id}`);
      if (wrong) return wrong;
    }
  }
  return null;
}

function cleanText(draft: Draft): Draft {
  const prose = Object.fromEntries(Object.entries(draft.prose).map(([k, v]) => [k, stripIllegalXml(v)]));
  const unit = Object.fromEntries(
    Object.entries(draft.unit).map(([k, v]) => [k, typeof v === 'string' ? stripIllegalXml(v) : v]),
  ) as Draft['unit'];
  const lists = Object.fromEntries(
    Object.entries(draft.lists).map(([k, items]) => [
      k,
      items.map((i) => ({ ...i, label: stripIllegalXml(i.label) })),
    ]),
  );
  return { ...draft, prose, unit, lists };
}

/** The draft as it is written to disk: stable key order, two-space indent, a final newline. */
export function serializeDraft(draft: Draft): string {
  return `${JSON.stringify(draft, null, 2)}\n`;
}

export interface NewDraftOptions {
  template: TemplateDef;
  year: number;
  unit: { name: string; kind?: UnitKind } & Partial<Draft['unit']>;
  variant?: string;
  now?: Date;
  id?: string;
}

/** An empty draft of a template, with the template's suggested categories filled in as empty rows. */
export function newDraft(opts: NewDraftOptions): Draft {
  const now = (opts.now ?? new Date()).toISOString();
  const input: DraftInput = {
    formatVersion: FORMAT_VERSION,
    id: opts.id ?? newId(),
    template: opts.template.id,
    variant: opts.variant ?? opts.template.variants[0]!.id,
    year: opts.year,
    unit: { kind: 'township', ...opts.unit },
    lists: Object.fromEntries(
      opts.template.lists.map((l) => [l.id, l.suggestions.map((label) => ({ label, value: 0 }))]),
    ),
    meta: { createdAt: now, updatedAt: now, app: '' },
  };
  return draftSchema.parse(input);
}

export function newId(): string {
  return globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 20);
}

/** The JSON Schema of the current draft format, published as docs/draft.schema.json. */
export function draftJsonSchema(): unknown {
  return z.toJSONSchema(draftSchema, { io: 'input' });
}
