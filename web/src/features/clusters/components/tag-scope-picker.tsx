import { useId, useState } from 'react';
import { CatalogOptions } from '../../../components/catalog-options';
import { Field } from '../../../components/field';
import { TagChips } from '../../../components/tag-chip';
import { useCatalogIndex, useListNavigation, type CatalogEntry } from '../../../lib/catalog';

type TagScopePickerProps = { ws: string; tagIds: string[]; onChange: (tagIds: string[]) => void; hint: string; error?: string };

/** Tags to narrow a run to, any of them: type to find one in the catalog, ↑/↓ and Enter to add it; each chosen tag shows as a chip to remove. */
export function TagScopePicker({ ws, tagIds, onChange, hint, error }: TagScopePickerProps) {
  const listId = useId();
  const { catalog, search } = useCatalogIndex(ws);
  const [query, setQuery] = useState('');
  const options = query ? search(query, { types: ['tag'], limit: 10 }).filter((entry) => !tagIds.includes(entry.id)) : [];
  const pick = (entry: CatalogEntry) => {
    onChange([...tagIds, entry.id]);
    setQuery('');
  };
  const navigation = useListNavigation(options, pick, () => setQuery(''));
  const chosen = tagIds.map((id) => catalog?.tags.find((tag) => tag.id === id) ?? { id, name: 'Deleted tag' });
  return (
    <Field label="Tags" hint={hint} error={error}>
      {(props) => (
        <div className="catalog-picker">
          <TagChips tags={chosen} onRemove={(id) => onChange(tagIds.filter((tagId) => tagId !== id))} />
          <input
            {...props}
            className="input"
            role="combobox"
            aria-expanded={options.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={options.length ? `${listId}-${navigation.active}` : undefined}
            placeholder={tagIds.length ? 'Add another tag…' : 'Any tag'}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              navigation.setActive(0);
            }}
            onKeyDown={navigation.onKeyDown}
            onBlur={() => setQuery('')}
          />
          {options.length > 0 && <CatalogOptions listId={listId} label="Tags" options={options} active={navigation.active} onPick={pick} />}
        </div>
      )}
    </Field>
  );
}
