// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, json, mountRoot, WS } from '../testing/mount';
import { type, until } from '../testing/react-dom';
import { TagSearchInput } from './tag-search-input';

const AT = '2024-05-01T09:30:00.000Z';
const FRUSTRATED = { id: '00000000-0000-4000-8000-0000000000f1', name: 'Frustrated', group: 'Emotion', color: null, description: null, usageCount: 3, createdAt: AT };
const CATALOG = { tags: [FRUSTRATED], customers: [], companies: [], insights: [], backlogItems: [] };

describe('TagSearchInput', () => {
  const root = mountRoot();
  let answerCatalog: () => void;
  const onChange = vi.fn();
  const onCreate = vi.fn();
  beforeEach(() => {
    // The catalog request is still on its way, as just after a page opens on a slow connection.
    const catalogSent = new Promise<void>((resolve) => (answerCatalog = resolve));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url !== `/api/workspaces/${WS}/catalog`) throw new Error(`Unexpected request: ${url}`);
        await catalogSent;
        return json(CATALOG);
      }),
    );
    root.renderNow(
      <AppProviders>
        <TagSearchInput ws={WS} tagIds={[]} onChange={onChange} onCreate={onCreate} placeholder="Tag to add…" fieldProps={{ id: 'add-tag' }} />
      </AppProviders>,
    );
  });

  it('creates nothing from a tag’s start entered before the catalog arrives, and adds the tag once it has', async () => {
    const input = document.querySelector<HTMLInputElement>('input#add-tag')!;
    act(() => type(input, 'Frus'));
    expect(document.querySelector('[role="status"]')!.textContent).toBe('Finding tags…');
    expect(document.querySelectorAll('[role="option"]')).toHaveLength(0);
    act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(onCreate).not.toHaveBeenCalled();

    act(() => answerCatalog());
    await until(() => expect(onChange).toHaveBeenCalledWith([FRUSTRATED.id]));
    expect(onCreate).not.toHaveBeenCalled();
    expect(input.value).toBe('');
  });
});
