import type { Draft } from '../../shared/report/draft';

/** Parts of the draft that are maps keyed by ids, which themselves contain dots (t3.new.natural). */
const MAPS = [
  'values',
  'declared',
  'prose',
  'generated',
  'lists',
  'carried',
  'listDecimals',
  'sections',
] as const;

/** The key of `map` that `rest` names, itself or followed by a sub-path (lists.x.2.value). */
function keyIn(map: Record<string, unknown>, rest: string): string | undefined {
  let best: string | undefined;
  for (const key of Object.keys(map))
    if ((rest === key || rest.startsWith(`${key}.`)) && (!best || key.length > best.length)) best = key;
  return best;
}

/**
 * The draft with the one entry the services refused (named by its path, as in `draft.error.*`
 * messages) put back as it is stored, so that one bad field does not stop everything else from
 * being saved. Null when the path names nothing that can be put back on its own.
 */
export function withStoredField(draft: Draft, stored: Draft, path: string): Draft | null {
  const [top = '', ...restParts] = path.split('.');
  const rest = restParts.join('.');
  if (top === 'issuedOn' || top === 'year' || top === 'variant') {
    if (draft[top] === stored[top]) return null;
    return { ...draft, [top]: stored[top] };
  }
  if (top === 'unit') {
    const key = restParts[0] as keyof Draft['unit'] | undefined;
    if (!key || !(key in draft.unit) || draft.unit[key] === stored.unit[key]) return null;
    return { ...draft, unit: { ...draft.unit, [key]: stored.unit[key] } };
  }
  const map = MAPS.find((m) => m === top);
  if (!map) return null;
  const mine = draft[map] as Record<string, unknown>;
  const theirs = stored[map] as Record<string, unknown>;
  const key = keyIn(mine, rest) ?? keyIn(theirs, rest);
  if (!key || mine[key] === theirs[key]) return null;
  const { [key]: _refused, ...others } = mine;
  return { ...draft, [map]: Object.hasOwn(theirs, key) ? { ...others, [key]: theirs[key] } : others };
}
