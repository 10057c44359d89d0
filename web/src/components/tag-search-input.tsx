import { useId, useState } from 'react';
import { CatalogOptions } from './catalog-options';
import { useCatalogIndex, useListNavigation, type CatalogEntry } from '../lib/catalog';

type TagSearchInputProps = {
  ws: string;
  /** The tags chosen so far: left out of the options. */
  tagIds: string[];
  onChange: (tagIds: string[]) => void;
  placeholder: string;
  disabled?: boolean;
  /** From the `Field` around it: the label's id and the hint's. */
  fieldProps: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean };
};

/**
 * The combobox of a picker of several tags: type to find a tag in the catalog (in the browser,
 * no request per keystroke), ↑/↓ and Enter to add it to the chosen ones. The picker around it
 * shows the chosen tags its own way.
 */
export function TagSearchInput({ ws, tagIds, onChange, placeholder, disabled = false, fieldProps }: TagSearchInputProps) {
  const listId = useId();
  const { search } = useCatalogIndex(ws);
  const [query, setQuery] = useState('');
  const options = query && !disabled ? search(query, { types: ['tag'], limit: 10 }).filter((entry) => !tagIds.includes(entry.id)) : [];
  const pick = (entry: CatalogEntry) => {
    onChange([...tagIds, entry.id]);
    setQuery('');
  };
  const navigation = useListNavigation(options, pick, () => setQuery(''));
  return (
    <>
      <input
        {...fieldProps}
        className="input"
        {...navigation.comboboxProps(listId)}
        placeholder={placeholder}
        disabled={disabled}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          navigation.setActive(0);
        }}
        onBlur={() => setQuery('')}
      />
      {options.length > 0 && <CatalogOptions listId={listId} label="Tags" options={options} active={navigation.active} onPick={pick} />}
    </>
  );
}
