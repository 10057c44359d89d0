import { useId, useState } from 'react';
import { TagOptionList } from './tag-option-list';
import { useTagPicker, type TagPickerOption } from '../lib/tag-picker-options';

/** Tags listed for what was typed. */
const SEARCH_LIMIT = 10;

type TagSearchInputProps = {
  ws: string;
  /** The tags chosen so far: left out of the options. */
  tagIds: string[];
  onChange: (tagIds: string[]) => void;
  /** Creates the tag typed, where tags may be created: Enter does, unless every typed word matches a tag's name. */
  onCreate?: (name: string) => void;
  placeholder: string;
  disabled?: boolean;
  /** From the `Field` around it: the label's id and the hint's. */
  fieldProps: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean };
};

/**
 * The combobox of a picker of several tags: type to find a tag in the catalog (in the browser,
 * no request per keystroke), ↑/↓ and Enter to add it to the chosen ones, by the reader's rule
 * (lib/tag-picker-options.ts): Enter never takes a tag only some of the typed words match, and
 * one pressed before the tags can be searched waits for them. The picker around it shows the
 * chosen tags its own way.
 */
export function TagSearchInput({ ws, tagIds, onChange, onCreate, placeholder, disabled = false, fieldProps }: TagSearchInputProps) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const pick = (option: TagPickerOption) => {
    if (option.kind === 'noNamedTag') return;
    if (option.kind === 'tag') onChange([...tagIds, option.tag.id]);
    else if (option.kind === 'create') onCreate?.(option.name);
    setQuery('');
  };
  const picker = useTagPicker(ws, disabled ? '' : query.trim(), { excludeIds: tagIds, canCreate: !!onCreate, limit: SEARCH_LIMIT }, pick, () => setQuery(''));
  return (
    <>
      <input
        {...fieldProps}
        className="input"
        {...picker.comboboxProps(listId)}
        aria-busy={picker.finding || undefined}
        placeholder={placeholder}
        disabled={disabled}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          picker.setActive(0);
        }}
        onBlur={() => setQuery('')}
      />
      {(picker.options.length > 0 || picker.finding) && (
        <TagOptionList listId={listId} options={picker.options} active={picker.active} onPick={pick} onHover={picker.setActive} finding={picker.finding} floating />
      )}
    </>
  );
}
