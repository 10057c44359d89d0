import { Button } from '../../../components/button';
import { DateRangeFields } from '../../../components/date-range-fields';
import { Field, Select } from '../../../components/field';
import { FiltersDisclosure } from '../../../components/filters-disclosure';
import { SourceKindSelect } from '../../../components/source-kind-select';
import type { SourceFilterChange, SourceFilters } from '../api/list-sources';
import { useRecentImports } from '../api/list-recent-imports';
import { CustomerFilter } from './customer-filter';
import { ScoreFilter } from './score-filter';
import { describeImportChoice } from '../../../lib/import-words';
import { NARROW_SCREEN, useMediaQuery } from '../../../lib/media-query';
import { countSourceFilters } from '../lib/source-filters';

type SourceFilterBarProps = {
  ws: string;
  filters: SourceFilters;
  onChange: (change: SourceFilterChange) => void;
  onClear: () => void;
};

/**
 * Kind, customer, import, dates, score, not triaged yet and trash; the page keeps them in its URL.
 * On a narrow screen they fold behind a Filters button, as Search's do: open, they filled a phone's first screen.
 */
export function SourceFilterBar({ ws, filters, onChange, onClear }: SourceFilterBarProps) {
  const imports = useRecentImports(ws);
  const chosenImportMissing = filters.importId && !imports.data?.items.some((item) => item.id === filters.importId);
  const narrow = useMediaQuery(NARROW_SCREEN);

  const bar = (
    <form className="card source-filters" role="search" aria-label="Filter sources" onSubmit={(event) => event.preventDefault()}>
      <SourceKindSelect label="Kind" value={filters.kind} onChange={(kind) => onChange({ kind })} />
      <CustomerFilter ws={ws} customerId={filters.customerId} onChange={(id) => onChange({ customerId: id })} />
      <Field label="Import">
        {(props) => (
          <Select {...props} value={filters.importId ?? ''} onChange={(event) => onChange({ importId: event.target.value || undefined })}>
            <option value="">Any import</option>
            {chosenImportMissing && <option value={filters.importId}>One import</option>}
            {imports.data?.items.map((item) => (
              <option key={item.id} value={item.id}>
                {describeImportChoice(item)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <DateRangeFields label="Date" range={{ from: filters.from, to: filters.to }} onChange={(range) => onChange({ from: range.from, to: range.to })} />
      <ScoreFilter
        scoreMin={filters.scoreMin}
        scoreMax={filters.scoreMax}
        scoreScale={filters.scoreScale}
        importScale={filters.importId ? imports.data?.items.find((item) => item.id === filters.importId)?.scoreScale : undefined}
        onChange={onChange}
      />
      <div className="source-filter-toggles">
        <label className="checkbox">
          <input type="checkbox" checked={filters.untriaged === 'true'} onChange={(event) => onChange({ untriaged: event.target.checked ? 'true' : undefined })} /> Not triaged yet
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={filters.trash === 'true'} onChange={(event) => onChange({ trash: event.target.checked ? 'true' : undefined })} /> Trash
        </label>
      </div>
      {Object.keys(filters).length > 0 && (
        <Button size="sm" variant="ghost" onClick={onClear}>
          Clear filters
        </Button>
      )}
    </form>
  );
  return narrow ? <FiltersDisclosure active={countSourceFilters(filters)}>{bar}</FiltersDisclosure> : bar;
}
