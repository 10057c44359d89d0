import { useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { INSIGHT_STATUSES, INSIGHT_TYPES, type Insight } from '@cairn/shared';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Field, Select } from '../../../components/field';
import { Loading } from '../../../components/spinner';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { useInsights } from '../api/list-insights';
import { buildInsightTree, countMatches, filterInsightTree, type InsightNode } from '../lib/insight-tree';
import { childTypeOf, INSIGHT_STATUS_LABELS } from '../lib/labels';
import { oneOf } from '../lib/params';
import { InsightStatusBadge, InsightTypeBadge } from './badges';

/** The evidence behind a row, and the customers behind that. */
function Counts({ insight }: { insight: Insight }) {
  return (
    <>
      <span className="insight-count" title="Highlights linked as evidence">
        {countOf(insight.evidenceCount, 'highlight')}
      </span>
      <span className="insight-count" title="Distinct customers behind the evidence">
        {countOf(insight.customerCount, 'customer')}
      </span>
    </>
  );
}

type NodeProps = {
  ws: string;
  node: InsightNode;
  /** How deep in the tree: the row indents its first column by as much. */
  depth: number;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onAddChild?: (parent: Insight) => void;
};

function TreeNode({ ws, node, depth, collapsed, onToggle, onAddChild }: NodeProps) {
  const { insight, children } = node;
  const open = !collapsed.has(insight.id);
  const childType = childTypeOf(insight.type);
  const childrenId = `insight-children-${insight.id}`;
  return (
    <li className="insight-node" data-id={insight.id}>
      <div className={`insight-row${node.context ? ' insight-context' : ''}`} style={{ '--depth': depth } as CSSProperties}>
        {children.length > 0 ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={open}
            aria-controls={childrenId}
            aria-label={`${open ? 'Collapse' : 'Expand'} “${insight.title}”`}
            onClick={() => onToggle(insight.id)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="tree-toggle" aria-hidden="true" />
        )}
        <InsightTypeBadge type={insight.type} />
        <div className="insight-row-main">
          <Link className="insight-row-title" to={paths.problem(ws, insight.id)} aria-expanded={children.length ? open : undefined}>
            {insight.title}
          </Link>
          {insight.statement && <span className="insight-row-statement muted">{insight.statement}</span>}
        </div>
        <InsightStatusBadge status={insight.status} />
        <Counts insight={insight} />
        <span className="insight-row-actions">
          {onAddChild && childType && !node.context && (
            <Button size="sm" variant="ghost" onClick={() => onAddChild(insight)} aria-label={`Add ${INSIGHT_TYPE_LABELS[childType].one.toLowerCase()} under “${insight.title}”`}>
              + {INSIGHT_TYPE_LABELS[childType].one}
            </Button>
          )}
        </span>
      </div>
      {children.length > 0 && open && (
        <ul id={childrenId} className="insight-children" aria-label={`Under “${insight.title}”`}>
          {children.map((child) => (
            <TreeNode key={child.insight.id} ws={ws} node={child} depth={depth + 1} collapsed={collapsed} onToggle={onToggle} onAddChild={onAddChild} />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * Moves between rows by their titles, as in a tree view: ↑/↓ to the row above or below, → opens
 * a row (or goes to its first child), ← closes it (or goes to its parent), Home/End.
 */
function onTreeKeyDown(event: KeyboardEvent<HTMLElement>, collapsed: ReadonlySet<string>, onToggle: (id: string) => void) {
  const title = (event.target as HTMLElement).closest<HTMLAnchorElement>('a.insight-row-title');
  if (!title || event.altKey || event.ctrlKey || event.metaKey) return;
  const titles = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a.insight-row-title')];
  const index = titles.indexOf(title);
  const node = title.closest<HTMLElement>('li.insight-node')!;
  const id = node.dataset.id!;
  const hasChildren = title.hasAttribute('aria-expanded');
  /** Opens or closes this row's branch, focus staying where it is. */
  const toggleHere = () => {
    onToggle(id);
    return null;
  };
  const moves: Record<string, () => HTMLElement | null | undefined> = {
    ArrowDown: () => titles[index + 1],
    ArrowUp: () => titles[index - 1],
    Home: () => titles[0],
    End: () => titles.at(-1),
    ArrowRight: () => (!hasChildren ? null : collapsed.has(id) ? toggleHere() : titles[index + 1]),
    ArrowLeft: () => (hasChildren && !collapsed.has(id) ? toggleHere() : node.parentElement?.closest<HTMLElement>('li.insight-node')?.querySelector<HTMLElement>('a.insight-row-title')),
  };
  const move = moves[event.key];
  if (!move) return;
  event.preventDefault();
  move()?.focus();
}

/** The insights with a branch under them: filtered, each such branch leads to a match. */
function branchIds(nodes: readonly InsightNode[]): string[] {
  return nodes.flatMap((node) => (node.children.length ? [node.insight.id, ...branchIds(node.children)] : []));
}

type ProblemTreeProps = {
  ws: string;
  /** Adds an opportunity under a problem, a solution under an opportunity; absent for members who may not. */
  onAddChild?: (parent: Insight) => void;
  /** Opens "New problem" from the empty state; absent for members who may not. */
  onNewProblem?: () => void;
};

/**
 * The opportunity-solution tree: problems, the opportunities under each, the solutions under
 * those, with the evidence and customers behind each. Filtered by status and type in the URL;
 * a match keeps its ancestors, dimmed, so that it is never shown out of place.
 */
export function ProblemTree({ ws, onAddChild, onNewProblem }: ProblemTreeProps) {
  const insights = useInsights(ws);
  const [params, setParams] = useSearchParams();
  const status = oneOf(INSIGHT_STATUSES, params.get('status'));
  const type = oneOf(INSIGHT_TYPES, params.get('type'));
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const tree = useMemo(() => buildInsightTree(insights.data ?? []), [insights.data]);
  const shown = useMemo(
    () => (status || type ? filterInsightTree(tree, (insight) => (!status || insight.status === status) && (!type || insight.type === type)) : tree),
    [tree, status, type],
  );
  // New filters open the branches leading to their matches: a branch left collapsed would show
  // only its dimmed parent, hiding the very match.
  const filters = `${status}/${type}`;
  const [openedFor, setOpenedFor] = useState(filters);
  if (openedFor !== filters) {
    setOpenedFor(filters);
    const leadingToMatches = new Set(branchIds(shown));
    if (status || type) setCollapsed((current) => new Set([...current].filter((id) => !leadingToMatches.has(id))));
  }

  const setFilter = (key: 'status' | 'type', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  if (insights.isPending) return <Loading label="Loading problems…" />;
  if (!insights.data) return <ErrorMessage error={insights.error} />;
  if (!insights.data.length) {
    return (
      <EmptyState
        title="No problems yet"
        icon="◆"
        action={
          onNewProblem && (
            <Button variant="primary" onClick={onNewProblem}>
              New problem
            </Button>
          )
        }
      >
        <p>Group highlights into the problems your customers have, each backed by the quotes and customers behind it.</p>
        <p>
          Select a passage in a source and press <kbd>l</kbd>, or select results on the Search or Highlights page and choose <strong>Link to problem or backlog…</strong>.
          Then add the opportunities each problem opens, and the solutions to them.
        </p>
      </EmptyState>
    );
  }

  const matches = countMatches(shown);
  const parentIds = [...new Set(insights.data.flatMap((insight) => (insight.parentId ? [insight.parentId] : [])))];
  return (
    <div className="stack">
      <form className="card insight-filters" role="search" aria-label="Filter problems" onSubmit={(event) => event.preventDefault()}>
        <Field label="Status">
          {(props) => (
            <Select {...props} value={status ?? ''} onChange={(event) => setFilter('status', event.target.value)}>
              <option value="">Any status</option>
              {INSIGHT_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {INSIGHT_STATUS_LABELS[value]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Type">
          {(props) => (
            <Select {...props} value={type ?? ''} onChange={(event) => setFilter('type', event.target.value)}>
              <option value="">Problems, opportunities and solutions</option>
              {INSIGHT_TYPES.map((value) => (
                <option key={value} value={value}>
                  {INSIGHT_TYPE_LABELS[value].many}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <p className="muted insight-filter-count" aria-live="polite">
          {status || type ? `${matches} of ${insights.data.length} match` : countOf(insights.data.length, 'insight')}
        </p>
        {parentIds.length > 0 && (
          <span className="row">
            <Button size="sm" variant="ghost" onClick={() => setCollapsed(new Set())} disabled={!collapsed.size}>
              Expand all
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setCollapsed(new Set(parentIds))}>
              Collapse all
            </Button>
          </span>
        )}
      </form>
      {shown.length ? (
        <>
          <ul className="insight-tree card" aria-label="Problems, opportunities and solutions" onKeyDown={(event) => onTreeKeyDown(event, collapsed, toggle)}>
            {shown.map((node) => (
              <TreeNode key={node.insight.id} ws={ws} node={node} depth={0} collapsed={collapsed} onToggle={toggle} onAddChild={onAddChild} />
            ))}
          </ul>
          <p className="muted small">
            <kbd>↑</kbd> <kbd>↓</kbd> move between rows · <kbd>←</kbd> <kbd>→</kbd> close and open a branch · <kbd>Enter</kbd> opens
          </p>
        </>
      ) : (
        <EmptyState title="Nothing matches these filters" icon="◇" action={<Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>Clear filters</Button>}>
          Dimmed rows are shown only as the context of a match: try another status or type.
        </EmptyState>
      )}
    </div>
  );
}
