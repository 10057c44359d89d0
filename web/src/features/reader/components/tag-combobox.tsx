import { useId, useState } from 'react';
import { TagDot } from '../../../components/tag-chip';
import { frequentTags, useCatalogIndex, useListNavigation } from '../../../lib/catalog';
import { tagPickerOptions, type TagOption, type TagPickerOption as Option } from '../lib/tag-options';

/** Tags shown before anything is typed. */
const DEFAULT_OPTIONS = 8;
/** Tags shown for what was typed. */
const SEARCH_LIMIT = 12;

export type TagComboboxProps = {
  ws: string;
  label: string;
  onPick: (tagId: string | null) => void;
  /** Creates a tag from what was typed; absent when the member may not create tags. */
  onCreate?: (name: string) => void;
  onEscape: () => void;
  /** Offers "no tag" (a plain highlight) while nothing is typed. */
  allowNone?: boolean;
  excludeIds?: string[];
  busy?: boolean;
};

/**
 * Type to filter the workspace's tags (MiniSearch over the catalog: prefix and typo
 * tolerant, no request per keystroke), ↑/↓ and Enter to pick, or create the tag inline: Enter
 * creates what was typed unless every typed word matches an existing tag's name.
 */
export function TagCombobox({ ws, label, onPick, onCreate, onEscape, allowNone, excludeIds = [], busy }: TagComboboxProps) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const { catalog, search } = useCatalogIndex(ws);
  const text = query.trim();
  const offered = (tags: TagOption[]) => tags.filter((tag) => !excludeIds.includes(tag.id));
  const named = offered(
    text
      ? search(text, { types: ['tag'], limit: SEARCH_LIMIT, allWords: true })
      : frequentTags(catalog, DEFAULT_OPTIONS).map((tag) => ({ id: tag.id, name: tag.name, detail: tag.group, color: tag.color })),
  );
  const related = text ? offered(search(text, { types: ['tag'], limit: SEARCH_LIMIT })) : [];
  const options = tagPickerOptions(
    text,
    { named, related },
    {
      limit: SEARCH_LIMIT,
      sameNameExists: !!catalog?.tags.some((tag) => tag.name.toLowerCase() === text.toLowerCase()),
      canCreate: !!onCreate,
      allowNone: !!allowNone,
    },
  );
  const pick = (option: Option) => {
    if (busy) return;
    if (option.kind === 'tag') onPick(option.tag.id);
    else if (option.kind === 'create') onCreate?.(option.name);
    else onPick(null);
  };
  const navigation = useListNavigation(options, pick, onEscape);
  const optionId = (index: number) => `${listId}-${index}`;

  return (
    <div className="tag-combobox">
      <input
        className="input"
        {...navigation.comboboxProps(listId)}
        aria-label={label}
        aria-busy={busy || undefined}
        placeholder="Type a tag…"
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          navigation.setActive(0);
        }}
      />
      {/* Not a Tab stop of its own (a scrolling list is one by default): the input moves through it. */}
      <ul className="combobox-list" role="listbox" id={listId} aria-label="Tags" tabIndex={-1}>
        {options.map((option, index) => (
          <li
            key={option.kind === 'tag' ? option.tag.id : option.kind}
            id={optionId(index)}
            role="option"
            aria-selected={index === navigation.active}
            className={`combobox-option${index === navigation.active ? ' active' : ''}`}
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => navigation.setActive(index)}
            onClick={() => pick(option)}
          >
            {option.kind === 'tag' && (
              <>
                <TagDot color={option.tag.color} />
                <span className="combobox-name">{option.tag.name}</span>
                {option.tag.detail && <span className="combobox-detail">{option.tag.detail}</span>}
              </>
            )}
            {option.kind === 'create' && <span className="combobox-name">Create tag “{option.name}”</span>}
            {option.kind === 'none' && <span className="combobox-name muted">Highlight without a tag</span>}
          </li>
        ))}
        {!options.length && <li className="combobox-empty">{text ? 'No tag matches' : 'No tags yet: type a name to create one'}</li>}
      </ul>
    </div>
  );
}
