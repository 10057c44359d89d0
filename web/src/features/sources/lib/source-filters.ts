import type { SourceFilterKey, SourceFilters } from '../api/list-sources';

/** The filter bar's controls by the URL keys each sets: a date or score range is one filter, whichever of its bounds are set. */
const FILTER_CONTROLS: SourceFilterKey[][] = [['kind'], ['customerId'], ['importId'], ['from', 'to'], ['scoreMin', 'scoreMax', 'scoreScale'], ['untriaged'], ['trash']];

/** How many of the filter bar's controls are set, as its Filters button counts them. */
export function countSourceFilters(filters: SourceFilters): number {
  return FILTER_CONTROLS.filter((keys) => keys.some((key) => filters[key])).length;
}
