import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/report/draft';
import { readDraftBytes } from '../../shared/report/draft-io';
import { fieldMap } from '../../shared/report/model';
import type { TemplateDef } from '../../shared/report/template';
import { findTemplate } from '../../shared/report/templates';
import { stripIllegalXml } from '../../shared/report/text';

/**
 * The reader against thousands of files a clerk, another tool or an attacker could hand it: the
 * examples with their types, numbers, keys, dates, versions and encodings broken at random. Two
 * promises are checked on every draft the reader accepts:
 * - it obeys the format's rules: no negative or fractional count anywhere, a 成文日期 that is a day
 *   of the calendar, last year before this year;
 * - it holds everything its source held: every value of the source is in the draft, unchanged
 *   (prose cleaned of characters XML forbids), under its new name where a migration renamed it.
 * The seed is fixed, so a failure names a case that can be replayed.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLES = resolve(root, 'examples');
const sources = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => readFileSync(resolve(EXAMPLES, f), 'utf8'));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

/** Every place in a JSON value, as a path of keys: objects, arrays and leaves. */
function places(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => places(v, [...path, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) places(v, [...path, k], out);
  return out;
}

function at(value: Json, path: (string | number)[]): Json | undefined {
  let v: Json | undefined = value;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Obj)[key as string] : undefined;
  return v;
}

function set(value: Json, path: (string | number)[], to: Json): void {
  const parent = at(value, path.slice(0, -1));
  if (parent !== null && typeof parent === 'object') (parent as Obj)[path.at(-1) as string] = to;
}

/** The leaves of a JSON value by dotted path. */
function leaves(value: Json, path = '', out = new Map<string, Json>()): Map<string, Json> {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, path ? `${path}.${i}` : String(i), out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  else out.set(path, value);
  return out;
}

const V3_ONLY = ['listDecimals', 'sections', 'carried', 'blanks', 'titleOrder'];

/** The draft as an older version wrote it; v1 kept prose under `sections`, numbers under `numbers`, the date as text. */
function older(draft: Obj, version: 1 | 2, r: Random): Obj {
  const old: Obj = { ...draft, formatVersion: version };
  for (const key of V3_ONLY) delete old[key];
  const { revision: _r, ...meta } = draft.meta as Obj;
  old.meta = meta;
  if (old.previous && typeof old.previous === 'object') {
    const { prose: _p, ...previous } = old.previous as Obj;
    old.previous = previous;
  }
  if (version === 2) return old;
  const { prose, values, issuedOn, ...rest } = old;
  const iso = typeof issuedOn === 'string' ? issuedOn : '';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date =
    iso === ''
      ? ''
      : r.pick([`${y}年${m}月${d}日`, `${y}.${m}.${d}`, iso, `${y}年${m}月${d + r.int(3) * 15}日`]);
  return { ...rest, formatVersion: 1, sections: prose!, numbers: values!, date };
}

const NUMBERS = [-1, -0.5, 0, 0.5, 1.5, 2.25, 7, 1e-7, 1e13, 123456789.12345, 2012, 2099, 99999, -5];
const THINGS: Json[] = ['x', '', 1, -1, 0.5, true, null, [], {}, '2026-02-30', { title: '概述' }];
const KEYS = [
  'bogus',
  'share',
  'note',
  'prose',
  'title',
  'omit',
  'revision',
  'year',
  'values',
  'x.y',
  'Bad-Key',
];

function mutate(draft: Obj, r: Random): Obj {
  const all = places(draft);
  switch (r.int(9)) {
    case 0: {
      // a type: anything put anywhere
      const path = r.pick(all.filter((p) => p.length > 0));
      set(draft, path, structuredClone(r.pick(THINGS)));
      return draft;
    }
    case 1: {
      // a number where a number already is
      const numeric = all.filter((p) => typeof at(draft, p) === 'number');
      set(draft, r.pick(numeric), r.pick(NUMBERS));
      return draft;
    }
    case 2: {
      // a count in a list, declared or last year's
      const path = r.pick(
        all.filter((p) => ['lists', 'declared', 'values'].includes(String(p[0])) && p.length >= 2),
      );
      const inside = typeof at(draft, path) === 'number' ? path : [...path, 'value'];
      set(draft, inside, r.pick(NUMBERS));
      return draft;
    }
    case 3: {
      // a key added to any object, or one taken away
      const objects = all.filter((p) => {
        const v = at(draft, p);
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      });
      const path = r.pick(objects);
      const obj = at(draft, path) as Obj;
      const keys = Object.keys(obj);
      if (r.int(2) === 0 && keys.length > 0) delete obj[r.pick(keys)];
      else obj[r.pick(KEYS)] = structuredClone(r.pick(THINGS));
      return draft;
    }
    case 4: {
      // a 成文日期 of any shape
      const y = 2020 + r.int(10);
      const m = r.int(14);
      const d = r.int(33);
      const pad = (n: number) => String(n).padStart(2, '0');
      draft.issuedOn = r.pick([`${y}-${pad(m)}-${pad(d)}`, `${y}-${m}-${d}`, `${y}年${m}月${d}日`, '']);
      return draft;
    }
    case 5: {
      // last year's figures, plausible or not
      const values = Object.fromEntries(
        Object.entries((draft.values as Obj) ?? {})
          .slice(0, 3)
          .map(([k, v]) => [k, r.int(3) === 0 ? r.pick(NUMBERS) : v]),
      );
      const year = r.pick([2007, 2011, 2024, 2025, 2030, -5, 99999, Number(draft.year) - 1]);
      draft.previous = { year, values, ...(r.int(2) ? { prose: { preface: '上年的前言' } } : {}) };
      return draft;
    }
    case 6:
      return older(draft, r.pick([1, 2] as const), r);
    case 7: {
      // an older version with properties of a later one left in, or a version that does not exist
      const old = older(draft, r.pick([1, 2] as const), r);
      if (r.int(2) === 0) return { ...draft, formatVersion: r.pick([0, 1, 2, 4, '3', 3.5]) };
      old[r.pick(['prose', 'values', 'issuedOn', ...V3_ONLY])] = structuredClone(draft.prose ?? {});
      return old;
    }
    default: {
      // text a clerk pastes: controls, lone surrogates, characters outside the BMP
      const strings = all.filter((p) => typeof at(draft, p) === 'string');
      const path = r.pick(strings);
      set(draft, path, `${String(at(draft, path))}${r.pick(['\u0001', '\uD800', '𠮷', '\u202E', '\t'])}`);
      return draft;
    }
  }
}

const gbCodes = (() => {
  const decoder = new TextDecoder('gb18030');
  const codes = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !codes.has(ch)) codes.set(ch, [lead, trail]);
    }
  return codes;
})();

/** The text as some tool could have saved it. GB18030 only where every character has a two-byte code. */
function encode(text: string, r: Random): Uint8Array {
  const utf16le = Buffer.from(text, 'utf16le');
  switch (r.int(8)) {
    case 0:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    case 1:
      return Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]);
    case 2:
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf16le).swap16()]);
    case 3:
      return utf16le;
    case 4: {
      const bytes = [...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : gbCodes.get(ch)));
      if (bytes.every((b) => b !== undefined)) return Uint8Array.from(bytes.flat() as number[]);
      return Buffer.from(text);
    }
    default:
      return Buffer.from(text);
  }
}

const isDay = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
};

/** The format's rules, checked independently of the reader's own code. */
function breaksRules(template: TemplateDef, draft: Draft): string | null {
  const fields = fieldMap(template);
  const numbers: [string, number, 'count' | 'money'][] = [
    ...Object.entries(draft.values).map(([k, v]): [string, number, 'count' | 'money'] => [
      `values.${k}`,
      v,
      fields.get(k)!.kind,
    ]),
    ...Object.entries(draft.declared).flatMap(([k, v]): [string, number, 'count' | 'money'][] =>
      v === null ? [] : [[`declared.${k}`, v, fields.get(k)!.kind]],
    ),
    ...Object.entries(draft.previous?.values ?? {}).map(([k, v]): [string, number, 'count' | 'money'] => [
      `previous.values.${k}`,
      v,
      fields.get(k)!.kind,
    ]),
    ...Object.entries(draft.lists).flatMap(([id, items]) => {
      const kind = template.fields.find((f) => f.listSum === id)?.kind ?? 'count';
      return items.map((item, i): [string, number, 'count' | 'money'] => [
        `lists.${id}.${i}`,
        item.value,
        kind,
      ]);
    }),
  ];
  for (const [where, value, kind] of numbers) {
    if (!(value >= 0)) return `${where} is negative: ${value}`;
    if (kind === 'count' && !Number.isInteger(value)) return `${where} is a fractional count: ${value}`;
  }
  if (draft.issuedOn !== '' && !isDay(draft.issuedOn)) return `issuedOn is no day: ${draft.issuedOn}`;
  if (draft.previous && !(draft.previous.year < draft.year && draft.previous.year >= 2007))
    return `previous.year ${draft.previous.year} for ${draft.year}`;
  return null;
}

/** A v1 file's names for what v2 renamed. */
const renamed = (path: string, version: unknown) =>
  version !== 1
    ? path
    : path
        .replace(/^sections\./, 'prose.')
        .replace(/^numbers\./, 'values.')
        .replace(/^date$/, 'issuedOn');

/** What of the source is missing or changed in the draft read from it; null when nothing is. */
function lostContent(source: Obj, draft: Draft): string | null {
  const out = leaves(draft as unknown as Json);
  for (const [path, value] of leaves(source)) {
    if (path === 'formatVersion') continue;
    const to = renamed(path, source.formatVersion);
    // v1's `sections: null` or `numbers: null` held nothing; the migration makes them empty maps.
    if (value === null && (to === 'sections' || to === 'numbers')) continue;
    if (!out.has(to)) return `${path} (${JSON.stringify(value)}) is gone`;
    const now = out.get(to);
    if (to === 'issuedOn' && path === 'date') {
      if ((value === '') !== (now === '')) return `date ${String(value)} became ${String(now)}`;
    } else if (now !== value && !(typeof value === 'string' && now === stripIllegalXml(value)))
      return `${path} was ${JSON.stringify(value)}, is ${JSON.stringify(now)}`;
  }
  return null;
}

describe('the reader, over thousands of mutated drafts', () => {
  it('accepts only drafts that keep the format’s rules and everything their source held', () => {
    const r = random(20260120);
    const cases = 3000;
    let accepted = 0;
    let migrated = 0;
    const problems: string[] = [];
    for (let n = 0; n < cases && problems.length < 5; n++) {
      let mutated = JSON.parse(r.pick(sources)) as Obj;
      for (let m = 1 + r.int(3); m > 0; m--) mutated = mutate(mutated, r);
      const text = JSON.stringify(mutated, null, r.int(3));
      const source = JSON.parse(text) as Obj;
      const result = readDraftBytes(encode(text, r));
      if (!result.ok) {
        expect(result.error.key, `case ${n}`).toMatch(/^draft\.error\.\w+$/);
        continue;
      }
      accepted++;
      if (result.migratedFrom !== undefined) migrated++;
      const template = findTemplate(result.draft.template)!;
      const broken = breaksRules(template, result.draft);
      const lost = lostContent(source, result.draft);
      if (broken) problems.push(`case ${n}: ${broken}`);
      if (lost) problems.push(`case ${n}: ${lost}`);
    }
    expect(problems).toEqual([]);
    // The mutations must leave enough readable drafts, migrated ones among them, for the promises to mean something.
    expect(accepted).toBeGreaterThan(cases / 5);
    expect(migrated).toBeGreaterThan(cases / 50);
  });
});
