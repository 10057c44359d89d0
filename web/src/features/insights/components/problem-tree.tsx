import { useMemo, useState, type CSSProperties, type FocusEvent, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { INSIGHT_STATUSES, INSIGHT_TYPES, type EvidenceScore, type Insight, type InsightListItem } from '@cairn/shared';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { FiltersDisclosure } from '../../../components/filters-disclosure';
import { Field, Select, TextInput } from '../../../components/field';
import { Segmented } from '../../../components/segmented';
import { Loading } from '../../../components/spinner';
import { formatDate } from '../../../lib/dates';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { NARROW_SCREEN, useMediaQuery } from '../../../lib/media-query';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { useInsights } from '../api/list-insights';
import {
  backlogMarker,
  buildInsightTree,
  countByType,
  countMatches,
  filterInsightTree,
  INSIGHT_TREE_SORTS,
  isFiltered,
  matchesFilters,
  treeFiltersOf,
  treeMove,
  visibleRows,
  type InsightNode,
  type InsightTreeSort,
} from '../lib/insight-tree';
import { childTypeOf, INSIGHT_STATUS_LABELS } from '../lib/labels';
import { oneOf } from '../lib/params';
import { formatEvidenceAge, formatScore } from '../lib/score';
import { InsightStatusBadge, InsightTypeBadge } from './badges';
import { SCORE_RULE } from './score';
import { WhereToLinkEvidence } from './where-to-link-evidence';
import { useUrlParams } from '../../../lib/use-url-params';

/** The evidence behind a row, and the customers behind that; `id` names the two for the row's description. */
function Counts({ id, insight }: { id: string; insight: InsightListItem }) {
  return (
    <>
      <span id={`${id}-evidence`} className="insight-count" title="Highlights linked as evidence">
        {countOf(insight.evidenceCount, 'highlight')}
      </span>
      <span id={`${id}-customers`} className="insight-count" title="Distinct customers behind the evidence">
        {countOf(insight.customerCount, 'customer')}
      </span>
    </>
  );
}

/**
 * How recent and how strong a row's evidence is: its score (the backlog's) and when its newest
 * quote was said, the exact date on hover. Nothing for a row without evidence: its counts say so.
 */
function EvidenceRecency({ id, score }: { id: string; score: EvidenceScore }) {
  if (!score.lastEvidenceAt) return null;
  return (
    <span id={`${id}-recency`} className="muted small" title={SCORE_RULE}>
      Score {formatScore(score.total)} · last evidence{' '}
      <time dateTime={score.lastEvidenceAt} title={formatDate(score.lastEvidenceAt)}>
        {formatEvidenceAge(score.lastEvidenceAt)}
      </time>
    </span>
  );
}

/** Evidence first, as the backlog ranks: the tree is where the strongest problems are found. */
const SORTS: Array<[InsightTreeSort, string]> = [
  ['evidence', 'Evidence'],
  ['score', 'Score'],
  ['customers', 'Customers'],
  ['recent-evidence', 'Recent evidence'],
  ['newest', 'Newest'],
];

/** What every row of the tree is told. */
type TreeProps = {
  ws: string;
  collapsed: ReadonlySet<string>;
  /** The row that is the tree's one Tab stop. */
  tabStop: string | undefined;
  onToggle: (id: string) => void;
  onAddChild?: (parent: Insight) => void;
};

type NodeProps = TreeProps & {
  node: InsightNode;
  /** How deep in the tree: the row indents its first column by as much. */
  depth: number;
  /** The row's place among its siblings, from 1, and how many they are. */
  position: number;
  siblings: number;
};

/** Sibling rows, each told its place among them. */
function TreeNodes({ nodes, depth, ...tree }: TreeProps & { nodes: readonly InsightNode[]; depth: number }) {
  return nodes.map((node, index) => <TreeNode key={node.insight.id} {...tree} node={node} depth={depth} position={index + 1} siblings={nodes.length} />);
}

/**
 * A treeitem, named by its title and described by its type, status, counts and statement. Its
 * title links for the mouse and its toggle is for the mouse only: the keyboard has the row itself.
 * The add button is in the Tab order only on the row that is.
 */
function TreeNode({ node, depth, position, siblings, ...tree }: NodeProps) {
  const { ws, collapsed, tabStop, onToggle, onAddChild } = tree;
  const { insight, children } = node;
  const open = !collapsed.has(insight.id);
  const childType = childTypeOf(insight.type);
  const id = `insight-node-${insight.id}`;
  const isTabStop = insight.id === tabStop;
  const onBacklog = backlogMarker(node);
  const described = [
    `${id}-type`,
    `${id}-status`,
    `${id}-evidence`,
    `${id}-customers`,
    insight.score.lastEvidenceAt && `${id}-recency`,
    onBacklog && `${id}-backlog`,
    insight.statement && `${id}-statement`,
  ];
  return (
    <li
      id={id}
      className="insight-node"
      data-id={insight.id}
      role="treeitem"
      tabIndex={isTabStop ? 0 : -1}
      aria-level={depth + 1}
      aria-posinset={position}
      aria-setsize={siblings}
      aria-expanded={children.length ? open : undefined}
      aria-labelledby={`${id}-title`}
      aria-describedby={described.filter(Boolean).join(' ')}
    >
      <div className={`insight-row${node.context ? ' insight-context' : ''}`} style={{ '--depth': depth } as CSSProperties}>
        {children.length > 0 ? (
          <button type="button" className="tree-toggle" tabIndex={-1} aria-hidden="true" onClick={() => onToggle(insight.id)}>
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="tree-toggle" aria-hidden="true" />
        )}
        <InsightTypeBadge id={`${id}-type`} type={insight.type} />
        <div className="insight-row-main">
          <Link id={`${id}-title`} className="insight-row-title" to={paths.problem(ws, insight.id)} tabIndex={-1}>
            {insight.title}
          </Link>
          {insight.statement && (
            <span id={`${id}-statement`} className="insight-row-statement muted">
              {insight.statement}
            </span>
          )}
          <EvidenceRecency id={id} score={insight.score} />
          {onBacklog && (
            <span
              id={`${id}-backlog`}
              className="badge insight-row-backlog"
              title={node.backlog === 'family' ? 'Linked to no backlog item itself: an insight above or below it is' : 'Linked to backlog items outside the trash'}
            >
              {onBacklog}
            </span>
          )}
        </div>
        <InsightStatusBadge id={`${id}-status`} status={insight.status} />
        <Counts id={id} insight={insight} />
        <span className="insight-row-actions">
          {onAddChild && childType && !node.context && (
            <Button
              size="sm"
              variant="ghost"
              tabIndex={isTabStop ? 0 : -1}
              onClick={() => onAddChild(insight)}
              aria-label={`Add ${INSIGHT_TYPE_LABELS[childType].one.toLowerCase()} under “${insight.title}”`}
            >
              + {INSIGHT_TYPE_LABELS[childType].one}
            </Button>
          )}
        </span>
      </div>
      {children.length > 0 && open && (
        <ul role="group" className="insight-children" aria-label={`Under “${insight.title}”`}>
          <TreeNodes {...tree} nodes={children} depth={depth + 1} />
        </ul>
      )}
    </li>
  );
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
 * those, with the evidence and customers behind each, its score and how recent its evidence is,
 * and whether each is on the backlog.
 * Filtered by words, status, type and "Not on the backlog", and ordered, in the URL; a match
 * keeps its ancestors, dimmed, so that it is never shown out of place.
 */
export function ProblemTree({ ws, onAddChild, onNewProblem }: ProblemTreeProps) {
  const insights = useInsights(ws);
  const [params, setParams] = useUrlParams();
  const filters = useMemo(() => treeFiltersOf(params), [params]);
  const { words, status, type, notOnBacklog } = filters;
  const sort = oneOf(INSIGHT_TREE_SORTS, params.get('sort')) ?? 'evidence';
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [current, setCurrent] = useState<string | null>(null);
  const navigate = useNavigate();
  const narrow = useMediaQuery(NARROW_SCREEN);
  const tree = useMemo(() => buildInsightTree(insights.data ?? [], sort), [insights.data, sort]);
  const filtered = isFiltered(filters);
  const shown = useMemo(() => (filtered ? filterInsightTree(tree, (node) => matchesFilters(node, filters)) : tree), [tree, filtered, filters]);
  // New filters open the branches leading to their matches: a branch left collapsed would show
  // only its dimmed parent, hiding the very match.
  const filtersKey = `${status}/${type}/${notOnBacklog}/${words}`;
  const [openedFor, setOpenedFor] = useState(filtersKey);
  if (openedFor !== filtersKey) {
    setOpenedFor(filtersKey);
    const leadingToMatches = new Set(branchIds(shown));
    if (filtered) setCollapsed((current) => new Set([...current].filter((id) => !leadingToMatches.has(id))));
  }

  const setFilter = (key: 'status' | 'type' | 'backlog' | 'q' | 'sort', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  // The order is not a filter: clearing the filters keeps it.
  const clearFilters = () => setParams(new URLSearchParams(sort === 'evidence' ? {} : { sort }), { replace: true });
  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const rows = useMemo(() => visibleRows(shown, collapsed), [shown, collapsed]);
  // The row last focused is the Tab stop while it shows; else the first row.
  const tabStop = rows.some((row) => row.id === current) ? current! : rows[0]?.id;

  // The WAI-ARIA tree view: arrows, Home and End move between rows and open and close branches; Enter opens the row's page.
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const item = event.target as HTMLElement;
    if (item.getAttribute('role') !== 'treeitem' || event.altKey || event.ctrlKey || event.metaKey) return;
    const id = item.dataset.id!;
    if (event.key === 'Enter') {
      event.preventDefault();
      navigate(paths.problem(ws, id));
      return;
    }
    const move = treeMove(rows, id, event.key);
    if (move === undefined) return;
    event.preventDefault();
    if (move && 'toggle' in move) toggle(move.toggle);
    else if (move) document.getElementById(`insight-node-${move.focus}`)?.focus();
  };
  // A click on a row's title or toggle focuses them: focus goes to the row instead, where the keys work. Not
  // scrolled to: the row, with its branch, may be taller than the window, and a jump between press and
  // release would lose the click.
  const onFocus = (event: FocusEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    const item = target.closest<HTMLElement>('[role="treeitem"]');
    if (!item) return;
    setCurrent(item.dataset.id!);
    if (target.matches('.insight-row-title, .tree-toggle')) item.focus({ preventScroll: true });
  };
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
        <p>Group evidence into the problems your customers have, then add the opportunities each one opens and the solutions to them.</p>
        <p>
          <WhereToLinkEvidence ws={ws} />
          {onNewProblem && ' To start a problem as you link, type its name in the dialog.'}
        </p>
      </EmptyState>
    );
  }

  const matches = countMatches(shown);
  const parentIds = [...new Set(insights.data.flatMap((insight) => (insight.parentId ? [insight.parentId] : [])))];
  const filterForm = (
    <form className="card insight-filters" role="search" aria-label="Filter problems" onSubmit={(event) => event.preventDefault()}>
      <Field label="Words">
        {(props) => <TextInput {...props} type="search" value={words} placeholder="title or statement…" onChange={(event) => setFilter('q', event.target.value)} />}
      </Field>
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
      <label className="checkbox">
        <input type="checkbox" checked={notOnBacklog} onChange={(event) => setFilter('backlog', event.target.checked ? 'none' : '')} /> Not on the backlog
      </label>
      <Segmented legend="Rank by" name="insight-sort" options={SORTS} value={sort} onChange={(value) => setFilter('sort', value === 'evidence' ? '' : value)} />
      <p className="muted insight-filter-count" aria-live="polite">
        {filtered ? `${matches} of ${insights.data.length} match` : countByType(insights.data)}
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
  );
  return (
    <div className="stack">
      {/* On a phone the filters are folded, so that the tree starts on the first screen. */}
      {narrow ? <FiltersDisclosure active={[status, type, words.trim(), notOnBacklog].filter(Boolean).length}>{filterForm}</FiltersDisclosure> : filterForm}
      {shown.length ? (
        <>
          <ul role="tree" className="insight-tree card" aria-label="Problems, opportunities and solutions" onKeyDown={onKeyDown} onFocus={onFocus}>
            <TreeNodes ws={ws} nodes={shown} depth={0} collapsed={collapsed} tabStop={tabStop} onToggle={toggle} onAddChild={onAddChild} />
          </ul>
          <p className="muted small keyboard-hint">
            <kbd>↑</kbd> <kbd>↓</kbd> move between rows · <kbd>←</kbd> <kbd>→</kbd> close and open a branch · <kbd>Enter</kbd> opens
          </p>
        </>
      ) : (
        <EmptyState title="Nothing matches these filters" icon="◇" action={<Button onClick={clearFilters}>Clear filters</Button>}>
          Dimmed rows are shown only as the context of a match: try other words, another status or type{notOnBacklog && ', or show what is on the backlog too'}.
        </EmptyState>
      )}
    </div>
  );
}
