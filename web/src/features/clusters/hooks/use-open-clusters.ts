import { useMemo } from 'react';
import { useUrlParams } from '../../../lib/use-url-params';


const idsOf = (value: string | null) => new Set(value ? value.split(',').filter(Boolean) : []);

/**
 * Which clusters are open, and which of those show every member, kept in the URL (`?open=…&all=…`):
 * back from a member in the reader, the run is as it was left, open where it was being read.
 * Opening and closing replace the entry, so Back still leaves the run.
 */
export function useOpenClusters() {
  const [params, setParams] = useUrlParams();
  const openParam = params.get('open');
  const allParam = params.get('all');
  const open = useMemo(() => idsOf(openParam), [openParam]);
  const all = useMemo(() => idsOf(allParam), [allParam]);

  const write = (change: { open?: Set<string>; all?: Set<string> }) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, ids] of Object.entries(change)) {
          if (ids.size) next.set(name, [...ids].join(','));
          else next.delete(name);
        }
        return next;
      },
      { replace: true },
    );

  return {
    isOpen: (id: string) => open.has(id),
    /** Closed, a cluster also goes back to its best members. */
    toggle: (id: string) => {
      const nextOpen = new Set(open);
      const nextAll = new Set(all);
      if (nextOpen.delete(id)) nextAll.delete(id);
      else nextOpen.add(id);
      write({ open: nextOpen, all: nextAll });
    },
    showsAll: (id: string) => all.has(id),
    showAll: (id: string) => write({ all: new Set([...all, id]) }),
  };
}
