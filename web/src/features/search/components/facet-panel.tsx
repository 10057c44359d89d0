import type { SearchCount, SearchFacets, SearchResultType } from '@cairn/shared';
import { DateRangeFields } from '../../../components/date-range-fields';
import { FiltersDisclosure } from '../../../components/filters-disclosure';
import { facetView, type FacetRow } from '../lib/facet-view';
import type { SearchState } from '../search-params';

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

function FacetButton({ label, count, approximate = false, active, onClick }: { label: string; count?: number | undefined; approximate?: boolean; active: boolean; onClick: () => void }) {
  return (
    <li>
      <button type="button" className={`facet${active ? ' facet-active' : ''}`} aria-pressed={active} onClick={onClick}>
        <span>{label}</span>
        {count !== undefined && <FacetCount count={count} approximate={approximate} />}
      </button>
    </li>
  );
}

/**
 * Filters with the counts of the current search; clicking a value filters by it, clicking it
 * again clears it. The counts are the first page's until the exact count brings its own, which
 * take the same rows (`facetView`): the panel keeps its shape while the numbers change.
 */
export function FacetPanel({ state, facets, counted, counting = false, tagName = noName, onChange, collapsible = false }: FacetPanelProps) {
  const view = facetView({ state, page: facets, counted, counting, tagName });
  const toggle = <K extends 'kind' | 'tagId' | 'segment'>(key: K, row: FacetRow) => onChange({ ...state, [key]: row.active ? undefined : row.value });
  // Tags live on highlights, so a tag filter shows highlights.
  const toggleTag = (row: FacetRow) => onChange({ ...state, tagId: row.active ? undefined : row.value, type: state.type === 'source' ? undefined : state.type });
  const rows = (list: FacetRow[], onClick: (row: FacetRow) => void) =>
    list.map((row) => <FacetButton key={row.value} label={row.label} count={row.count} approximate={view.approximate} active={row.active} onClick={() => onClick(row)} />);
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
      <section>
        <h2 className="facet-title">Kind</h2>
        <ul className="facet-list">{rows(view.kind, (row) => toggle('kind', row))}</ul>
      </section>
      {view.tag.length > 0 && (
        <section>
          <h2 className="facet-title">Tag (highlights)</h2>
          <ul className="facet-list">{rows(view.tag, toggleTag)}</ul>
        </section>
      )}
      {view.segment.length > 0 && (
        <section>
          <h2 className="facet-title">Segment</h2>
          <ul className="facet-list">{rows(view.segment, (row) => toggle('segment', row))}</ul>
        </section>
      )}
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
