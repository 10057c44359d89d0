import type { Insight } from '@cairn/shared';

/** One insight of the opportunity-solution tree, with the insights under it. */
export type InsightNode = {
  insight: Insight;
  children: InsightNode[];
  /** Kept only to show where a match below it sits: it does not match the filters itself. */
  context: boolean;
};

/** Siblings with the most evidence first; among equals, the newest first, so that one just created is easy to find. */
const byEvidence = (a: InsightNode, b: InsightNode) =>
  b.insight.evidenceCount - a.insight.evidenceCount || b.insight.customerCount - a.insight.customerCount || b.insight.createdAt.localeCompare(a.insight.createdAt);

function sortTree(nodes: InsightNode[]): InsightNode[] {
  for (const node of nodes) sortTree(node.children);
  return nodes.sort(byEvidence);
}

/**
 * The tree from the flat list: each insight under its parent. An insight whose parent is not in
 * the list (in the trash, or none) is a root, and so is one caught in a cycle, which the server
 * forbids but which must never make an insight vanish from the page.
 */
export function buildInsightTree(insights: readonly Insight[]): InsightNode[] {
  const nodes = new Map(insights.map((insight) => [insight.id, { insight, children: [], context: false } as InsightNode]));
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
  return sortTree(roots);
}

/**
 * The insights matching `matches`, each still under its ancestors, which stay as context
 * (dimmed) even when they do not match; branches with no match are left out.
 */
export function filterInsightTree(nodes: readonly InsightNode[], matches: (insight: Insight) => boolean): InsightNode[] {
  return nodes.flatMap((node): InsightNode[] => {
    const children = filterInsightTree(node.children, matches);
    if (matches(node.insight)) return [{ ...node, children, context: false }];
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
