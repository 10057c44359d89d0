import { describe, expect, it } from 'vitest';
import { evidenceTargets } from './evidence-targets';

const problem = { id: 'i1', type: 'problem' as const, title: 'Exports are slow', status: 'draft' as const };
const opportunity = { id: 'i2', type: 'opportunity' as const, title: 'Scheduled exports', status: 'draft' as const };
const item = { id: 'b1', title: 'Export queue', status: 'idea' as const, externalKey: 'CAIRN-7' };

describe('evidenceTargets', () => {
  it('names each problem and backlog item once, however many highlights link to it', () => {
    const links = [
      { highlightId: 'h1', insights: [problem], backlogItems: [item] },
      { highlightId: 'h2', insights: [problem, opportunity], backlogItems: [] },
    ];
    expect(evidenceTargets(links)).toEqual(['the problem “Exports are slow”', 'the backlog item “CAIRN-7 Export queue”', 'the opportunity “Scheduled exports”']);
  });

  it('names nothing for a source whose highlights are evidence for nothing', () => {
    expect(evidenceTargets([])).toEqual([]);
  });
});
