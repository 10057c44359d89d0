import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Dialog } from '../../../components/dialog';
import { refreshCatalog, useCatalogIndex, useListNavigation, type CatalogEntry, type CatalogMatch } from '../../../lib/catalog';
import { isTypingTarget, useDocumentKeyDown } from '../../../lib/keyboard';
import { paths } from '../../../lib/paths';
import { findPlaces, type Place } from '../places';
import { KeyboardShortcuts } from './keyboard-shortcuts';

type Item = Place & { key: string; group: string; run: () => void };
/** A page, a Settings page or a saved search: somewhere to go that the catalog does not name. */
export type PalettePlace = Place & { key: string; group: string; to: string };

const GROUP_OF: Record<CatalogEntry['type'], string> = { tag: 'Tags', customer: 'Customers', company: 'Companies', insight: 'Problems', backlogItem: 'Backlog' };
const CATALOG_RESULTS = 12;

/** A company found by an old name says so: the name it has now is not what was typed. */
const labelOf = (entry: CatalogMatch) => (entry.matchedAlias ? `${entry.name} — formerly ${entry.matchedAlias}` : entry.name);

/**
 * Results that arrive while the palette is open (the catalog's names after the pages, saved
 * searches) are listed around the one the person moved the selection to: it stays selected
 * wherever it moved, so Enter goes where they were about to go. The first result, selected by
 * default, is no choice: the new first one takes its place. A new query selects the first again.
 */
function useSelectionKept(items: Item[], text: string, navigation: { active: number; setActive: (index: number) => void }) {
  const shown = useRef<{ items: Item[]; text: string; key: string | undefined }>(undefined);
  useLayoutEffect(() => {
    const before = shown.current;
    const chosen = before && before.items !== items && before.text === text && navigation.active > 0;
    const moved = chosen ? items.findIndex((item) => item.key === before.key) : -1;
    if (moved >= 0 && moved !== navigation.active) navigation.setActive(moved);
    shown.current = { items, text, key: items[moved >= 0 ? moved : navigation.active]?.key };
  });
}

/** While the catalog's names are not there to search, a line under the results says so; pages are found all the same. */
function catalogStatus(isPending: boolean, error: Error | null) {
  if (error) return 'Tags, customers and problems could not be loaded: only pages and saved searches are found.';
  if (isPending) return 'Loading tags, customers and problems…';
  return null;
}

/**
 * Ctrl/⌘-K: jump to any tag, customer, company, problem, backlog item, page or saved search by
 * name, searched in the browser over the workspace catalog and the places the shell hands in.
 * Every word typed must match. Places are found at once; the catalog's names join them once it
 * has loaded, after a page whose name begins with what was typed. What customers *said* is
 * searched on the Search page; the last option hands the query over to it.
 */
export function CommandPalette({ ws, places }: { ws: string; places: PalettePlace[] }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const listId = useId();
  const { search, isPending, error } = useCatalogIndex(ws);
  const [open, setOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [query, setQuery] = useState('');

  const openPalette = () => {
    setQuery('');
    navigation.setActive(0);
    setOpen(true);
    // A catalog that failed to load is asked for again, each time the palette opens.
    if (error) void refreshCatalog(queryClient, ws);
  };
  useDocumentKeyDown((event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      openPalette();
    } else if (event.key === '?' && !isTypingTarget(event.target) && !document.querySelector('dialog[open]')) {
      event.preventDefault();
      setHelpOpen(true);
    }
  });

  const go = (to: string) => () => {
    setOpen(false);
    navigate(to);
  };
  // New list objects only when what they are made of changes: useSelectionKept reads a new list as results that arrived, not as a key pressed.
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
  const items = useMemo<Item[]>(() => {
    if (!text) return placeItems;
    const catalogTarget = (entry: CatalogEntry) =>
      ({
        tag: `${paths.highlights(ws)}?tagId=${entry.id}`,
        customer: paths.customer(ws, entry.id),
        company: paths.company(ws, entry.id),
        insight: paths.problem(ws, entry.id),
        backlogItem: paths.backlogItem(ws, entry.id),
      })[entry.type];
    const { leading, others } = findPlaces(placeItems, text);
    return [
      ...leading,
      ...search(text, { limit: CATALOG_RESULTS, everyWord: true }).map((entry) => ({ key: entry.key, group: GROUP_OF[entry.type], name: labelOf(entry), detail: entry.detail, run: go(catalogTarget(entry)) })),
      ...others,
      { key: 'search', group: 'Evidence', name: `Search what customers said about “${text}”`, detail: 'Search page', run: go(`${paths.search(ws)}?q=${encodeURIComponent(text)}`) },
    ];
  }, [text, placeItems, search, ws, navigate]);
  const navigation = useListNavigation(items, (item) => item.run(), () => setOpen(false));
  useSelectionKept(items, text, navigation);
  const optionId = (index: number) => `${listId}-${index}`;
  const status = text ? catalogStatus(isPending, error) : null;

  return (
    <>
      <button type="button" className="palette-trigger" onClick={openPalette} aria-keyshortcuts="Control+K Meta+K">
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
        <div role="status">{status && <p className="combobox-empty">{status}</p>}</div>
      </Dialog>
      <KeyboardShortcuts open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}
