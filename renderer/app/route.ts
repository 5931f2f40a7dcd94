import { useEffect, useState } from 'react';
import { DRAFT_ID } from '../../shared/report/limits';

/**
 * Where the app is, kept in the URL hash so a reload lands on the same step and the shell can
 * open the print view by URL:
 *   #/                                   home
 *   #/draft/<id>/<step>                  the wizard, on one step
 *   #/print/<id>?size=a4|a3|a4-enlarged&final=0|1   the print view the shell prints or saves as PDF
 *   #/county/<year>[/unit/<name>]        the county's board for a reporting year, or one unit's report on it
 *   #/county/<year>/report               报送情况, the printable page for the leadership
 */
export type PrintSize = 'a4' | 'a3' | 'a4-enlarged';
export const PRINT_SIZES: readonly PrintSize[] = ['a4', 'a3', 'a4-enlarged'];

export type Route =
  | { page: 'home' }
  | { page: 'wizard'; id: string; step: string | null }
  | { page: 'print'; id: string; size: PrintSize; final: boolean }
  | { page: 'county'; year: number; unit: string | null }
  | { page: 'county-report'; year: number };

/** The reporting year a county collects in January: last calendar year's. */
const collectingYear = () => new Date().getFullYear() - 1;

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [page, id, step] = parts;
  if (page === 'draft' && id && DRAFT_ID.test(id)) return { page: 'wizard', id, step: step ?? null };
  if (page === 'county') {
    const year = id && /^\d{4}$/.test(id) ? Number(id) : collectingYear();
    if (step === 'report') return { page: 'county-report', year };
    return { page: 'county', year, unit: step === 'unit' && parts[3] ? parts[3] : null };
  }
  if (page === 'print' && id && DRAFT_ID.test(id)) {
    const params = new URLSearchParams(query);
    const size = params.get('size');
    return {
      page: 'print',
      id,
      size: PRINT_SIZES.find((s) => s === size) ?? 'a4',
      final: params.get('final') === '1',
    };
  }
  return { page: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'wizard':
      return `#/draft/${encodeURIComponent(route.id)}${route.step ? `/${route.step.replace(/[/?#%]/g, encodeURIComponent)}` : ''}`;
    case 'print':
      return `#/print/${encodeURIComponent(route.id)}?size=${route.size}&final=${route.final ? 1 : 0}`;
    case 'county':
      return `#/county/${route.year}${route.unit === null ? '' : `/unit/${encodeURIComponent(route.unit)}`}`;
    case 'county-report':
      return `#/county/${route.year}/report`;
  }
}

export function navigate(route: Route): void {
  const hash = routeHash(route);
  if (location.hash !== hash) location.hash = hash;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
