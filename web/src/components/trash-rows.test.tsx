// @vitest-environment happy-dom
import { useMutation } from '@tanstack/react-query';
import { act, useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppProviders, mountRoot } from '../testing/mount';
import { until } from '../testing/react-dom';
import { TrashRows } from './trash-rows';

const AT = '2025-03-04T10:00:00.000Z';
const TRASHED = ['Exports fail', 'Search is slow', 'Pricing is unclear'].map((title, n) => ({ id: `00000000-0000-4000-8000-00000000000${n + 2}`, title, deletedAt: AT }));

/** A trash whose Restore takes the item off the list, as the refetched trash does. */
function Trash() {
  const [items, setItems] = useState(TRASHED);
  const restore = useMutation({ mutationFn: async (id: string) => setItems((current) => current.filter((item) => item.id !== id)) });
  return (
    <TrashRows
      items={items}
      label="In the trash"
      intro="Restoring brings it back."
      titleOf={(item) => item.title}
      describe={() => null}
      restore={restore}
      restoredMessage={(item) => `Restored “${item.title}”`}
      pageOf={() => '/'}
    />
  );
}

const restoreButton = (title: string) => document.querySelector<HTMLButtonElement>(`button[aria-label="Restore “${title}”"]`);

describe('TrashRows', () => {
  const root = mountRoot();
  beforeEach(() =>
    root.render(
      <AppProviders role="researcher">
        <Trash />
      </AppProviders>,
    ),
  );

  const restoreByKeyboard = async (title: string) => {
    const button = restoreButton(title)!;
    await act(async () => button.focus());
    await act(async () => button.click());
    await until(() => expect(restoreButton(title)).toBeNull());
  };

  it('gives focus to the row that takes the place of one restored, not to the page', async () => {
    await restoreByKeyboard('Search is slow');
    expect(document.activeElement).toBe(restoreButton('Pricing is unclear'));
  });

  it('gives focus to the row above once the last one is restored', async () => {
    await restoreByKeyboard('Pricing is unclear');
    expect(document.activeElement).toBe(restoreButton('Search is slow'));
  });
});
