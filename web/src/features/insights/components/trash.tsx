import { useMemo, type ComponentProps, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Insight } from '@cairn/shared';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Loading } from '../../../components/spinner';
import { useDismissUndoOfLeaving } from '../../../components/toast';
import { TrashRows, type TrashExtras } from '../../../components/trash-rows';
import { useCatalog } from '../../../lib/catalog';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { useBacklogItems } from '../api/list-backlog-items';
import { useTrashedInsights } from '../api/list-insights';
import { useRestoreBacklogItem } from '../api/restore-backlog-item';
import { useRestoreInsight } from '../api/restore-insight';
import { describeMergeUndo } from '../lib/merge';
import { BacklogStatusBadge, InsightStatusBadge, InsightTypeBadge } from './badges';

/** Whether the page shows its trash (`?view=trash`): a link can open it, and Back leaves it. */
export function useTrashView(): boolean {
  const [params] = useSearchParams();
  return params.get('view') === 'trash';
}

type TrashTabsProps = {
  /** The page, to name the tabs for screen readers: "Problems". */
  page: string;
  /** The page's own view: its tab's label and address. */
  main: { label: string; to: string };
  trashTo: string;
};

/** The page's own view and its trash, as tabs (links, so each view has its address and Tab reaches them). */
export function TrashTabs({ page, main, trashTo }: TrashTabsProps) {
  const inTrash = useTrashView();
  const tab = (label: string, to: string, active: boolean) => (
    <Link to={to} className={`tab${active ? ' active' : ''}`} aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  );
  return (
    <nav aria-label={`${page} views`} className="tabs">
      {tab(main.label, main.to, !inTrash)}
      {tab('Trash', trashTo, inTrash)}
    </nav>
  );
}

type Titled = { id: string; title: string; deletedAt: string | null };

type PagedTrash<T> = {
  isPending: boolean;
  data?: { pages: Array<{ items: T[] }> };
  error: Error | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

type TrashListProps<T extends Titled> = Omit<ComponentProps<typeof TrashRows<T>>, 'items' | 'titleOf'> & {
  trash: PagedTrash<T>;
  empty: ReactNode;
};

/** Trashed items, most recently trashed first, a page at a time, or what the trash is for when it is empty. */
function TrashList<T extends Titled>({ trash, empty, ...rows }: TrashListProps<T>) {
  const loaded = useMemo(() => trash.data?.pages.flatMap((page) => page.items), [trash.data]);
  useDismissUndoOfLeaving(loaded);
  const items = loaded ?? [];
  if (trash.isPending) return <Loading label="Loading the trash…" />;
  if (!trash.data) return <ErrorMessage error={trash.error} />;
  if (!items.length) return <>{empty}</>;
  return (
    <div className="stack">
      <TrashRows items={items} titleOf={(item) => item.title} {...rows} />
      <LoadMore query={trash} />
    </div>
  );
}

/** Problems, opportunities and solutions in the trash, each with the evidence and the parent it comes back with. */
export function InsightTrash({ ws, extras }: { ws: string; extras?: TrashExtras<Titled> }) {
  const trash = useTrashedInsights(ws);
  const restore = useRestoreInsight(ws);
  // Parents outside the trash, by name: the catalog holds them all, and is loaded by the app shell anyway.
  const catalog = useCatalog(ws);
  const parentTitle = (insight: Insight) => (insight.parentId ? catalog.data?.insights.find((candidate) => candidate.id === insight.parentId)?.title : undefined);
  const kind = (insight: Insight) => INSIGHT_TYPE_LABELS[insight.type].one.toLowerCase();
  return (
    <TrashList
      trash={trash}
      label="Problems, opportunities and solutions in the trash"
      intro="Restoring one brings back its evidence, its backlog links and what sits under it, counted here as they will be; one that was merged takes back what it gave the one it was merged into, as far as that one still has it. One whose parent is also in the trash comes back at the top of the tree until its parent is restored."
      empty={
        <EmptyState title="Nothing in the trash" icon="🗑">
          Trashed problems keep their evidence and links, and come back with them.
        </EmptyState>
      }
      describe={(insight) => {
        const parent = parentTitle(insight);
        return (
          <>
            <InsightTypeBadge type={insight.type} />
            <InsightStatusBadge status={insight.status} />
            {parent && <span className="muted small">under “{parent}”</span>}
            {insight.merge ? (
              <span className="muted small">{describeMergeUndo(insight.type, insight.merge)}</span>
            ) : (
              <span className="muted small">
                {countOf(insight.evidenceCount, 'highlight')} · {countOf(insight.customerCount, 'customer')}
              </span>
            )}
          </>
        );
      }}
      restore={restore}
      restoredMessage={(insight) => `Restored the ${kind(insight)} “${insight.title}”${insight.merge ? ` with what it gave “${insight.merge.into.title}”` : ''}`}
      pageOf={(insight) => paths.problem(ws, insight.id)}
      extras={extras}
    />
  );
}

/** Backlog items in the trash, each with the score and problems it comes back with. */
export function BacklogTrash({ ws, extras }: { ws: string; extras?: TrashExtras<Titled> }) {
  const trash = useBacklogItems(ws, { sort: 'recent', trash: true });
  const restore = useRestoreBacklogItem(ws);
  return (
    <TrashList
      trash={trash}
      label="Backlog items in the trash"
      intro="Restoring one brings back its evidence, its problems and its tracker key, and its rank with them: the scores here are those it comes back with."
      empty={
        <EmptyState title="Nothing in the trash" icon="🗑">
          Trashed backlog items keep their evidence and links, and come back with them.
        </EmptyState>
      }
      describe={(item) => (
        <>
          <BacklogStatusBadge status={item.status} />
          {item.externalKey && <span className="muted small">{item.externalKey}</span>}
          <span className="muted small">
            Score {item.score.total} · {countOf(item.score.customers, 'customer')} · {countOf(item.insightCount, 'problem')}
          </span>
        </>
      )}
      restore={restore}
      restoredMessage={(item) => `Restored “${item.title}”`}
      pageOf={(item) => paths.backlogItem(ws, item.id)}
      extras={extras}
    />
  );
}
