import { useId, useState } from 'react';
import { CatalogOptions } from '../../../components/catalog-options';
import { useCatalogIndex, useListNavigation, type CatalogEntry, type CatalogEntryType } from '../../../lib/catalog';

type CatalogPickerProps = {
  ws: string;
  label: string;
  types: readonly CatalogEntryType[];
  placeholder: string;
  /** What is picked now, shown as the input's text until someone types. */
  selectedName?: string | null;
  onPick: (entry: CatalogEntry | null) => void;
};

/** A filter picker over the catalog (tags, customers): type, ↑/↓, Enter; clearing the text clears the filter. */
export function CatalogPicker({ ws, label, types, placeholder, selectedName, onPick }: CatalogPickerProps) {
  const listId = useId();
  const { search } = useCatalogIndex(ws);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const options = query ? search(query, { types, limit: 10 }) : [];
  const close = () => {
    setOpen(false);
    setQuery(null);
  };
  const pick = (entry: CatalogEntry) => {
    onPick(entry);
    close();
  };
  const navigation = useListNavigation(options, pick, close);
  return (
    <div className="catalog-picker">
      <label htmlFor={`${listId}-input`}>{label}</label>
      <input
        id={`${listId}-input`}
        className="input"
        {...navigation.comboboxProps(listId, open)}
        placeholder={placeholder}
        value={query ?? selectedName ?? ''}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          navigation.setActive(0);
          if (!event.target.value) onPick(null);
        }}
        onBlur={close}
      />
      {open && options.length > 0 && <CatalogOptions listId={listId} label={label} options={options} active={navigation.active} onPick={pick} />}
    </div>
  );
}
