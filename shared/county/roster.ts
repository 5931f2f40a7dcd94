import { z } from 'zod';
import { normalizeName } from '../report/consolidate';
import { UNIT_KINDS, type UnitKind } from '../report/template';

/**
 * 名单: the units a county expects a report from, with their kind and, optionally, a contact.
 * Typed in, pasted from Excel or WPS (tab-separated cells), or read from a list file; the reader
 * is the one `consolidate --expect` uses (decodeList, then one unit a line).
 */
export const rosterEntrySchema = z.object({
  name: z.string().min(1).max(100),
  kind: z.enum(UNIT_KINDS),
  contact: z.string().max(200).default(''),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** How clerks write a unit's kind in a list's second column. */
const KIND_WORDS: [RegExp, UnitKind][] = [
  [/^(乡镇|镇|乡|township)$/iu, 'township'],
  [/^(街道|街道办|街道办事处|subdistrict)$/iu, 'subdistrict'],
  [/^(县直部门|县直单位|部门|县直|county-department|department)$/iu, 'county-department'],
  [/^(其他|其它|other)$/iu, 'other'],
];

/** A kind read from the name itself when the list gives none: 某某镇 is a township, 某某街道 a subdistrict. */
export function kindFromName(name: string): UnitKind {
  if (/(街道|街道办事处|街道办)$/u.test(name.replace(/人民政府$|政府$/u, ''))) return 'subdistrict';
  if (/[镇乡](人民政府|政府)?$/u.test(name)) return 'township';
  if (/(局|委员会|委|办公室|办|中心|所|院|站|队|处)$/u.test(name)) return 'county-department';
  return 'other';
}

function kindOf(word: string | undefined, name: string): UnitKind {
  const w = normalizeName(word ?? '');
  return KIND_WORDS.find(([re]) => re.test(w))?.[1] ?? kindFromName(name);
}

/**
 * Reads a 名单 as typed, pasted or read from a file: one unit a line; cells separated by tabs
 * (Excel, WPS) give name, kind and contact; blank lines, # comments and a header line (单位, 名称)
 * are skipped; a unit named twice is kept once, the first time.
 */
export function parseRoster(text: string): RosterEntry[] {
  const out = new Map<string, RosterEntry>();
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n|\r/)) {
    const cells = line
      .replace(/[#＃].*/u, '')
      .split('\t')
      .map((c) => normalizeName(c.replace(/^"|"$/g, '')));
    // A 序号 column pasted along with the names comes first.
    if (cells.length > 1 && /^\d+$/.test(cells[0]!)) cells.shift();
    const name = cells[0] ?? '';
    if (name === '' || /^(单位|单位名称|名称|序号)$/u.test(name) || out.has(name)) continue;
    out.set(name, {
      name: name.slice(0, 100),
      kind: kindOf(cells[1], name),
      contact: (cells[2] ?? '').slice(0, 200),
    });
  }
  return [...out.values()];
}

/** The kind as a 名单 writes it, in Chinese whatever the screen's language, so the list reads back the same. */
export const KIND_LABEL: Record<UnitKind, string> = {
  township: '乡镇',
  subdistrict: '街道',
  'county-department': '县直部门',
  other: '其他',
};

/** The 名单 as tab-separated lines, so it pastes back into Excel or WPS and reads back the same. */
export function rosterText(entries: readonly RosterEntry[]): string {
  return entries.map((e) => [e.name, KIND_LABEL[e.kind], e.contact].join('\t').trimEnd()).join('\n');
}
