import type { CatalogEntry } from '../lib/catalog';

type CatalogOptionsProps = {
  /** The listbox's id; each option's id is `${listId}-${index}`, for the input's aria-activedescendant. */
  listId: string;
  label: string;
  options: CatalogEntry[];
  active: number;
  onPick: (entry: CatalogEntry) => void;
  /** Over the page, under its input (the default); else in the flow, as in a dialog with room for it. */
  floating?: boolean;
};

/** The list of a combobox over the catalog: the name and its detail, the active option marked for screen readers too. */
export function CatalogOptions({ listId, label, options, active, onPick, floating = true }: CatalogOptionsProps) {
  return (
    <ul className={floating ? 'combobox-list combobox-floating' : 'combobox-list'} role="listbox" id={listId} aria-label={label}>
      {options.map((entry, index) => (
        <li
          key={entry.key}
          id={`${listId}-${index}`}
          role="option"
          aria-selected={index === active}
          className={`combobox-option${index === active ? ' active' : ''}`}
          // Keeps the focus in the input, whose blur would close the list before the click lands.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(entry)}
        >
          <span className="combobox-name">{entry.name}</span>
          {entry.detail && <span className="combobox-detail">{entry.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
