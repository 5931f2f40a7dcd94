import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { draftSchema, FORMAT_VERSION, unitSchema } from '../../shared/report/draft';
import {
  draftJsonSchema,
  MAX_DRAFT_BYTES,
  readDraft,
  readDraftBytes,
  serializeDraft,
  type ReadResult,
} from '../../shared/report/draft-io';
import { allSlots } from '../../shared/report/model';
import type { FieldDef, TemplateDef } from '../../shared/report/template';
import { TEMPLATES } from '../../shared/report/templates';
import draftMessages from '../../shared/locales/zh-CN/draft.json';

/** `UPDATE_SCHEMA=1 npx vitest run test/unit/draft.test.ts` rewrites the generated parts of docs/. */
const UPDATE = process.env.UPDATE_SCHEMA === '1';
const root = fileURLToPath(new URL('../..', import.meta.url));
const SCHEMA_FILE = resolve(root, 'docs/draft.schema.json');
const DOC_FILE = resolve(root, 'docs/draft-format.md');
const EXAMPLES = resolve(root, 'examples');

const exampleText = readFileSync(resolve(EXAMPLES, 'national-2021-township-2025.json'), 'utf8');
/** A fresh, valid national draft as a plain object, to break one thing at a time. */
const example = (): Record<string, unknown> & {
  values: Record<string, unknown>;
  prose: Record<string, unknown>;
} => JSON.parse(exampleText);

/** The example as format 2 wrote it: without the properties version 3 brought in. */
function v2Example(): ReturnType<typeof example> {
  const { listDecimals: _d, sections: _s, carried: _c, blanks: _b, previous: _p, ...rest } = example();
  const { revision: _r, ...meta } = rest.meta as Record<string, unknown>;
  return { ...rest, formatVersion: 2, meta, previous: null };
}

function refused(result: ReadResult) {
  if (result.ok) throw new Error('the draft was accepted');
  return result.error;
}

async function formatted(file: string, text: string): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

describe('readDraft', () => {
  it.each(readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')))('reads the example %s', (file) => {
    const result = readDraft(readFileSync(resolve(EXAMPLES, file), 'utf8'));
    expect(result.ok).toBe(true);
  });

  it('refuses truncated JSON, saying it is not valid JSON', () => {
    expect(refused(readDraft(exampleText.slice(0, Math.floor(exampleText.length / 2)))).key).toBe(
      'draft.error.json',
    );
  });

  it('refuses random bytes', () => {
    let seed = 20250120;
    const bytes = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >>> 16;
    });
    expect(refused(readDraft(Buffer.from(bytes).toString('latin1'))).key).toBe('draft.error.json');
  });

  it('refuses an empty file and one of white space', () => {
    expect(refused(readDraft('')).key).toBe('draft.error.empty');
    expect(refused(readDraft(' \n\t ')).key).toBe('draft.error.empty');
  });

  it('refuses a JSON array', () => {
    expect(refused(readDraft(JSON.stringify([example()]))).key).toBe('draft.error.notObject');
  });

  it('migrates a version 1 draft: sections → prose, numbers → values, the Chinese date → issuedOn', () => {
    const { prose, values, issuedOn: _issuedOn, ...rest } = v2Example();
    const v1 = {
      ...rest,
      formatVersion: 1,
      year: 2024,
      sections: prose,
      numbers: values,
      date: '2025年1月20日',
    };
    const result = readDraft(JSON.stringify(v1));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.migratedFrom).toBe(1);
    expect(result.draft.formatVersion).toBe(FORMAT_VERSION);
    expect(result.draft.prose).toEqual(prose);
    expect(result.draft.values).toEqual(values);
    expect(result.draft.issuedOn).toBe('2025-01-20');
  });

  it('refuses a draft from a newer version of the app, naming both versions', () => {
    const error = refused(readDraft(JSON.stringify({ ...example(), formatVersion: 99 })));
    expect(error).toEqual({ key: 'draft.error.newer', params: { version: 99, supported: FORMAT_VERSION } });
  });

  it('refuses a field id the template does not have, naming it', () => {
    const draft = example();
    draft.values['t3.bogus.natural'] = 1;
    expect(refused(readDraft(JSON.stringify(draft)))).toEqual({
      key: 'draft.error.unknownField',
      params: { field: 'values.t3.bogus.natural' },
    });
  });

  it('refuses a malformed id, naming it', () => {
    const draft = example();
    draft.values['Bad-Key'] = 1;
    const error = refused(readDraft(JSON.stringify(draft)));
    expect(error.key).toBe('draft.error.format');
    expect(error.params.field).toBe('values.Bad-Key');
  });

  it('refuses a computed total among the entered values', () => {
    const draft = example();
    draft.values['t3.total.natural'] = 5;
    expect(refused(readDraft(JSON.stringify(draft)))).toEqual({
      key: 'draft.error.computedField',
      params: { field: 'values.t3.total.natural' },
    });
  });

  it('refuses a fraction in a count', () => {
    const draft = example();
    draft.values['t3.new.natural'] = 1.5;
    expect(refused(readDraft(JSON.stringify(draft)))).toEqual({
      key: 'draft.error.notCount',
      params: { field: 'values.t3.new.natural', value: 1.5 },
    });
  });

  it('refuses a negative number', () => {
    const draft = example();
    draft.values['t3.new.natural'] = -3;
    const error = refused(readDraft(JSON.stringify(draft)));
    expect(error.key).toBe('draft.error.tooSmall');
    expect(error.params.field).toBe('values.t3.new.natural');
  });

  it.each([
    ['the top level', (t: string) => t.replace('{', '{"__proto__":{"polluted":true},'), '__proto__'],
    [
      'values',
      (t: string) => t.replace('"values": {', '"values": {"__proto__":{"polluted":true},'),
      'values.__proto__',
    ],
    [
      'unit',
      (t: string) => t.replace('"unit": {', '"unit": {"__proto__":{"polluted":true},'),
      'unit.__proto__',
    ],
    ['lists', (t: string) => t.replace('"lists": {', '"lists": {"__proto__":[],'), 'lists.__proto__'],
  ])('refuses a __proto__ key in %s without polluting any prototype', (_where, inject, field) => {
    const text = inject(exampleText);
    expect(text).not.toBe(exampleText);
    const error = refused(readDraft(text));
    expect(error.key).toBe('draft.error.field');
    expect(error.params.field).toBe(field);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a __proto__ key nested 100 000 levels deep without overflowing the stack', () => {
    const depth = 100_000;
    const text = exampleText.replace(
      '{',
      `{"x":${'[{"a":'.repeat(depth)}{"__proto__":1}${'}]'.repeat(depth)},`,
    );
    const error = refused(readDraft(text));
    expect(error.key).toBe('draft.error.field');
    expect(error.params.field).toBe('….a.0.a.0.a.0.a.__proto__');
  });

  it('refuses a 10 MB file before parsing it', () => {
    const draft = example();
    draft.prose['s1.intro'] = '政'.repeat(10 * 1024 * 1024);
    expect(refused(readDraft(JSON.stringify(draft)))).toEqual({
      key: 'draft.error.tooLarge',
      params: { max: MAX_DRAFT_BYTES },
    });
  });

  it('strips control characters and lone surrogates from prose and keeps 𠮷', () => {
    const draft = example();
    draft.prose['s1.intro'] = '第一段\u0001落\uD800实\n𠮷姓村民';
    const result = readDraft(JSON.stringify(draft));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.draft.prose['s1.intro']).toBe('第一段落实\n𠮷姓村民');
  });
});

describe('readDraft: migrations never drop content (#7.9)', () => {
  it('refuses a v2 draft labelled formatVersion 1, naming the property the v1 migration would overwrite', () => {
    const error = refused(readDraft(JSON.stringify({ ...v2Example(), formatVersion: 1 })));
    expect(error).toEqual({
      key: 'draft.error.laterProperty',
      params: { field: 'prose', version: 1, since: 2 },
    });
  });

  it('refuses a v3 draft labelled formatVersion 2, naming its v3 property', () => {
    const error = refused(readDraft(JSON.stringify({ ...example(), formatVersion: 2 })));
    expect(error.key).toBe('draft.error.laterProperty');
    expect(error.params).toMatchObject({ version: 2, since: 3 });
    const draft = { ...v2Example(), meta: { createdAt: '', updatedAt: '', app: '', revision: 4 } };
    expect(refused(readDraft(JSON.stringify(draft))).params.field).toBe('meta.revision');
  });

  it('reads a true v2 draft, keeping every value and paragraph', () => {
    const v2 = v2Example();
    const result = readDraft(JSON.stringify(v2));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.migratedFrom).toBe(2);
    expect(result.draft.values).toEqual(v2.values);
    expect(result.draft.prose).toEqual(v2.prose);
  });

  it.each(['2026年2月30日', '明年一月', '2026-13-45'])(
    'refuses a v1 date %s rather than emptying it',
    (date) => {
      const { prose, values, issuedOn: _i, ...rest } = v2Example();
      const v1 = { ...rest, formatVersion: 1, sections: prose, numbers: values, date };
      expect(refused(readDraft(JSON.stringify(v1)))).toEqual({
        key: 'draft.error.format',
        params: { field: 'date' },
      });
    },
  );
});

describe('readDraft: dates that are not in the calendar (#7.10)', () => {
  it.each(['2026-02-30', '2026-13-45', '2025-02-29', '2026-04-31', '2026-00-10'])(
    'refuses issuedOn %s',
    (date) => {
      expect(refused(readDraft(JSON.stringify({ ...example(), issuedOn: date })))).toEqual({
        key: 'draft.error.format',
        params: { field: 'issuedOn' },
      });
    },
  );

  it('reads 29 February of a leap year', () => {
    const result = readDraft(JSON.stringify({ ...example(), issuedOn: '2028-02-29' }));
    expect(result.ok && result.draft.issuedOn).toBe('2028-02-29');
  });
});

describe('readDraft: every number and key, wherever it appears (#7.11)', () => {
  type Json = Record<string, unknown>;
  const liaobu = (): Json => JSON.parse(readFileSync(resolve(EXAMPLES, 'liaobu-2012.json'), 'utf8')) as Json;
  const national = (): Json => example();
  /** Sets one value deep in a parsed draft; the path's keys may contain dots (list ids do). */
  const put = (draft: Json, path: (string | number)[], value: unknown) => {
    let at = draft as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path.at(-1)!] = value;
  };
  it.each([
    [
      'a 0.5 in a count list',
      liaobu,
      ['lists', 'active.categories', 1, 'value'],
      0.5,
      'draft.error.notCount',
      { field: 'lists.active.categories.1.value', value: 0.5 },
    ],
    [
      'a fraction in a declared count',
      national,
      ['declared', 't3.total.total'],
      2.5,
      'draft.error.notCount',
      { field: 'declared.t3.total.total', value: 2.5 },
    ],
    [
      'a fraction in last year’s counts',
      national,
      ['previous'],
      { year: 2024, values: { 't3.carryOut.total': 1.5 } },
      'draft.error.notCount',
      { field: 'previous.values.t3.carryOut.total', value: 1.5 },
    ],
    [
      'last year of -5',
      national,
      ['previous'],
      { year: -5, values: {} },
      'draft.error.tooSmall',
      { field: 'previous.year', minimum: 2007 },
    ],
    [
      'last year of 99999',
      national,
      ['previous'],
      { year: 99999, values: {} },
      'draft.error.tooBig',
      { field: 'previous.year', maximum: 2099 },
    ],
    [
      'last year not before this year',
      national,
      ['previous'],
      { year: 2025, values: {} },
      'draft.error.previousYear',
      { previous: 2025, year: 2025 },
    ],
    [
      'an unknown key in a list item',
      liaobu,
      ['lists', 'active.categories', 0, 'share'],
      '2%',
      'draft.error.unrecognized',
      { field: 'lists.active.categories.0.share' },
    ],
    [
      'an unknown key in previous',
      national,
      ['previous'],
      { year: 2024, values: {}, note: 'x' },
      'draft.error.unrecognized',
      { field: 'previous.note' },
    ],
    [
      'an unknown key in meta',
      national,
      ['meta', 'editor'],
      'WPS',
      'draft.error.unrecognized',
      { field: 'meta.editor' },
    ],
    [
      'an unknown key in unit',
      national,
      ['unit', 'leader'],
      '张三',
      'draft.error.unrecognized',
      { field: 'unit.leader' },
    ],
    [
      'an unknown key in a section override',
      liaobu,
      ['sections'],
      { basic: { title: '概述', bold: true } },
      'draft.error.unrecognized',
      { field: 'sections.basic.bold' },
    ],
    [
      'last year’s prose of a slot the template lacks',
      national,
      ['previous'],
      { year: 2024, values: {}, prose: { 'basic.overview': '…' } },
      'draft.error.unknownField',
      { field: 'previous.prose.basic.overview' },
    ],
    [
      'generated text of a slot the template lacks',
      national,
      ['generated', 'basic.overview'],
      '…',
      'draft.error.unknownField',
      { field: 'generated.basic.overview' },
    ],
  ] as const)('refuses %s, naming it', (_what, base, path, value, key, params) => {
    const draft = base();
    put(draft, [...path], value);
    expect(refused(readDraft(JSON.stringify(draft)))).toEqual({ key, params });
  });
});

/**
 * The text as GB18030 bytes. Node can decode GB18030 but not encode it, so the two-byte codes are
 * found by decoding every one of them once (every character of the examples is in GBK).
 */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const codes = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !codes.has(ch)) codes.set(ch, [lead, trail]);
    }
  return Buffer.from(
    [...text].flatMap((ch) => {
      if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
      const code = codes.get(ch);
      if (!code) throw new Error(`no GBK code for ${ch}`);
      return code;
    }),
  );
}

describe('readDraftBytes: files saved by other tools (#7.18)', () => {
  const utf16le = Buffer.from(exampleText, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  it.each([
    [
      'UTF-8 with a byte-order mark',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(exampleText)]),
    ],
    ['UTF-16 LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le])],
    ['UTF-16 BE with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be])],
    ['UTF-16 LE without a byte-order mark', utf16le],
    ['UTF-16 BE without a byte-order mark', utf16be],
    ['GB18030 (saved as ANSI on a Chinese Windows)', gb18030(exampleText)],
  ])('reads %s with its Chinese text intact', (_what, bytes) => {
    const result = readDraftBytes(new Uint8Array(bytes));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(serializeDraft(result.draft)).toBe(exampleText);
  });

  it('names UTF-32 instead of parsing it', () => {
    const utf32 = new Uint8Array(4 * exampleText.length + 4);
    utf32.set([0xff, 0xfe, 0, 0]);
    [...exampleText].forEach((ch, i) =>
      new DataView(utf32.buffer).setUint32(4 + 4 * i, ch.codePointAt(0)!, true),
    );
    expect(refused(readDraftBytes(utf32))).toEqual({
      key: 'draft.error.encoding',
      params: { encoding: 'UTF-32' },
    });
  });

  it('names UTF-16 when a caller decoded it as UTF-8', () => {
    const garbled = Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]).toString('utf8');
    expect(refused(readDraft(garbled))).toEqual({
      key: 'draft.error.encoding',
      params: { encoding: 'UTF-16' },
    });
  });
});

// ── The published description of the format ─────────────────────────────────
const CELL = (s: string) => s.replaceAll('|', '\\|');
const kindOf = (f: FieldDef): string => {
  if (f.listSum) return `sum of list \`${f.listSum}\` (${f.rule ?? 'L-list'}), computed`;
  if (f.sum) return `total (${f.rule ?? 'sum'}), computed`;
  if (f.kind === 'money') return `money, ≤ ${f.decimals ?? 2} decimals`;
  return 'count';
};

/** The generated reference of one template: its slots, lists and fields, as markdown tables. */
function templateReference(t: TemplateDef): string {
  const where = new Map<string, string>();
  if (t.preface) where.set(t.preface.id, '前言');
  for (const s of t.sections)
    for (const b of s.blocks)
      if (b.kind === 'prose') where.set(b.slot.id, `${s.title}${b.slot.heading ?? ''}`);
  return [
    '| slot id | 位置 |',
    '| --- | --- |',
    ...allSlots(t).map((s) => `| \`${s.id}\` | ${CELL(where.get(s.id) ?? '')} |`),
    '',
    '| list id | 名称 | 单位 | share decimals |',
    '| --- | --- | --- | --- |',
    ...t.lists.map((l) => `| \`${l.id}\` | ${CELL(l.label)} | ${l.unit} | ${l.decimals} |`),
    '',
    '| field id | 标签 | 单位 | kind |',
    '| --- | --- | --- | --- |',
    ...t.fields.map((f) => `| \`${f.id}\` | ${CELL(f.label)} | ${f.unit ?? ''} | ${kindOf(f)} |`),
  ].join('\n');
}

const START = (id: string) => `<!-- generated:${id} -->`;
const END = (id: string) => `<!-- /generated:${id} -->`;

/** Table rows as trimmed cells, so the comparison ignores how prettier pads the columns. */
const rows = (markdown: string) =>
  markdown
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|[\s|:-]+\|$/.test(l))
    .map((l) =>
      l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );

/** Where a generated block's content starts and ends in the document. */
function blockAt(doc: string, id: string): [number, number] {
  const start = doc.indexOf(START(id));
  const end = doc.indexOf(END(id));
  if (start < 0 || end < start) throw new Error(`docs/draft-format.md has no generated block ${id}`);
  return [start + START(id).length, end];
}
const block = (doc: string, id: string) => doc.slice(...blockAt(doc, id));

describe('docs/draft.schema.json', () => {
  it('is the JSON Schema of the current draft format', async () => {
    const expected = await formatted(SCHEMA_FILE, JSON.stringify(draftJsonSchema()));
    if (UPDATE) writeFileSync(SCHEMA_FILE, expected);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(expected);
  });
});

describe('docs/draft-format.md', () => {
  it('lists the slot, list and field ids of every template as the templates define them', async () => {
    let doc = readFileSync(DOC_FILE, 'utf8');
    if (UPDATE) {
      for (const t of TEMPLATES) {
        const [start, end] = blockAt(doc, t.id);
        doc = `${doc.slice(0, start)}\n\n${templateReference(t)}\n\n${doc.slice(end)}`;
      }
      doc = await formatted(DOC_FILE, doc);
      writeFileSync(DOC_FILE, doc);
    }
    for (const t of TEMPLATES) expect(rows(block(doc, t.id)), t.id).toEqual(rows(templateReference(t)));
  });

  it('documents every property of the draft and of its unit', () => {
    const doc = readFileSync(DOC_FILE, 'utf8');
    for (const key of Object.keys(draftSchema.shape)) expect(doc, key).toContain(`\`${key}\``);
    for (const key of Object.keys(unitSchema.shape)) expect(doc, key).toContain(`\`unit.${key}\``);
  });

  it('documents every reason a draft can be refused', () => {
    const doc = readFileSync(DOC_FILE, 'utf8');
    for (const key of Object.keys(draftMessages.error)) expect(doc, key).toContain(`draft.error.${key}`);
  });

  it('shows a minimal example that the app reads', () => {
    const doc = readFileSync(DOC_FILE, 'utf8');
    const json = /<!-- minimal-example -->\s*```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(json).toBeDefined();
    const result = readDraft(json!);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.draft.template).toBe('national-2021');
  });
});
