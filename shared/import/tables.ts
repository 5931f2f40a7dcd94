import type { TemplateDef } from '../report/template';
import { FORMER_COLUMNS, labelKey, labelMatches, toHalfWidth } from './labels';
import { templateRows, type TemplateRow } from './layout';
import { isBlankText, type Origin, type SourceRow, type SourceValue } from './source';

export type Confidence = 'high' | 'medium' | 'low';

/** One template field as found in the document: a number, or a cell printed blank ("/", "—", 无). */
export interface CellReading {
  field: string;
  /** null: printed blank or as a mark; the mark is in `printed`. */
  value: number | null;
  printed: string;
  origin: Origin;
  confidence: Confidence;
}

/** A number the document printed in a table that no field took. */
export interface StrayValue {
  printed: string;
  origin: Origin;
  /** The row's label as printed, to say where it stood. */
  row: string;
  reason: 'noRow' | 'extraValue' | 'unreadable';
}

export interface TableReading {
  cells: CellReading[];
  strays: StrayValue[];
  /** Template rows found, by table id, to tell a template by its tables. */
  rowsFound: Map<string, number>;
}

const UNIT_SUFFIX = /(?:件|条|宗|个|次|人次|宗次|万元|元)$/;

/** A printed number: full-width digits, thousands separators and a unit after it are read; anything else is not a number. */
export function readNumber(printed: string): number | null {
  let t = toHalfWidth(printed.replace(/[\s\u3000\u00A0]+/g, '')).replace(UNIT_SUFFIX, '');
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)) t = t.replaceAll(',', '');
  return /^\d+(?:\.\d+)?$/.test(t) ? Number(t) : null;
}

/** `labelled: false`: the row printed no label and was placed between the rows named around it. */
type Match = { row: TemplateRow; exact: boolean; labelled?: boolean };

/**
 * The template row a printed row stands for: its rightmost label that names one, alone or joined
 * with the labels before it. Failing that, the words of its labels taken apart where a space
 * stands: text copied from a PDF puts a group's label and a row's on one line ("（四）无 2.没有…").
 */
function matchRow(labels: string[], rows: TemplateRow[], taken: Set<TemplateRow>): Match | null {
  const words = labels.flatMap((l) => l.trim().split(/\s+/));
  return (
    matchLabels(labels, rows, taken) ??
    (words.length > labels.length ? matchLabels(words, rows, taken) : null)
  );
}

function matchLabels(labels: string[], rows: TemplateRow[], taken: Set<TemplateRow>): Match | null {
  const keys = labels.map(labelKey).filter((k) => k.length > 0);
  const candidates: string[] = [];
  for (let end = keys.length; end > 0; end--)
    for (let start = end - 1; start >= Math.max(0, end - 3); start--)
      candidates.push(keys.slice(start, end).join(''));
  const open = rows.filter((r) => r.key !== null && !taken.has(r));
  for (const c of candidates) {
    const row = open.find((r) => r.key === c);
    if (row) return { row, exact: true };
  }
  for (const c of candidates) {
    const row =
      open.find((r) => labelMatches(c, r.key!)) ?? open.find((r) => r.key!.length >= 6 && c.includes(r.key!));
    if (row) return { row, exact: false };
  }
  return null;
}

/** How well a number cell's printed headers name a field, weighting the headers that tell the row's fields apart. */
function headerScore(value: SourceValue, field: TemplateRow['fields'][number], row: TemplateRow): number {
  const printed = value.headers.map(labelKey);
  let score = 0;
  for (const h of field.headers) {
    if (!printed.some((p) => labelMatches(p, h))) continue;
    const sharing = row.fields.filter((f) => f.headers.includes(h)).length;
    score += Math.log((row.fields.length + 1) / sharing);
  }
  return score;
}

/** Number cells to fields by the headers printed above them; null unless every non-blank cell finds its own field. */
function byHeaders(values: SourceValue[], row: TemplateRow): Map<SourceValue, string> | null {
  if (row.fields.length === 1 || values.every((v) => v.headers.length === 0)) return null;
  const out = new Map<SourceValue, string>();
  const used = new Set<string>();
  for (const v of values) {
    const scored = row.fields.map((f) => ({ id: f.id, score: headerScore(v, f, row) }));
    const best = Math.max(...scored.map((s) => s.score));
    const winners = scored.filter((s) => s.score === best);
    if (best <= 0 || winners.length !== 1 || used.has(winners[0]!.id)) {
      if (isBlankText(v.text)) continue;
      return null;
    }
    used.add(winners[0]!.id);
    out.set(v, winners[0]!.id);
  }
  return out;
}

/**
 * Reads the template's table fields from the document's table rows, by their labels: a row by the
 * label that names it, a number by the header printed over it, or, where no header is printed
 * (text pasted from a page), by its place in the row. Nothing is corrected: a number is kept as
 * printed, and a cell printed blank stays blank.
 */
export function readTables(template: TemplateDef, rows: SourceRow[]): TableReading {
  const all = templateRows(template);
  const taken = new Set<TemplateRow>();
  const cells: CellReading[] = [];
  const strays: StrayValue[] = [];
  const rowsFound = new Map<string, number>();

  const found: { source: SourceRow; match: Match | null }[] = [];
  for (const source of rows) {
    if (source.values.length === 0) continue;
    const nonBlank = source.values.filter((v) => !isBlankText(v.text)).length;
    let match = matchRow(source.labels, all, taken);
    const labelless = all.find(
      (r) =>
        r.key === null &&
        !taken.has(r) &&
        source.values.length >= r.fields.length &&
        nonBlank <= r.fields.length,
    );
    if ((!match || nonBlank > match.row.fields.length) && labelless) match = { row: labelless, exact: false };
    if (match) taken.add(match.row);
    found.push({ source, match });
  }
  fillUnlabelledRuns(found, all, taken);

  for (const { source, match } of found) {
    const label = source.labels.join(' ').trim();
    if (!match) {
      for (const v of source.values)
        if (!isBlankText(v.text))
          strays.push({ printed: v.text, origin: v.origin, row: label, reason: 'noRow' });
      continue;
    }
    const { row } = match;
    rowsFound.set(row.table, (rowsFound.get(row.table) ?? 0) + 1);

    // The header printed right above a number names its column; a column the 2021 format dropped
    // (本年新公开数量) answers no field, so its number is neither read by header nor by place.
    const values = source.values.filter((v) => !FORMER_COLUMNS.has(labelKey(v.headers[0] ?? '')));
    const headed = byHeaders(values, row);
    // Two or more numbers where a row has more fields, and no header over them: a converter lost
    // a cell, and which one no place can tell (规章 | 22 | 235 under three columns), so none is read.
    const gapped = !headed && values.length > 1 && values.length < row.fields.length;
    const assigned: [SourceValue, string][] = headed
      ? [...headed]
      : gapped
        ? []
        : values.slice(0, row.fields.length).map((v, i) => [v, row.fields[i]!.id]);
    const confidence: Confidence =
      match.exact && (headed || source.values.length === row.fields.length)
        ? 'high'
        : match.row.key === null || match.labelled === false
          ? 'low'
          : 'medium';
    const placed = new Set(assigned.map(([v]) => v));
    for (const v of source.values)
      if (!placed.has(v) && !isBlankText(v.text))
        strays.push({ printed: v.text, origin: v.origin, row: label, reason: 'extraValue' });
    for (const [v, field] of assigned) {
      const printed = v.text.trim();
      if (isBlankText(printed)) {
        cells.push({ field, value: null, printed, origin: v.origin, confidence });
        continue;
      }
      const value = readNumber(printed);
      if (value === null) strays.push({ printed, origin: v.origin, row: label, reason: 'unreadable' });
      else cells.push({ field, value, printed, origin: v.origin, confidence });
    }
  }
  return { cells, strays, rowsFound };
}

/**
 * A PDF converter can lift a row's label out of its table, or keep only a piece of it, and leave
 * the numbers as a row of their own. Such rows are read only where the rows named on either side
 * leave exactly as many rows of the same table between them as there are such rows as wide as
 * those rows, and a piece of label kept is a piece of its row's label: then each can stand for one
 * row only. A line of another width among them (a page number under a lifted label) stays
 * unplaced, as does anything less certain.
 */
function fillUnlabelledRuns(
  found: { source: SourceRow; match: Match | null }[],
  all: TemplateRow[],
  taken: Set<TemplateRow>,
) {
  let i = 0;
  while (i < found.length) {
    if (found[i]!.match) {
      i++;
      continue;
    }
    let end = i;
    while (end < found.length && !found[end]!.match) end++;
    const before = found[i - 1]?.match?.row;
    const after = found[end]?.match?.row;
    const run = found.slice(i, end);
    i = end;
    if (!before || !after || before.table !== after.table) continue;
    const between = all.slice(all.indexOf(before) + 1, all.indexOf(after));
    const width = between[0]?.fields.length;
    const rowsLike = run.filter((f) => f.source.values.length === width);
    if (
      between.length !== rowsLike.length ||
      between.some(
        (r, k) =>
          taken.has(r) ||
          r.fields.length !== width ||
          !labelKey(r.label).includes(labelKey(rowsLike[k]!.source.labels.join(''))),
      )
    )
      continue;
    rowsLike.forEach((f, k) => {
      f.match = { row: between[k]!, exact: false, labelled: false };
      taken.add(between[k]!);
    });
  }
}
