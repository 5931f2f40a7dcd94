import { normalizeName } from '../report/consolidate';

/**
 * Which unit on the 名单 a received file belongs to, by the unit name its report gives. The same
 * unit is written many ways (乙镇政府, 乙镇人民政府, 乙 镇人民政府), is renamed (撤乡设镇), or is
 * mistyped (甲鎮 for 甲镇): an exact name matches; a near one is offered, never taken silently,
 * because two townships can differ by one character.
 */
export type UnitMatch =
  | { kind: 'exact'; unit: string }
  /** Names on the list that look like the file's, closest first; the clerk chooses (or none). */
  | { kind: 'near'; candidates: string[] }
  | { kind: 'none' };

/** Endings that say what kind of office a name is, not which one: 乙镇 and 乙镇人民政府 are the same unit. */
const OFFICE_SUFFIX = /(人民政府办公室|人民政府|政府|街道办事处|办事处|街道办)$/u;

/** The part of a name that tells units apart: spaces and the office ending dropped, traditional 鎮 read as 镇. */
export function coreName(name: string): string {
  return normalizeName(name)
    .replace(/\s/g, '')
    .replace(/[鎮]/gu, '镇')
    .replace(/[（(].*?[)）]/gu, '')
    .replace(OFFICE_SUFFIX, '');
}

/** Edits (insert, delete, replace one character) between two names. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length]!;
}

/**
 * Matches a name against the 名单. `aliases` are earlier choices of the clerk (a file's name → the
 * listed unit), so the next file from a renamed unit matches by itself.
 */
export function matchUnit(
  name: string,
  listed: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): UnitMatch {
  const own = normalizeName(name);
  if (own === '') return { kind: 'none' };
  if (listed.includes(own)) return { kind: 'exact', unit: own };
  const alias = aliases[own];
  if (alias !== undefined && listed.includes(alias)) return { kind: 'exact', unit: alias };
  const core = coreName(own);
  const scored = listed
    .map((unit) => {
      const other = coreName(unit);
      if (other === core) return { unit, score: 0 };
      const longer = Math.max([...core].length, [...other].length);
      const d = editDistance(core, other);
      // One character in four may differ: 甲镇 vs 乙镇 differ in half and are not offered.
      if (longer >= 3 && d <= Math.max(1, Math.floor(longer / 4))) return { unit, score: d };
      // A name inside the other: 城关 for 城关镇, 县财政局 for 清溪县财政局.
      if (core.length >= 2 && other.length >= 2 && (other.includes(core) || core.includes(other)))
        return { unit, score: longer - Math.min([...core].length, [...other].length) + 1 };
      return null;
    })
    .filter((s): s is { unit: string; score: number } => s !== null)
    .sort((a, b) => a.score - b.score || listed.indexOf(a.unit) - listed.indexOf(b.unit));
  return scored.length > 0 ? { kind: 'near', candidates: scored.map((s) => s.unit) } : { kind: 'none' };
}
