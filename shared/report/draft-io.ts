import { z } from 'zod';
import { draftSchema, FORMAT_VERSION, type Draft, type DraftInput } from './draft';
import { allSlots, fieldMap, isComputed } from './model';
import type { TemplateDef, UnitKind } from './template';
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

/**
 * Migrations, one per old version, each turning version n into n + 1. Version 1 was the preview
 * format: prose under `sections`, numbers under `numbers`, and the 成文日期 as `date`.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  1: (old) => {
    const { sections, numbers, date, ...rest } = old;
    const iso = typeof date === 'string' ? toIsoDate(date) : '';
    return { ...rest, formatVersion: 2, prose: sections ?? {}, values: numbers ?? {}, issuedOn: iso };
  },
  // v3 only adds properties (listDecimals, sections, carried, meta.revision) whose defaults say
  // "as the template has it", so a v2 draft means the same thing as v3 without any change.
  2: (old) => ({ ...old, formatVersion: 3 }),
};

function toIsoDate(text: string): string {
  const m = /^(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})日?$/.exec(text.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : '';
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

/** Reads a draft from JSON text or a parsed value: validates it, migrates it, and checks it fits its template. */
export function readDraft(input: string | unknown): ReadResult {
  let raw: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_DRAFT_BYTES) return fail('draft.error.tooLarge', { max: MAX_DRAFT_BYTES });
    if (input.trim() === '') return fail('draft.error.empty');
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
  let current = raw;
  for (let v = version; v < FORMAT_VERSION; v++) current = MIGRATIONS[v]!(current);

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
    case 'invalid_format':
    case 'invalid_key':
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

/** Every key must name something of the template, and every number must be of its field's kind. */
function fitsTemplate(template: TemplateDef, draft: Draft): DraftError | null {
  const fields = fieldMap(template);
  for (const [id, value] of Object.entries(draft.values)) {
    const f = fields.get(id);
    if (!f) return { key: 'draft.error.unknownField', params: { field: `values.${id}` } };
    if (isComputed(f)) return { key: 'draft.error.computedField', params: { field: `values.${id}` } };
    if (f.kind === 'count' && !Number.isInteger(value))
      return { key: 'draft.error.notCount', params: { field: `values.${id}`, value } };
    if (f.kind === 'money' && Number(value.toFixed(f.decimals ?? 2)) !== value)
      return { key: 'draft.error.decimals', params: { field: `values.${id}`, decimals: f.decimals ?? 2 } };
  }
  for (const id of Object.keys(draft.declared)) {
    const f = fields.get(id);
    if (!f || !isComputed(f)) return { key: 'draft.error.unknownField', params: { field: `declared.${id}` } };
  }
  const slots = new Set(allSlots(template).map((s) => s.id));
  for (const id of [...Object.keys(draft.prose), ...Object.keys(draft.generated)])
    if (!slots.has(id)) return { key: 'draft.error.unknownField', params: { field: `prose.${id}` } };
  const lists = new Set(template.lists.map((l) => l.id));
  for (const id of Object.keys(draft.lists))
    if (!lists.has(id)) return { key: 'draft.error.unknownField', params: { field: `lists.${id}` } };
  for (const id of Object.keys(draft.listDecimals))
    if (!lists.has(id)) return { key: 'draft.error.unknownField', params: { field: `listDecimals.${id}` } };
  const sections = new Set(template.sections.map((s) => s.id));
  for (const id of Object.keys(draft.sections))
    if (!sections.has(id)) return { key: 'draft.error.unknownField', params: { field: `sections.${id}` } };
  for (const id of Object.keys(draft.carried))
    if (!slots.has(id)) return { key: 'draft.error.unknownField', params: { field: `carried.${id}` } };
  for (const id of Object.keys(draft.previous?.values ?? {}))
    if (!fields.has(id))
      return { key: 'draft.error.unknownField', params: { field: `previous.values.${id}` } };
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
