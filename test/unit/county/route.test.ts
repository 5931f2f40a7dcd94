import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../renderer/app/route';

describe('the county’s addresses', () => {
  it('name the year, a unit on its board, or the 报送情况 page, and read back the same', () => {
    for (const route of [
      { page: 'county', year: 2025, unit: null },
      { page: 'county', year: 2025, unit: '乙镇人民政府' },
      { page: 'county', year: 2025, unit: '城关/街道 #1?' },
      { page: 'county-report', year: 2024 },
    ] as const)
      expect(parseRoute(routeHash(route))).toEqual(route);
  });
  it('open on last year’s collection without a year', () => {
    expect(parseRoute('#/county')).toEqual({
      page: 'county',
      year: new Date().getFullYear() - 1,
      unit: null,
    });
  });
});
