import { useId, useState, type ReactNode } from 'react';
import type { SearchFacets, SearchResultType } from '@cairn/shared';
import { Field, TextInput } from '../../../components/field';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import type { SearchState } from '../search-params';

type Props = {
  state: SearchState;
  facets: SearchFacets | undefined;
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

function FacetButton({ label, count, active, onClick }: { label: string; count?: number; active: boolean; onClick: () => void }) {
  return (
    <li>
      <button type="button" className={`facet${active ? ' facet-active' : ''}`} aria-pressed={active} onClick={onClick}>
        <span>{label}</span>
        {count !== undefined && <span className="facet-count">{count.toLocaleString()}</span>}
      </button>
    </li>
  );
}

/** Filters with the counts of the current search; clicking a value filters by it, clicking it again clears it. */
export function FacetPanel({ state, facets, onChange, collapsible = false }: Props) {
  const toggle = <K extends 'kind' | 'tagId' | 'segment'>(key: K, value: SearchState[K]) => onChange({ ...state, [key]: state[key] === value ? undefined : value });
  // Tags live on highlights, so a tag filter shows highlights.
  const toggleTag = (tagId: string) => onChange({ ...state, tagId: state.tagId === tagId ? undefined : tagId, type: state.type === 'source' ? undefined : state.type });
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
        <ul className="facet-list">
          {(Object.keys(SOURCE_KIND_LABELS) as Array<keyof typeof SOURCE_KIND_LABELS>)
            .filter((kind) => facets?.kind[kind] || state.kind === kind)
            .map((kind) => (
              <FacetButton key={kind} label={SOURCE_KIND_LABELS[kind].many} count={facets?.kind[kind]} active={state.kind === kind} onClick={() => toggle('kind', kind)} />
            ))}
        </ul>
      </section>
      {Boolean(facets?.tag.length) && (
        <section>
          <h2 className="facet-title">Tag (highlights)</h2>
          <ul className="facet-list">
            {facets!.tag.slice(0, 12).map((tag) => (
              <FacetButton key={tag.id} label={tag.name} count={tag.count} active={state.tagId === tag.id} onClick={() => toggleTag(tag.id)} />
            ))}
          </ul>
        </section>
      )}
      {Boolean(facets && Object.keys(facets.segment).length) && (
        <section>
          <h2 className="facet-title">Segment</h2>
          <ul className="facet-list">
            {Object.entries(facets!.segment).map(([segment, count]) => (
              <FacetButton key={segment} label={segment} count={count} active={state.segment === segment} onClick={() => toggle('segment', segment)} />
            ))}
          </ul>
        </section>
      )}
      <section className="facet-dates">
        <h2 className="facet-title">Date</h2>
        <Field label="From">{(props) => <TextInput {...props} type="date" value={state.from ?? ''} onChange={(e) => onChange({ ...state, from: e.target.value || undefined })} />}</Field>
        <Field label="To">{(props) => <TextInput {...props} type="date" value={state.to ?? ''} onChange={(e) => onChange({ ...state, to: e.target.value || undefined })} />}</Field>
      </section>
      {facets && !facets.exact && (
        <p className="facet-note">Counted on the first {facets.sampleSize.toLocaleString()} candidates, not every match.</p>
      )}
    </>
  );
  if (!collapsible) {
    return (
      <aside className="search-facets" aria-label="Filters">
        {filters}
      </aside>
    );
  }
  return <FiltersDisclosure active={PANEL_FILTERS.filter((key) => state[key]).length}>{filters}</FiltersDisclosure>;
}

/** A disclosure: the Filters button says how many are set, so that a closed panel still tells the results are filtered. */
function FiltersDisclosure({ active, children }: { active: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <aside className="search-filters-collapsed" aria-label="Filters">
      <button type="button" className="btn btn-sm" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        <span className="search-filters-caret" aria-hidden="true">
          {open ? '▴' : '▾'}
        </span>
        Filters
        {active > 0 && (
          <>
            {' '}· {active}
            <span className="visually-hidden"> active</span>
          </>
        )}
      </button>
      <div id={id} className="search-facets" hidden={!open}>
        {children}
      </div>
    </aside>
  );
}
