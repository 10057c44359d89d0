import { useId, useState } from 'react';
import { TagOptionList } from '../../../components/tag-option-list';
import { useTagPicker, type TagPickerOption as Option } from '../../../lib/tag-picker-options';

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
 * creates what was typed unless every typed word matches an existing tag's name. Until the tags
 * can be searched, nothing is created and an Enter is kept for when they are (`useTagPicker`).
 */
export function TagCombobox({ ws, label, onPick, onCreate, onEscape, allowNone, excludeIds = [], busy }: TagComboboxProps) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const text = query.trim();
  const pick = (option: Option) => {
    if (busy) return;
    if (option.kind === 'tag') onPick(option.tag.id);
    else if (option.kind === 'create') onCreate?.(option.name);
    else if (option.kind === 'none') onPick(null);
  };
  const picker = useTagPicker(ws, text, { excludeIds, canCreate: !!onCreate, allowNone, limit: SEARCH_LIMIT, listedBeforeTyping: DEFAULT_OPTIONS }, pick, onEscape);

  return (
    <div className="tag-combobox">
      <input
        className="input"
        {...picker.comboboxProps(listId)}
        aria-label={label}
        aria-busy={busy || picker.finding || undefined}
        placeholder="Type a tag…"
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          picker.setActive(0);
        }}
      />
      <TagOptionList
        listId={listId}
        options={picker.options}
        active={picker.active}
        onPick={pick}
        onHover={picker.setActive}
        finding={picker.finding}
        empty={text ? 'No tag matches' : 'No tags yet: type a name to create one'}
      />
    </div>
  );
}
