import { SearchPage } from '../../features/search/components/search-page';

/** `/w/:ws/search?q=…&kind=…`: full-text search of the workspace's evidence. */
export function SearchRoute() {
  return <SearchPage />;
}
