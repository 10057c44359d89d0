// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders, WS, json, mountRoot } from '../../../testing/mount';
import { useSourceNeighbours } from './list-source-neighbours';

const { render } = mountRoot();

const ids = ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000a3'];
const summary = (id: string) => ({
  id,
  kind: 'note',
  title: id,
  externalId: null,
  occurredAt: '2025-01-01T00:00:00.000Z',
  customer: null,
  importId: null,
  preview: '',
  highlightCount: 0,
  tagged: false,
  triaged: false,
  createdBy: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  deletedAt: null,
  score: null,
  scoreScale: null,
});

function Neighbours({ id }: { id: string }) {
  const { previous, next } = useSourceNeighbours(WS, id);
  return <p>{`${previous ?? '-'} ${next ?? '-'}`}</p>;
}

describe('useSourceNeighbours', () => {
  it('finds j/k neighbours in the Inbox’s order without asking for its count, which it does not show', async () => {
    const fetch = vi.fn(async (_url: string) => json({ items: ids.map(summary), nextCursor: null }));
    vi.stubGlobal('fetch', fetch);
    await render(
      <AppProviders>
        <Neighbours id={ids[1]!} />
      </AppProviders>,
    );
    await act(() => vi.waitFor(() => expect(document.body.textContent).toBe(`${ids[0]} ${ids[2]}`)));
    const asked = new URL(fetch.mock.calls[0]![0], 'http://cairn.test');
    expect(asked.pathname).toBe(`/api/workspaces/${WS}/sources`);
    expect(asked.searchParams.get('count')).toBe('false');
  });
});
