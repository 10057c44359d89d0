import type { QueryClient } from '@tanstack/react-query';
import { refreshCatalog } from '../../../lib/catalog';

/**
 * A tag change shows up wherever tags do: the codebook, the catalog (pickers, palette) and
 * highlights, whose tag lists carry names and colours.
 */
export function afterTagChange(queryClient: QueryClient, ws: string) {
  void queryClient.invalidateQueries({ queryKey: ['tags', ws] });
  void queryClient.invalidateQueries({ queryKey: ['highlights', ws] });
  void queryClient.invalidateQueries({ queryKey: ['sources', ws] });
  void refreshCatalog(queryClient, ws);
}
