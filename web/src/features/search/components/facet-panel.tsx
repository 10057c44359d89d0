import { useId } from 'react';
import type { SearchCount, SearchFacets, SearchFacetsWithout, SearchResultType } from '@cairn/shared';
import { DateRangeFields } from '../../../components/date-range-fields';
import { FiltersDisclosure } from '../../../components/filters-disclosure';
import { facetView, type FacetRow } from '../lib/facet-view';
import { toggleValue, type ListFilter, type SearchState } from '../search-params';

export type FacetPanelProps = {
  state: SearchState;
  /** The first page's facets, counted on its first window. */
  facets: SearchFacets | undefined;
  /** The exact count's answer, whose facets (counted on every match) replace the page's. */
  counted?: SearchCount | undefined;
  /** The exact count is on its way. */
  counting?: boolean;
  /** A tag's name, for a tag filter no result carries. */
  tagName?: (id: string) => string | undefined;
  /** The first page's `facetsWithout`: each facet in use counted without its own filter, the values to tick beside those ticked. */
  without?: SearchFacetsWithout;
  onChange: (next: SearchState) => void;
  /** Behind a Filters button, closed at first: on a phone the open panel pushed the first result below the fold. */
  collapsible?: boolean;
};

/** The filters this panel sets, which its Filters button counts; a customer filter comes from elsewhere (a link) and is not set here. */
const PANEL_FILTERS = ['type', 'kind', 'tagId', 'segment', 'from', 'to'] as const;

const TYPES: Array<{ value: SearchResultType | undefined; label: string }> = [
  { value: undefined, label: 'Everything' },
  { value: 'source', label: 'Sources' },
  { value: 'highlight', label: 'Highlights' },
];

const noName = () => undefined;

/** A count, or "~" and the count when it is a sample's (read out as "about"). */
function FacetCount({ count, approximate }: { count: number; approximate: boolean }) {
  return (
    <span className="facet-count">
      {approximate && (
        <>
          <span aria-hidden="true">~</span>
          <span className="visually-hidden">about </span>
        </>
      )}
      {count.toLocaleString()}
    </span>
  );
}

function FacetButton({ label, active, onClick }: { label: string; active: boolean; onClick: () => void }) {
  return (
    <li>
      <button type="button" className={`facet${active ? ' facet-active' : ''}`} aria-pressed={active} onClick={onClick}>
        <span>{label}</span>
      </button>
    </li>
  );
}

/** A value of a facet as a checkbox with its count: ticked, it is one of the values a match may have. */
function FacetCheckbox({ label, count, approximate, checked, onChange }: { label: string; count: number | undefined; approximate: boolean; checked: boolean; onChange: () => void }) {
  return (
    <li>
      <label className={`facet facet-check${checked ? ' facet-active' : ''}`}>
        <span className="facet-check-label">
          <input type="checkbox" checked={checked} onChange={onChange} />
          {label}
        </span>
        {count !== undefined && <FacetCount count={count} approximate={approximate} />}
      </label>
    </li>
  );
}

/** One facet's checkboxes under its title, with Clear while any is ticked. */
function FacetSection({ title, rows, approximate, onToggle, onClear }: { title: string; rows: FacetRow[]; approximate: boolean; onToggle: (row: FacetRow) => void; onClear: () => void }) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <div className="facet-heading">
        <h2 className="facet-title" id={titleId}>
          {title}
        </h2>
        {rows.some((row) => row.active) && (
          <button type="button" className="btn btn-ghost btn-sm facet-clear" aria-label={`Clear ${title.toLowerCase()}`} onClick={onClear}>
            Clear
          </button>
        )}
      </div>
      <ul className="facet-list">
        {rows.map((row) => (
          <FacetCheckbox key={row.value} label={row.label} count={row.count} approximate={row.approximate ?? approximate} checked={row.active} onChange={() => onToggle(row)} />
        ))}
      </ul>
    </section>
  );
}

/**
 * Filters with the counts of the current search. Kinds, tags and segments are checkboxes: a
 * match has any value ticked in a facet, and passes every facet (OR within, AND across), each
 * facet with its Clear; a facet in use counts its values as the search without it (`without`). The counts are the first page's until the exact count brings its own,
 * which take the same rows (`facetView`): the panel keeps its shape while the numbers change.
 */
export function FacetPanel({ state, facets, counted, counting = false, tagName = noName, without, onChange, collapsible = false }: FacetPanelProps) {
  const view = facetView({ state, page: facets, counted, counting, tagName, without });
  const toggle = (key: ListFilter) => (row: FacetRow) => onChange(toggleValue(state, key, row.value));
  // Tags live on highlights, so a tag filter shows highlights.
  const toggleTag = (row: FacetRow) => {
    const next = toggleValue(state, 'tagId', row.value);
    onChange({ ...next, type: next.tagId && state.type === 'source' ? undefined : state.type });
  };
  const clear = (key: ListFilter) => () => onChange({ ...state, [key]: undefined });
  const section = (title: string, key: ListFilter, rows: FacetRow[], onToggle = toggle(key)) => (
    <FacetSection title={title} rows={rows} approximate={view.approximate} onToggle={onToggle} onClear={clear(key)} />
  );
  const filters = (
    <>
      <section>
        <h2 className="facet-title">Show</h2>
        <ul className="facet-list">
          {TYPES.map((type) => (
            <FacetButton key={type.label} label={type.label} active={state.type === type.value} onClick={() => onChange({ ...state, type: type.value })} />
          ))}
        </ul>
      </section>
      {section('Kind', 'kind', view.kind)}
      {view.tag.length > 0 && section('Tag (highlights)', 'tagId', view.tag, toggleTag)}
      {view.segment.length > 0 && section('Segment', 'segment', view.segment)}
      <section className="facet-dates">
        <h2 className="facet-title">Date</h2>
        <DateRangeFields label="Date" range={{ from: state.from, to: state.to }} onChange={(range) => onChange({ ...state, from: range.from, to: range.to })} />
      </section>
      {view.note && <p className="facet-note">{view.note}</p>}
    </>
  );
  if (!collapsible) {
    return (
      <aside className="search-facets" aria-label="Filters">
        {filters}
      </aside>
    );
  }
  return (
    <FiltersDisclosure active={PANEL_FILTERS.filter((key) => state[key]).length} className="search-filters-collapsed" panelClassName="search-facets">
      {filters}
    </FiltersDisclosure>
  );
}
