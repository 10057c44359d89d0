import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { applyEvidenceWrite, invalidateEvidence } from './evidence';

const WS = 'ws-1';
const OTHER = 'ws-2';

/** A client holding one cached entry per key, none of them observed (nothing refetches). */
function clientWith(keys: unknown[][]) {
  const queryClient = new QueryClient();
  for (const key of keys) queryClient.setQueryData(key, { cached: true });
  const stale = () => keys.filter((key) => queryClient.getQueryState(key)?.isInvalidated);
  return { queryClient, stale };
}

describe('invalidateEvidence', () => {
  it('marks every query that shows or counts evidence in the workspace stale, and nothing else', async () => {
    const evidence = [
      ['sources', WS, 'list', {}],
      ['sources', WS, 'source-1'],
      ['highlights', WS, {}],
      ['highlights', WS, 'customer', 'c-1'],
      ['tags', WS],
      ['search', WS, 'q=export'],
      ['customers', WS, 'list', { q: '' }],
      ['customers', WS, 'c-1'],
      ['insights', WS, 'list'],
      ['insights', WS, 'i-1'],
      ['backlog-items', WS, 'list', { sort: 'evidence' }],
      ['backlog-items', WS, 'b-1'],
      ['cluster-runs', WS, 'r-1'],
      ['catalog', WS],
      ['trash', WS],
    ];
    const unrelated = [['members', WS], ['saved-searches', WS], ['tags', OTHER], ['sources', OTHER, 'list', {}], ['insights', OTHER, 'list']];
    const { queryClient, stale } = clientWith([...evidence, ...unrelated]);
    await invalidateEvidence(queryClient, WS);
    expect(stale()).toEqual(evidence);
  });

  it('leaves alone the one query the caller already brought up to date', async () => {
    const { queryClient, stale } = clientWith([['sources', WS, 'source-1'], ['sources', WS, 'source-2'], ['tags', WS]]);
    await applyEvidenceWrite(queryClient, WS, ['sources', WS, 'source-1'], { title: 'New title' });
    expect(queryClient.getQueryData(['sources', WS, 'source-1'])).toEqual({ title: 'New title' });
    expect(stale()).toEqual([['sources', WS, 'source-2'], ['tags', WS]]);
  });
});
