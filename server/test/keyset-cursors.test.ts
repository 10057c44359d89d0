/**
 * Every list paged by (time, id) refuses a cursor it did not hand out with a 400 naming the
 * cursor: a tampered one used to reach PostgreSQL's casts and fail as a 500.
 */
import { describe, expect, it } from 'vitest';
import { errorPaths, useTestApp } from './app.js';
import { createWorkspace } from './factories.js';

const context = useTestApp();

const TIME_ORDERED_LISTS = ['sources', 'sources?order=oldest', 'highlights', 'audit', 'imports', 'cluster-runs', 'saved-searches', 'insights', 'backlog-items'];
const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
const FORGED = [
  ['a time that is not one', cursorOf(['yesterday', '00000000-0000-4000-8000-000000000000'])],
  ['an id that is not a uuid', cursorOf(['2026-01-01 00:00:00+00', 'nope'])],
  ['numbers', cursorOf([1, 2])],
] as const;

describe('time-ordered lists and forged cursors', () => {
  it.each(TIME_ORDERED_LISTS)('GET …/%s answers 400 naming the cursor', async (list) => {
    const workspace = await createWorkspace(context);
    const separator = list.includes('?') ? '&' : '?';
    for (const [, cursor] of FORGED) {
      const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/${list}${separator}cursor=${cursor}`);
      expect(response.statusCode, `${list}: ${response.body}`).toBe(400);
      expect(errorPaths(response)).toEqual(['query.cursor']);
    }
    // A cursor as the API writes it still pages.
    const valid = cursorOf(['2026-01-01 00:00:00.123456+00', '00000000-0000-4000-8000-000000000000']);
    expect((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/${list}${separator}cursor=${valid}`)).statusCode).toBe(200);
  });
});
