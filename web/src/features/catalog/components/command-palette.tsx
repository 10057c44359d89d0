import { useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Dialog } from '../../../components/dialog';
import { useCatalogIndex, useListNavigation, type CatalogEntry, type CatalogMatch, type Place } from '../../../lib/catalog';
import { isTypingTarget, useDocumentKeyDown } from '../../../lib/keyboard';
import { paths } from '../../../lib/paths';
import { KeyboardShortcuts } from './keyboard-shortcuts';

type Item = Place & { key: string; group: string; run: () => void };
/** A page, a Settings page or a saved search: somewhere to go that the catalog does not name. */
export type PalettePlace = Place & { key: string; group: string; to: string };

const GROUP_OF: Record<CatalogEntry['type'], string> = { tag: 'Tags', customer: 'Customers', company: 'Companies', insight: 'Problems', backlogItem: 'Backlog' };
const CATALOG_RESULTS = 12;

/** A company found by an old name says so: the name it has now is not what was typed. */
const labelOf = (entry: CatalogMatch) => (entry.matchedAlias ? `${entry.name} — formerly ${entry.matchedAlias}` : entry.name);

/**
 * Ctrl/⌘-K: jump to any tag, customer, company, problem, backlog item, page or saved search by
 * name, searched in the browser over the workspace catalog and the places the shell hands in.
 * Every word typed must match. What customers *said* is searched on the Search page; the last
 * option hands the query over to it.
 */
export function CommandPalette({ ws, places }: { ws: string; places: PalettePlace[] }) {
  const navigate = useNavigate();
  const listId = useId();
  const { search, searchPlaces } = useCatalogIndex(ws);
  const [open, setOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [query, setQuery] = useState('');

  useDocumentKeyDown((event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      setQuery('');
      setOpen(true);
    } else if (event.key === '?' && !isTypingTarget(event.target) && !document.querySelector('dialog[open]')) {
      event.preventDefault();
      setHelpOpen(true);
    }
  });

  const go = (to: string) => () => {
    setOpen(false);
    navigate(to);
  };
  // One list while the places stay the same, so that their index is built once (useCatalogIndex).
  const placeItems = useMemo<Item[]>(
    () => [
      ...places.map(({ to, ...place }) => ({ ...place, run: go(to) })),
      { key: 'action:import', group: 'Actions', name: 'Import a file', detail: 'Transcripts, ticket or survey exports', run: go(paths.imports(ws)) },
      {
        key: 'action:shortcuts',
        group: 'Actions',
        name: 'Show keyboard shortcuts',
        detail: '?',
        run: () => {
          setOpen(false);
          setHelpOpen(true);
        },
      },
    ],
    [places, ws, navigate],
  );
  const text = query.trim();
  const catalogTarget = (entry: CatalogEntry) =>
    ({
      tag: `${paths.highlights(ws)}?tagId=${entry.id}`,
      customer: paths.customer(ws, entry.id),
      company: paths.company(ws, entry.id),
      insight: paths.problem(ws, entry.id),
      backlogItem: paths.backlogItem(ws, entry.id),
    })[entry.type];
  const items: Item[] = text
    ? [
        ...search(text, { limit: CATALOG_RESULTS, everyWord: true }).map((entry) => ({ key: entry.key, group: GROUP_OF[entry.type], name: labelOf(entry), detail: entry.detail, run: go(catalogTarget(entry)) })),
        ...searchPlaces(placeItems, text),
        { key: 'search', group: 'Evidence', name: `Search what customers said about “${text}”`, detail: 'Search page', run: go(`${paths.search(ws)}?q=${encodeURIComponent(text)}`) },
      ]
    : placeItems;
  const navigation = useListNavigation(items, (item) => item.run(), () => setOpen(false));
  const optionId = (index: number) => `${listId}-${index}`;

  return (
    <>
      <button type="button" className="palette-trigger" onClick={() => (setQuery(''), setOpen(true))} aria-keyshortcuts="Control+K Meta+K">
        <span aria-hidden="true">⌕</span> Jump to… <kbd className="keyboard-hint">Ctrl K</kbd>
      </button>
      <Dialog open={open} title="Jump to" onClose={() => setOpen(false)}>
        <p className="palette-scope muted">
          Names of things — tags, customers, companies, problems, pages, saved searches. To find what customers <em>said</em>, use Search.
        </p>
        <input
          className="input palette-input"
          {...navigation.comboboxProps(listId)}
          aria-label="Jump to"
          placeholder="Type a tag, a customer, a page…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            navigation.setActive(0);
          }}
        />
        <ul className="combobox-list palette-list" role="listbox" id={listId} aria-label="Results">
          {items.map((item, index) => (
            <li
              key={item.key}
              id={optionId(index)}
              role="option"
              aria-selected={index === navigation.active}
              className={`combobox-option${index === navigation.active ? ' active' : ''}${item.group === 'Evidence' ? ' palette-evidence' : ''}`}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => navigation.setActive(index)}
              onClick={item.run}
            >
              <span className="palette-group">{item.group}</span>
              <span className="combobox-name">{item.name}</span>
              {item.detail && <span className="combobox-detail">{item.detail}</span>}
            </li>
          ))}
        </ul>
      </Dialog>
      <KeyboardShortcuts open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}
