import { describe, expect, it } from 'vitest';
import type { Purge } from '@cairn/shared';
import { describeErasure, describePurgeProgress, describeRetention, describeTrash, itemsInTrash } from './trash-words';

const counts = { sources: 12, highlights: 3, insights: 1, backlogItems: 0 };

describe('the words of the trash', () => {
  it('counts a trashed source once, its highlights with it, and highlights trashed on their own besides', () => {
    expect(itemsInTrash('sources', counts)).toBe(15);
    expect(itemsInTrash('insights', counts)).toBe(1);
    expect(describeTrash('sources', counts)).toBe('12 sources, with their highlights, and 3 highlights trashed on their own (in Highlights → Trash)');
    expect(describeTrash('sources', { ...counts, sources: 0, highlights: 1 })).toBe('1 highlight trashed on its own (in Highlights → Trash)');
    expect(describeTrash('sources', { ...counts, sources: 1, highlights: 0 })).toBe('1 source, with its highlights');
    expect(describeTrash('insights', counts)).toBe('1 problem, opportunity or solution');
  });

  it('counts the Highlights trash as its highlights trashed on their own, with what they take along', () => {
    expect(itemsInTrash('highlights', counts)).toBe(3);
    expect(describeTrash('highlights', counts)).toBe('3 highlights, with their tags and evidence links');
    expect(describeTrash('highlights', { ...counts, highlights: 1 })).toBe('1 highlight, with its tags and evidence links');
  });

  it('says how long the trash keeps things, or that it keeps them until someone deletes them', () => {
    expect(describeRetention({ days: 30, startsAt: '2025-01-01T00:00:00.000Z' })).toBe('Everything in the trash is deleted for good 30 days after it was trashed.');
    expect(describeRetention(null)).toBe('The trash keeps everything until an admin deletes it forever.');
  });

  it('says what a purge under way has deleted so far', () => {
    const purge = { reason: 'empty_trash', deleted: { sources: 0, highlights: 0, insights: 0, backlogItems: 0, evidenceLinks: 0 } } as Purge;
    expect(describePurgeProgress(purge)).toBe('Emptying the trash…');
    expect(describePurgeProgress({ ...purge, reason: 'erase_customer', deleted: { ...purge.deleted, sources: 2, highlights: 5 } })).toBe('Erasing a customer: 2 sources and 5 highlights deleted so far');
  });
});

const plan = { customerId: '00000000-0000-4000-8000-000000000000', sources: 4, trashedSources: 1, highlights: 9, evidenceLinks: 3, insights: 2, backlogItems: 1 };

describe('what erasing a customer deletes, in words', () => {
  it('counts their sources, those in the trash, the highlights made in them and the evidence links they leave', () => {
    expect(describeErasure(plan)).toBe('This deletes for good 4 sources (1 of them in the trash) and the 9 highlights made in them, with their 3 evidence links to 2 problems and 1 backlog item.');
    expect(describeErasure({ ...plan, sources: 1, trashedSources: 0, highlights: 0, evidenceLinks: 0, insights: 0, backlogItems: 0 })).toBe('This deletes for good 1 source.');
    expect(describeErasure({ ...plan, sources: 0 })).toBe('They have no sources: only the customer goes.');
  });
});
