// @vitest-environment happy-dom
import { QueryClient } from '@tanstack/react-query';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogKey } from '../../../lib/catalog';
import { AppProviders, mountRoot, WS } from '../../../testing/mount';
import { type, until } from '../../../testing/react-dom';
import { TagCombobox } from './tag-combobox';

const AT = '2024-05-01T09:30:00.000Z';
const FRUSTRATED = { id: '00000000-0000-4000-8000-0000000000f1', name: 'Frustrated', group: 'Emotion', color: null, description: null, usageCount: 3, createdAt: AT };

describe('TagCombobox', () => {
  const root = mountRoot();
  const onPick = vi.fn();
  const onCreate = vi.fn();
  beforeEach(() => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => Promise.reject(new Error(`Unexpected request: ${url}`))));
    // The catalog is loaded, as on a page that has been open a while; the index of it is not yet.
    const queryClient = new QueryClient();
    queryClient.setQueryData(catalogKey(WS), { catalog: { tags: [FRUSTRATED], customers: [], companies: [], insights: [], backlogItems: [] }, etag: null });
    root.renderNow(
      <AppProviders queryClient={queryClient}>
        <TagCombobox ws={WS} label="Tag" allowNone onPick={onPick} onCreate={onCreate} onEscape={() => {}} />
      </AppProviders>,
    );
  });

  it('creates nothing from words typed before the tags are indexed, and applies the tag they find once they are, for an Enter pressed meanwhile', async () => {
    const input = document.querySelector<HTMLInputElement>('input[aria-label="Tag"]')!;
    // Typed and entered at once, as the reader opens: the index code has not arrived.
    act(() => type(input, 'Frus'));
    expect(document.querySelector('[role="status"]')!.textContent).toBe('Finding tags…');
    expect(document.querySelectorAll('[role="option"]')).toHaveLength(0);
    act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    await until(() => expect(onPick).toHaveBeenCalledWith(FRUSTRATED.id));
    expect(onCreate).not.toHaveBeenCalled();
  });
});
