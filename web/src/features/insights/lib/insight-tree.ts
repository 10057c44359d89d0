import { countOf, INSIGHT_STATUSES, INSIGHT_TYPES, listOf, type Insight, type InsightListItem, type InsightStatus, type InsightType } from '@cairn/shared';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { oneOf } from './params';

/**
 * How an insight is on the backlog: linked to a backlog item itself, only through its family (an
 * insight above or below it is, as its page lists them), or not at all.
 */
export type BacklogReach = 'own' | 'family' | null;

/** One insight of the opportunity-solution tree, with the insights under it. */
export type InsightNode = {
  insight: InsightListItem;
  children: InsightNode[];
  /** Kept only to show where a match below it sits: it does not match the filters itself. */
  context: boolean;
  backlog: BacklogReach;
};

/**
 * How siblings are ordered: by the highlights behind them, by their evidence score (as the
 * backlog ranks), by the customers behind them, by their newest evidence, or newest first.
 */
export const INSIGHT_TREE_SORTS = ['evidence', 'score', 'customers', 'recent-evidence', 'newest'] as const;
export type InsightTreeSort = (typeof INSIGHT_TREE_SORTS)[number];

const newestFirst = (a: Insight, b: Insight) => b.createdAt.localeCompare(a.createdAt);

/** ISO instants in UTC compare as strings; one without evidence goes after every one with. */
const byLastEvidence = (a: InsightListItem, b: InsightListItem) => (b.score.lastEvidenceAt ?? '').localeCompare(a.score.lastEvidenceAt ?? '');

/** Each order; among equals, the newest first, so that one just created is easy to find. */
const SIBLING_ORDERS: Record<InsightTreeSort, (a: InsightListItem, b: InsightListItem) => number> = {
  evidence: (a, b) => b.evidenceCount - a.evidenceCount || b.customerCount - a.customerCount || newestFirst(a, b),
  score: (a, b) => b.score.total - a.score.total || b.evidenceCount - a.evidenceCount || newestFirst(a, b),
  customers: (a, b) => b.customerCount - a.customerCount || b.evidenceCount - a.evidenceCount || newestFirst(a, b),
  'recent-evidence': (a, b) => byLastEvidence(a, b) || newestFirst(a, b),
  newest: newestFirst,
};

function sortTree(nodes: InsightNode[], order: (a: InsightListItem, b: InsightListItem) => number): InsightNode[] {
  for (const node of nodes) sortTree(node.children, order);
  return nodes.sort((a, b) => order(a.insight, b.insight));
}

/**
 * The tree from the flat list: each insight under its parent. An insight whose parent is not in
 * the list (in the trash, or none) is a root, and so is one caught in a cycle, which the server
 * forbids but which must never make an insight vanish from the page.
 */
export function buildInsightTree(insights: readonly InsightListItem[], sort: InsightTreeSort = 'evidence'): InsightNode[] {
  const nodes = new Map(insights.map((insight) => [insight.id, { insight, children: [], context: false, backlog: null } as InsightNode]));
  const roots: InsightNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.insight.parentId ? nodes.get(node.insight.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const reached = new Set<InsightNode>();
  const visit = (node: InsightNode) => {
    reached.add(node);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  for (const node of nodes.values()) {
    if (reached.has(node)) continue;
    // Cut the cycle above this node: it becomes a root, with everything under it.
    for (const other of nodes.values()) other.children = other.children.filter((child) => child !== node);
    roots.push(node);
    visit(node);
  }
  markBacklog(roots, false);
  return sortTree(roots, SIBLING_ORDERS[sort]);
}

/** Sets each node's `backlog`, given whether an insight above them is linked; whether any of them or below them is. */
function markBacklog(nodes: readonly InsightNode[], linkedAbove: boolean): boolean {
  let linked = false;
  for (const node of nodes) {
    const own = node.insight.backlogItemCount > 0;
    const linkedBelow = markBacklog(node.children, linkedAbove || own);
    node.backlog = own ? 'own' : linkedAbove || linkedBelow ? 'family' : null;
    linked ||= own || linkedBelow;
  }
  return linked;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Lowercased, accents left out: "decline" finds "Déclined" as well. */
const wordsOf = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().match(WORD) ?? [];

/**
 * Whether an insight's title or statement has every typed word, each as the start of one of its
 * words ("expor fail" finds "Exports fail"). No words typed: every insight has them.
 */
export function hasWords(insight: Pick<Insight, 'title' | 'statement'>, typed: string): boolean {
  const own = wordsOf(`${insight.title} ${insight.statement ?? ''}`);
  return wordsOf(typed).every((word) => own.some((candidate) => candidate.startsWith(word)));
}

/** The tree's filters, as the address holds them (`?q=…&status=…&type=…&backlog=none`). */
export type InsightTreeFilters = {
  words: string;
  status?: InsightStatus;
  type?: InsightType;
  /** Only insights on no backlog item outside the trash, themselves or through their family (BacklogReach): validated, say, but not planned yet. */
  notOnBacklog: boolean;
};

/** The filters in the address; a value that is not one of a filter's is as if it were absent. */
export function treeFiltersOf(params: URLSearchParams): InsightTreeFilters {
  return {
    words: params.get('q') ?? '',
    status: oneOf(INSIGHT_STATUSES, params.get('status')),
    type: oneOf(INSIGHT_TYPES, params.get('type')),
    notOnBacklog: params.get('backlog') === 'none',
  };
}

/** Whether any filter is set: the order is not one. */
export const isFiltered = (filters: InsightTreeFilters) => !!(filters.words.trim() || filters.status || filters.type || filters.notOnBacklog);

/** Whether an insight of the tree passes every filter set. */
export function matchesFilters({ insight, backlog }: InsightNode, filters: InsightTreeFilters): boolean {
  return (
    (!filters.status || insight.status === filters.status) &&
    (!filters.type || insight.type === filters.type) &&
    (!filters.notOnBacklog || !backlog) &&
    hasWords(insight, filters.words)
  );
}

/** A row's backlog marker: "On the backlog", "On 2 backlog items", "On the backlog through its family"; null for an insight on none. */
export function backlogMarker({ insight, backlog }: Pick<InsightNode, 'insight' | 'backlog'>): string | null {
  if (backlog === 'family') return 'On the backlog through its family';
  const count = insight.backlogItemCount;
  if (!count) return null;
  return count === 1 ? 'On the backlog' : `On ${countOf(count, 'backlog item')}`;
}

/** How many insights the tree holds, in the page's words: "3 problems and 1 opportunity". */
export function countByType(insights: readonly Pick<Insight, 'type'>[]): string {
  const counts = INSIGHT_TYPES.map((type) => [type, insights.filter((insight) => insight.type === type).length] as const).filter(([, count]) => count > 0);
  return listOf(counts.map(([type, count]) => countOf(count, INSIGHT_TYPE_LABELS[type].one.toLowerCase(), INSIGHT_TYPE_LABELS[type].many.toLowerCase())));
}

/**
 * The insights matching `matches`, each still under its ancestors, which stay as context
 * (dimmed) even when they do not match; branches with no match are left out.
 */
export function filterInsightTree(nodes: readonly InsightNode[], matches: (node: InsightNode) => boolean): InsightNode[] {
  return nodes.flatMap((node): InsightNode[] => {
    const children = filterInsightTree(node.children, matches);
    if (matches(node)) return [{ ...node, children, context: false }];
    return children.length ? [{ ...node, children, context: true }] : [];
  });
}

/** How many insights of the tree match, leaving out the context around them. */
export function countMatches(nodes: readonly InsightNode[]): number {
  return nodes.reduce((sum, node) => sum + (node.context ? 0 : 1) + countMatches(node.children), 0);
}

/** A row of the tree as shown: how deep it is (1 for a problem at the top), the row it sits under, and whether its branch is open (null: it has none). */
export type TreeRow = { id: string; level: number; parentId: string | null; expanded: boolean | null };

/** The rows on screen, top to bottom: what is under a collapsed row is left out. */
export function visibleRows(nodes: readonly InsightNode[], collapsed: ReadonlySet<string>, level = 1, parentId: string | null = null): TreeRow[] {
  return nodes.flatMap((node) => {
    const id = node.insight.id;
    const expanded = node.children.length ? !collapsed.has(id) : null;
    const row = { id, level, parentId, expanded };
    return expanded ? [row, ...visibleRows(node.children, collapsed, level + 1, id)] : [row];
  });
}

/** What a key does on a row: move focus to another row, or open or close this row's branch. */
export type TreeMove = { focus: string } | { toggle: string } | null;

const to = (row: TreeRow | undefined): TreeMove => (row ? { focus: row.id } : null);

/** The WAI-ARIA tree view's keys, by the row's position among the visible rows. */
const TREE_KEYS: Record<string, (rows: readonly TreeRow[], index: number) => TreeMove> = {
  ArrowDown: (rows, index) => to(rows[index + 1]),
  ArrowUp: (rows, index) => to(rows[index - 1]),
  Home: (rows) => to(rows[0]),
  End: (rows) => to(rows.at(-1)),
  // Opens a closed branch, or goes to its first row, which is the next one.
  ArrowRight: (rows, index) => (rows[index]!.expanded === false ? { toggle: rows[index]!.id } : rows[index]!.expanded ? to(rows[index + 1]) : null),
  // Closes an open branch, or goes to the row this one is under.
  ArrowLeft: (rows, index) => {
    const { id, expanded, parentId } = rows[index]!;
    return expanded ? { toggle: id } : parentId ? { focus: parentId } : null;
  },
};

/**
 * What `key` does on the row `id`: null when it does nothing there (↑ on the first row), undefined
 * when it is not one of the tree's keys.
 */
export function treeMove(rows: readonly TreeRow[], id: string, key: string): TreeMove | undefined {
  const move = TREE_KEYS[key];
  const index = rows.findIndex((row) => row.id === id);
  if (!move || index < 0) return undefined;
  return move(rows, index);
}
