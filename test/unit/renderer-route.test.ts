import { describe, expect, it } from 'vitest';
import { newId } from '../../shared/report/draft-io';
import { DRAFT_ID } from '../../shared/report/limits';
import { parseRoute, routeHash } from '../../renderer/app/route';

/** The app's address names a draft by the id the draft format gives it, and nothing else. */
describe('routes', () => {
  const ids = [
    newId(),
    'example-national-2021-township-2025',
    'abcdef',
    'a'.repeat(64),
    'abcde',
    'a'.repeat(65),
    'abc def',
    '../drafts',
    'abcdef.json',
    '草稿一二三四五六',
  ];

  it('opens in the wizard and the print view exactly the ids a draft may have', () => {
    for (const id of ids) {
      const valid = DRAFT_ID.test(id);
      const wizard = parseRoute(`#/draft/${encodeURIComponent(id)}/s3`);
      const print = parseRoute(`#/print/${encodeURIComponent(id)}?size=a3&final=1`);
      expect(wizard, id).toEqual(valid ? { page: 'wizard', id, step: 's3' } : { page: 'home' });
      expect(print, id).toEqual(valid ? { page: 'print', id, size: 'a3', final: true } : { page: 'home' });
    }
  });

  it('a route written by the app reads back as itself', () => {
    const id = newId();
    for (const route of [
      { page: 'home' } as const,
      { page: 'wizard', id, step: null } as const,
      { page: 'wizard', id, step: '@basic' } as const,
      { page: 'print', id, size: 'a4-enlarged', final: false } as const,
    ])
      expect(parseRoute(routeHash(route))).toEqual(route);
  });
});
