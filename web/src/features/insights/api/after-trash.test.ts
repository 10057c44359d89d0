import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { afterTrash } from './after-trash';

const WS = 'ws-1';
const PAGE = ['insights', WS, 'i-1'];
const LIST = ['insights', WS, 'list'];

describe('afterTrash', () => {
  it('never asks again for the trashed object while its page is open, and forgets it once the page is gone', async () => {
    const queryClient = new QueryClient();
    const fetches: string[] = [];
    const observe = (queryKey: string[]) => {
      const observer = new QueryObserver(queryClient, { queryKey, queryFn: () => fetches.push(queryKey.join('/')) });
      return observer.subscribe(() => {});
    };
    const leavePage = observe(PAGE);
    observe(LIST);
    await expect.poll(() => fetches.length).toBe(2);
    fetches.length = 0;

    afterTrash(queryClient, WS, PAGE);
    await expect.poll(() => fetches).toEqual(['insights/ws-1/list']);
    expect(queryClient.getQueryState(PAGE)).toMatchObject({ status: 'success', isInvalidated: false });

    leavePage();
    expect(queryClient.getQueryState(PAGE)).toBeUndefined();
    expect(fetches).toEqual(['insights/ws-1/list']);
  });

  it('forgets it at once when no page shows it', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(PAGE, { title: 'Exports fail' });
    afterTrash(queryClient, WS, PAGE);
    expect(queryClient.getQueryState(PAGE)).toBeUndefined();
  });
});
