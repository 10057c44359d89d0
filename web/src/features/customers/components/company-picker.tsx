import { useId, useState } from 'react';
import { CatalogOptions } from '../../../components/catalog-options';
import { Loading } from '../../../components/spinner';
import { useCatalogIndex, useListNavigation, type CatalogEntry } from '../../../lib/catalog';

const OPTIONS_MAX = 12;

type CompanyPickerProps = {
  ws: string;
  label: string;
  /** The company being merged: left out, and its name finds the suggestions shown before anything is typed. */
  company: { id: string; name: string };
  initialQuery?: string;
  onChoose: (company: { id: string; name: string }) => void;
  onEscape: () => void;
};

/**
 * Find another company by name (MiniSearch over the catalog, no request per keystroke), ↑/↓ and
 * Enter to choose. Before anything is typed it lists those whose names share words with this
 * one's: the duplicates imports make ("Acme", "Acme Inc", "acme.com") are the usual merge.
 */
export function CompanyPicker({ ws, label, company, initialQuery = '', onChoose, onEscape }: CompanyPickerProps) {
  const listId = useId();
  const [query, setQuery] = useState(initialQuery);
  const { search, isPending } = useCatalogIndex(ws);
  const text = query.trim();
  const options = search(text || company.name, { types: ['company'], limit: OPTIONS_MAX + 1 })
    .filter((entry) => entry.id !== company.id)
    .slice(0, OPTIONS_MAX);
  const choose = (entry: CatalogEntry) => onChoose({ id: entry.id, name: entry.name });
  const navigation = useListNavigation(options, choose, onEscape);

  return (
    <div className="target-combobox">
      <input
        className="input"
        {...navigation.comboboxProps(listId)}
        aria-label={label}
        placeholder="Find a company by name…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          navigation.setActive(0);
        }}
      />
      {isPending ? (
        <Loading label="Loading names…" />
      ) : (
        <>
          {!text && options.length > 0 && <p className="target-group-label">Similar names</p>}
          <CatalogOptions floating={false} listId={listId} label={text ? 'Companies' : 'Companies with similar names'} options={options} active={navigation.active} onPick={choose} />
          {!options.length && <p className="combobox-empty">{text ? 'No other company matches.' : `No other company has a name like “${company.name}”: type the name of the one to keep.`}</p>}
        </>
      )}
    </div>
  );
}
