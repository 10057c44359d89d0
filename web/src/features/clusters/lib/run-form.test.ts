import { describe, expect, it } from 'vitest';
import { issuesByField } from '../../../lib/form-errors';
import { checkRunForm, countableScope, offeredKinds, runFormValues, toCreateClusterRunBody, toRerunBody } from './run-form';

const TAG = '00000000-0000-4000-8000-000000000001';

describe('the new cluster run form', () => {
  it('starts as every highlight, the number of clusters chosen automatically', () => {
    expect(checkRunForm(runFormValues()).data).toEqual({ scope: { target: 'highlights' }, k: 'auto' });
  });

  it('sends only the filters that narrow the scope, trimmed', () => {
    const values = { ...runFormValues(), kinds: ['ticket' as const], tagIds: [TAG], from: '2025-03-01', segment: '  Enterprise ', kMode: 'exact' as const, k: '4', seed: '42' };
    expect(checkRunForm(values).data).toEqual({
      scope: { target: 'highlights', kinds: ['ticket'], tagIds: [TAG], from: '2025-03-01', segment: 'Enterprise' },
      k: 4,
      seed: 42,
    });
  });

  it('never offers interviews to a sources run, and leaves untriaged sources on by default', () => {
    expect(offeredKinds('sources')).not.toContain('interview');
    // Every short kind ticked (interviews still ticked from before): no kind filter, and only the sources nobody has triaged.
    expect(toCreateClusterRunBody({ ...runFormValues(), target: 'sources' }).scope).toEqual({ target: 'sources', untriaged: true });
    expect(toCreateClusterRunBody({ ...runFormValues(), target: 'sources', kinds: ['interview', 'ticket'] }).scope).toEqual({ target: 'sources', kinds: ['ticket'], untriaged: true });
  });

  it('counts the scope as it would be sent, and nothing while no kind is ticked', () => {
    const values = { ...runFormValues(), kinds: ['ticket' as const], segment: ' Enterprise ', kMode: 'exact' as const, k: '1' };
    // The number of clusters plays no part in the count: a wrong one still counts the scope.
    expect(countableScope(toCreateClusterRunBody(values))).toEqual({ target: 'highlights', kinds: ['ticket'], segment: 'Enterprise' });
    expect(countableScope(toCreateClusterRunBody({ ...values, kinds: [] }))).toBeNull();
  });

  it('sends no untriaged filter for a highlights run, nor when it is unticked', () => {
    expect(toCreateClusterRunBody({ ...runFormValues(), untriaged: true }).scope).not.toHaveProperty('untriaged');
    expect(toCreateClusterRunBody({ ...runFormValues(), target: 'sources', untriaged: false }).scope).not.toHaveProperty('untriaged');
  });

  it('says at the kinds when none is ticked', () => {
    const result = checkRunForm({ ...runFormValues(), kinds: [] });
    expect(issuesByField(result.error!)).toEqual({ 'scope.kinds': 'Tick at least one kind of source' });
  });

  it('asks for a whole number of clusters in range, in words', () => {
    const issue = (k: string) => issuesByField(checkRunForm({ ...runFormValues(), kMode: 'exact', k }).error!).k;
    expect(issue('1')).toBe('Ask for at least 2 clusters');
    expect(issue('101')).toBe('Ask for at most 100 clusters');
    expect(issue('2.5')).toBe('Use a whole number from 2 to 100');
    expect(issue('')).toBe('Use a whole number from 2 to 100');
  });

  it('asks for a whole seed, and leaves an empty seed to the server', () => {
    expect(issuesByField(checkRunForm({ ...runFormValues(), seed: '1.5' }).error!).seed).toBe('Use a whole number');
    expect(checkRunForm({ ...runFormValues(), seed: ' ' }).data).not.toHaveProperty('seed');
  });
});

describe('running a run again', () => {
  it('sends its scope, k and seed as they were', () => {
    const params = { scope: { target: 'sources' as const, untagged: true }, k: 'auto' as const, seed: 7 };
    expect(toRerunBody(params)).toEqual(params);
  });
});
