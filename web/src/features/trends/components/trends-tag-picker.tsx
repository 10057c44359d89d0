import { useId, useState } from 'react';
import { TRENDS_TAGS_MAX, TRENDS_TOP_TAGS, type TagRef } from '@cairn/shared';
import { CatalogOptions } from '../../../components/catalog-options';
import { useCatalogIndex, useListNavigation, type CatalogEntry } from '../../../lib/catalog';
import { seriesColors } from '../lib/trends-params';

type TrendsTagPickerProps = { ws: string; tagIds: string[]; onChange: (tagIds: string[]) => void };

/**
 * The tags to draw: type to find one in the catalog, ↑/↓ and Enter to add it, up to
 * TRENDS_TAGS_MAX; each chosen tag shows as a chip in its line's colour, with a button to remove it.
 */
export function TrendsTagPicker({ ws, tagIds, onChange }: TrendsTagPickerProps) {
  const listId = useId();
  const hintId = useId();
  const { catalog, search } = useCatalogIndex(ws);
  const [query, setQuery] = useState('');
  const full = tagIds.length >= TRENDS_TAGS_MAX;
  const options = query && !full ? search(query, { types: ['tag'], limit: 10 }).filter((entry) => !tagIds.includes(entry.id)) : [];
  const pick = (entry: CatalogEntry) => {
    onChange([...tagIds, entry.id]);
    setQuery('');
  };
  const navigation = useListNavigation(options, pick, () => setQuery(''));
  const chosen: TagRef[] = tagIds.map((id) => {
    const tag = catalog?.tags.find((candidate) => candidate.id === id);
    return tag ? { id, name: tag.name, color: tag.color, group: tag.group } : { id, name: 'Deleted tag', color: null, group: null };
  });
  const colors = seriesColors(chosen);
  return (
    <div className="catalog-picker trends-tag-picker">
      <label htmlFor={`${listId}-input`}>Tags</label>
      {chosen.length > 0 && (
        <ul className="tag-chips" aria-label="Tags drawn">
          {chosen.map((tag, index) => (
            <li key={tag.id}>
              <span className="tag-chip trends-chip">
                <span className="tag-dot" style={{ background: colors[index] }} aria-hidden="true" />
                {tag.name}
                <button type="button" className="chip-remove" aria-label={`Remove tag ${tag.name}`} onClick={() => onChange(tagIds.filter((id) => id !== tag.id))}>
                  ×
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <input
        id={`${listId}-input`}
        className="input"
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-describedby={hintId}
        aria-activedescendant={options.length ? `${listId}-${navigation.active}` : undefined}
        placeholder={full ? `${TRENDS_TAGS_MAX} tags at most` : tagIds.length ? 'Add another tag…' : 'The most used tags'}
        disabled={full}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          navigation.setActive(0);
        }}
        onKeyDown={navigation.onKeyDown}
        onBlur={() => setQuery('')}
      />
      <p id={hintId} className="field-hint">
        {tagIds.length ? `Up to ${TRENDS_TAGS_MAX} tags.` : `Without a choice, the ${TRENDS_TOP_TAGS} most used tags of the range.`}
      </p>
      {options.length > 0 && <CatalogOptions listId={listId} label="Tags" options={options} active={navigation.active} onPick={pick} />}
    </div>
  );
}
