import type { Insight } from '@cairn/shared';
import { describe, expect, it } from 'vitest';
import { buildInsightTree, countMatches, filterInsightTree, type InsightNode } from './insight-tree';

let sequence = 0;
/** An insight with just what the tree reads; later ones are newer. */
function insight(id: string, overrides: Partial<Insight> = {}): Insight {
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
    createdBy: null,
    createdAt: new Date(Date.UTC(2024, 0, 1, 0, sequence)).toISOString(),
    updatedAt: '2024-01-01T00:00:00.000Z',
    deletedAt: null,
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
    const validated = filterInsightTree(tree, (candidate) => candidate.status === 'validated');
    expect(shape(validated)).toEqual(['slow search', { '*export fails': ['background exports'] }]);
    expect(countMatches(validated)).toBe(2);
  });

  it('keeps a matching ancestor as a match', () => {
    expect(shape(filterInsightTree(tree, (candidate) => candidate.status === 'draft'))).toEqual([{ 'export fails': [{ '*background exports': ['email when ready'] }] }]);
  });

  it('finds nothing when nothing matches', () => {
    expect(filterInsightTree(tree, () => false)).toEqual([]);
  });
});
