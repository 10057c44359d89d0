import type { InsightListItem } from '@cairn/shared';
import { describe, expect, it } from 'vitest';
import {
  backlogMarker,
  buildInsightTree,
  countByType,
  countMatches,
  filterInsightTree,
  hasWords,
  isFiltered,
  matchesFilters,
  treeFiltersOf,
  treeMove,
  visibleRows,
  type BacklogReach,
  type InsightNode,
} from './insight-tree';
import { NO_SCORE } from '../testing/insight-detail';

let sequence = 0;
/** An insight with just what the tree reads; later ones are newer. */
function insight(id: string, overrides: Partial<InsightListItem> = {}): InsightListItem {
  sequence += 1;
  return {
    id,
    type: 'problem',
    title: id,
    status: 'draft',
    statement: null,
    parentId: null,
    evidenceCount: 0,
    customerCount: 0,
    score: NO_SCORE,
    backlogItemCount: 0,
    createdBy: null,
    createdAt: new Date(Date.UTC(2024, 0, 1, 0, sequence)).toISOString(),
    updatedAt: '2024-01-01T00:00:00.000Z',
    deletedAt: null,
    merge: null,
    ...overrides,
  };
}

/** The tree as nested ids, `*` marking rows kept only as context. */
const shape = (nodes: InsightNode[]): unknown[] => nodes.map((node) => (node.children.length ? { [`${node.context ? '*' : ''}${node.insight.id}`]: shape(node.children) } : `${node.context ? '*' : ''}${node.insight.id}`));

describe('buildInsightTree', () => {
  it('puts opportunities under their problem and solutions under their opportunity', () => {
    const tree = buildInsightTree([
      insight('export fails'),
      insight('background exports', { type: 'opportunity', parentId: 'export fails' }),
      insight('email when ready', { type: 'solution', parentId: 'background exports' }),
      insight('slow search'),
    ]);
    expect(shape(tree)).toEqual(['slow search', { 'export fails': [{ 'background exports': ['email when ready'] }] }]);
  });

  it('ranks siblings by evidence, then customers, then the newest first', () => {
    const tree = buildInsightTree([
      insight('old, no evidence'),
      insight('most evidence', { evidenceCount: 9, customerCount: 2 }),
      insight('as much, more customers', { evidenceCount: 9, customerCount: 5 }),
      insight('new, no evidence'),
    ]);
    expect(shape(tree)).toEqual(['as much, more customers', 'most evidence', 'new, no evidence', 'old, no evidence']);
  });

  it('ranks siblings by customers, then evidence, or the newest first, when asked', () => {
    const insights = [
      insight('old, many customers', { evidenceCount: 3, customerCount: 3 }),
      insight('most evidence', { evidenceCount: 9, customerCount: 2 }),
      insight('new, many customers', { evidenceCount: 3, customerCount: 3 }),
      insight('newest, many customers and opportunities', { evidenceCount: 1, customerCount: 3 }),
      insight('old opportunity', { type: 'opportunity', parentId: 'newest, many customers and opportunities', customerCount: 2 }),
      insight('new opportunity', { type: 'opportunity', parentId: 'newest, many customers and opportunities' }),
    ];
    expect(shape(buildInsightTree(insights, 'customers'))).toEqual([
      'new, many customers',
      'old, many customers',
      { 'newest, many customers and opportunities': ['old opportunity', 'new opportunity'] },
      'most evidence',
    ]);
    expect(shape(buildInsightTree(insights, 'newest'))).toEqual([
      { 'newest, many customers and opportunities': ['new opportunity', 'old opportunity'] },
      'new, many customers',
      'most evidence',
      'old, many customers',
    ]);
  });

  it('ranks siblings by score, or by their newest evidence with none last, then the newest first, when asked', () => {
    const scored = (total: number, lastEvidenceAt: string | null) => ({ score: { ...NO_SCORE, total, lastEvidenceAt }, evidenceCount: lastEvidenceAt ? 1 : 0 });
    const insights = [
      insight('old, no evidence'),
      insight('strong, said in March', scored(14.9, '2025-03-01T09:00:00.000Z')),
      insight('weak, said in May', scored(2, '2025-05-01T09:00:00.000Z')),
      insight('as strong, said in April', scored(14.9, '2025-04-01T09:00:00.000Z')),
      insight('new, no evidence'),
    ];
    expect(shape(buildInsightTree(insights, 'score'))).toEqual(['as strong, said in April', 'strong, said in March', 'weak, said in May', 'new, no evidence', 'old, no evidence']);
    expect(shape(buildInsightTree(insights, 'recent-evidence'))).toEqual(['weak, said in May', 'as strong, said in April', 'strong, said in March', 'new, no evidence', 'old, no evidence']);
  });

  it('shows an insight whose parent is missing (in the trash) as a root', () => {
    expect(shape(buildInsightTree([insight('orphan', { type: 'opportunity', parentId: 'trashed problem' })]))).toEqual(['orphan']);
  });

  it('never loses insights caught in a cycle', () => {
    const tree = buildInsightTree([insight('a', { parentId: 'b' }), insight('b', { parentId: 'a' }), insight('c')]);
    expect(countMatches(tree)).toBe(3);
    expect(JSON.stringify(shape(tree))).toContain('"a"');
  });
});

describe('filterInsightTree', () => {
  const tree = buildInsightTree([
    insight('export fails', { status: 'draft' }),
    insight('background exports', { type: 'opportunity', parentId: 'export fails', status: 'validated' }),
    insight('email when ready', { type: 'solution', parentId: 'background exports', status: 'draft' }),
    insight('slow search', { status: 'validated' }),
    insight('pricing is unclear', { status: 'archived' }),
  ]);

  it('keeps the ancestors of a match as context, and leaves out branches without one', () => {
    const validated = filterInsightTree(tree, (candidate) => candidate.insight.status === 'validated');
    expect(shape(validated)).toEqual(['slow search', { '*export fails': ['background exports'] }]);
    expect(countMatches(validated)).toBe(2);
  });

  it('keeps a matching ancestor as a match', () => {
    expect(shape(filterInsightTree(tree, (candidate) => candidate.insight.status === 'draft'))).toEqual([{ 'export fails': [{ '*background exports': ['email when ready'] }] }]);
  });

  it('finds nothing when nothing matches', () => {
    expect(filterInsightTree(tree, () => false)).toEqual([]);
  });
});

describe('visibleRows and treeMove', () => {
  // export fails > background exports > email when ready; slow search (more evidence, so first).
  const tree = buildInsightTree([
    insight('export fails'),
    insight('background exports', { type: 'opportunity', parentId: 'export fails' }),
    insight('email when ready', { type: 'solution', parentId: 'background exports' }),
    insight('slow search', { evidenceCount: 3 }),
  ]);
  const open = visibleRows(tree, new Set());
  const moveFrom = (id: string, key: string, rows = open) => treeMove(rows, id, key);

  it('lists the rows top to bottom with their level and the row they are under, leaving out a collapsed branch', () => {
    expect(open).toEqual([
      { id: 'slow search', level: 1, parentId: null, expanded: null },
      { id: 'export fails', level: 1, parentId: null, expanded: true },
      { id: 'background exports', level: 2, parentId: 'export fails', expanded: true },
      { id: 'email when ready', level: 3, parentId: 'background exports', expanded: null },
    ]);
    expect(visibleRows(tree, new Set(['background exports'])).map((row) => [row.id, row.expanded])).toEqual([
      ['slow search', null],
      ['export fails', true],
      ['background exports', false],
    ]);
  });

  it('moves down and up through the visible rows, stopping at either end', () => {
    expect(moveFrom('slow search', 'ArrowDown')).toEqual({ focus: 'export fails' });
    expect(moveFrom('background exports', 'ArrowDown')).toEqual({ focus: 'email when ready' });
    expect(moveFrom('email when ready', 'ArrowDown')).toBeNull();
    expect(moveFrom('email when ready', 'ArrowUp')).toEqual({ focus: 'background exports' });
    expect(moveFrom('slow search', 'ArrowUp')).toBeNull();
    // Under a collapsed row, the next row down is the one after its branch.
    expect(moveFrom('export fails', 'ArrowDown', visibleRows(tree, new Set(['export fails'])))).toBeNull();
  });

  it('goes to the first and the last visible row with Home and End', () => {
    expect(moveFrom('background exports', 'Home')).toEqual({ focus: 'slow search' });
    expect(moveFrom('slow search', 'End')).toEqual({ focus: 'email when ready' });
    expect(moveFrom('slow search', 'End', visibleRows(tree, new Set(['background exports'])))).toEqual({ focus: 'background exports' });
  });

  it('opens a closed branch with →, then goes to its first row; on a row without a branch → does nothing', () => {
    const closed = visibleRows(tree, new Set(['export fails']));
    expect(moveFrom('export fails', 'ArrowRight', closed)).toEqual({ toggle: 'export fails' });
    expect(moveFrom('export fails', 'ArrowRight')).toEqual({ focus: 'background exports' });
    expect(moveFrom('email when ready', 'ArrowRight')).toBeNull();
  });

  it('closes an open branch with ←, else goes to the row it is under; at the top ← does nothing', () => {
    expect(moveFrom('background exports', 'ArrowLeft')).toEqual({ toggle: 'background exports' });
    expect(moveFrom('email when ready', 'ArrowLeft')).toEqual({ focus: 'background exports' });
    expect(moveFrom('background exports', 'ArrowLeft', visibleRows(tree, new Set(['background exports'])))).toEqual({ focus: 'export fails' });
    expect(moveFrom('slow search', 'ArrowLeft')).toBeNull();
  });

  it('leaves other keys, and rows not shown, to the page', () => {
    expect(moveFrom('slow search', 'j')).toBeUndefined();
    expect(moveFrom('email when ready', 'ArrowDown', visibleRows(tree, new Set(['export fails'])))).toBeUndefined();
  });
});

describe('hasWords', () => {
  const problem = { title: 'Exports fail on big workspaces', statement: 'Admins cannot get a year of data out: they copy rows by hand.' };

  it('finds every typed word at the start of a word of the title or the statement, whatever the case', () => {
    expect(hasWords(problem, 'expor FAIL')).toBe(true);
    expect(hasWords(problem, 'export admins')).toBe(true);
    expect(hasWords(problem, 'export imports')).toBe(false);
    // Inside a word is not the start of one.
    expect(hasWords(problem, 'ports')).toBe(false);
  });

  it('leaves accents out on both sides, and takes no words as a match', () => {
    expect(hasWords({ title: 'Card déclined abroad', statement: null }, 'DECLINED Abroad')).toBe(true);
    expect(hasWords({ title: 'Card declined', statement: null }, 'décl')).toBe(true);
    expect(hasWords(problem, '  ')).toBe(true);
  });
});

describe('the filters in the address', () => {
  const filtersOf = (query: string) => treeFiltersOf(new URLSearchParams(query));

  it('reads words, status, type and backlog=none, and takes an unknown value as no filter', () => {
    expect(filtersOf('q=export&status=validated&type=problem&backlog=none&sort=newest')).toEqual({ words: 'export', status: 'validated', type: 'problem', notOnBacklog: true });
    expect(filtersOf('status=done&type=theme&backlog=some')).toEqual({ words: '', status: undefined, type: undefined, notOnBacklog: false });
    expect(isFiltered(filtersOf('sort=newest&q=%20'))).toBe(false);
    expect(isFiltered(filtersOf('backlog=none'))).toBe(true);
  });

  it('keeps, with "Not on the backlog", only what no backlog item is linked to, along with the other filters', () => {
    const tree = buildInsightTree([insight('planned', { status: 'validated', backlogItemCount: 2 }), insight('not planned', { status: 'validated' }), insight('draft idea')], 'newest');
    const matching = (query: string) => shape(filterInsightTree(tree, (candidate) => matchesFilters(candidate, filtersOf(query))));
    expect(matching('backlog=none')).toEqual(['draft idea', 'not planned']);
    expect(matching('backlog=none&status=validated')).toEqual(['not planned']);
  });

  it('counts an insight on the backlog when an insight above or below it is, as its page lists them; one only beside a linked one stays, its parent dimmed', () => {
    const tree = buildInsightTree([
      insight('planned problem', { backlogItemCount: 1 }),
      insight('under a planned problem', { type: 'opportunity', parentId: 'planned problem' }),
      insight('problem'),
      insight('opportunity with a planned solution', { type: 'opportunity', parentId: 'problem' }),
      insight('planned solution', { type: 'solution', parentId: 'opportunity with a planned solution', backlogItemCount: 1 }),
      insight('opportunity beside it', { type: 'opportunity', parentId: 'problem' }),
    ]);
    const reach = (nodes: readonly InsightNode[]): Array<[string, string | null]> => nodes.flatMap((node) => [[node.insight.id, node.backlog] as [string, string | null], ...reach(node.children)]);
    expect(Object.fromEntries(reach(tree))).toEqual({
      'planned problem': 'own',
      'under a planned problem': 'family',
      problem: 'family',
      'opportunity with a planned solution': 'family',
      'planned solution': 'own',
      'opportunity beside it': null,
    });
    expect(shape(filterInsightTree(tree, (candidate) => matchesFilters(candidate, treeFiltersOf(new URLSearchParams('backlog=none')))))).toEqual([{ '*problem': ['opportunity beside it'] }]);
  });
});

describe('backlogMarker', () => {
  it('says whether a row is on the backlog, on how many items past one, or through its family; nothing for none', () => {
    const marker = (backlogItemCount: number, backlog: BacklogReach) => backlogMarker({ insight: insight('row', { backlogItemCount }), backlog });
    expect(marker(0, null)).toBeNull();
    expect(marker(1, 'own')).toBe('On the backlog');
    expect(marker(2, 'own')).toBe('On 2 backlog items');
    expect(marker(1200, 'own')).toBe('On 1,200 backlog items');
    expect(marker(0, 'family')).toBe('On the backlog through its family');
  });
});

describe('countByType', () => {
  it('counts the tree in the page\'s words, each type once, leaving out types it has none of', () => {
    expect(countByType([{ type: 'problem' }])).toBe('1 problem');
    expect(countByType([{ type: 'opportunity' }, { type: 'problem' }, { type: 'problem' }, { type: 'opportunity' }])).toBe('2 problems and 2 opportunities');
    expect(countByType([{ type: 'solution' }, { type: 'problem' }, { type: 'opportunity' }])).toBe('1 problem, 1 opportunity, and 1 solution');
  });
});
