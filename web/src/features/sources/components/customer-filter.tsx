import { useId, useState } from 'react';
import { customerName } from '@cairn/shared';
import { Button } from '../../../components/button';
import { useCatalogIndex, useListNavigation, type CatalogEntry } from '../../../lib/catalog';
import { useFilteredCustomerName } from '../../customers/api/get-customer';

const SUGGESTIONS = 8;

/**
 * Pick a customer by typing part of their name, email or company: matches come from the
 * workspace catalog in the browser, with no round trip per keystroke.
 */
export function CustomerFilter({ ws, customerId, onChange }: { ws: string; customerId: string | undefined; onChange: (id: string | undefined) => void }) {
  const id = useId();
  const { catalog, search } = useCatalogIndex(ws);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const options = text.trim() ? search(text, { types: ['customer'], limit: SUGGESTIONS }) : [];
  const pick = (entry: CatalogEntry) => {
    onChange(entry.id);
    setText('');
    setOpen(false);
  };
  const navigation = useListNavigation(options, pick, () => setOpen(false));
  const chosen = customerId ? catalog?.customers.find((customer) => customer.id === customerId) : undefined;
  const chosenName = useFilteredCustomerName(ws, customerId, chosen && customerName(chosen), catalog !== undefined);

  if (customerId) {
    return (
      <div className="field">
        <span className="field-label">Customer</span>
        <span className="filter-chip">
          {chosenName}
          <Button size="sm" variant="ghost" aria-label="Clear the customer filter" onClick={() => onChange(undefined)}>
            ×
          </Button>
        </span>
      </div>
    );
  }
  return (
    <div className="field customer-filter">
      <label htmlFor={id}>Customer</label>
      <input
        id={id}
        className="input"
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={`${id}-options`}
        aria-activedescendant={open && options[navigation.active] ? `${id}-${navigation.active}` : undefined}
        aria-autocomplete="list"
        placeholder="Anyone"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onKeyDown={navigation.onKeyDown}
        onBlur={() => setOpen(false)}
      />
      {open && options.length > 0 && (
        <ul id={`${id}-options`} role="listbox" className="customer-filter-options" aria-label="Matching customers">
          {options.map((option, index) => (
            <li
              key={option.key}
              id={`${id}-${index}`}
              role="option"
              aria-selected={index === navigation.active}
              className={index === navigation.active ? 'active' : undefined}
              // Before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option);
              }}
            >
              {option.name}
              {option.detail && <span className="muted"> · {option.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
