import { describe, expect, it } from 'vitest';
import { notCustomerWords, readContextTexts, readReplies, readSurveyScore, textById } from './reader-texts';

const ticket = (metadata: Record<string, unknown>) => ({ kind: 'ticket' as const, title: 'Export fails', segments: null, metadata });

describe('readContextTexts', () => {
  it('gives a ticket its replies, after the body, in the order they are drawn', () => {
    const replies = [
      { text: 'Which browser are you on?', author: 'Ann', at: '2026-03-02T10:00:00Z' },
      { text: 'Fixed in today’s release.', author: null, authorType: 'bot' },
    ];
    expect(readContextTexts(ticket({ replies }))).toEqual({
      before: [],
      after: [
        { id: 'reply-0', text: 'Which browser are you on?' },
        { id: 'reply-1', text: 'Fixed in today’s release.' },
      ],
    });
  });

  it('gives a survey answer its question, before the body, or its title when the import kept none', () => {
    const answer = { kind: 'survey_response' as const, title: 'What should we improve?', segments: null };
    expect(readContextTexts({ ...answer, metadata: { question: 'What would make you recommend us?', score: 9 } })).toEqual({
      before: [{ id: 'question', text: 'What would make you recommend us?' }],
      after: [],
    });
    expect(readContextTexts({ ...answer, metadata: {} }).before).toEqual([{ id: 'question', text: 'What should we improve?' }]);
  });

  it('gives nothing to a ticket whose replies are missing or malformed, nor to a source drawn as turns', () => {
    expect(readContextTexts(ticket({}))).toEqual({ before: [], after: [] });
    expect(readContextTexts(ticket({ replies: [{ body: 'no text field' }] }))).toEqual({ before: [], after: [] });
    const turns = [{ speaker: 'Ana', startMs: null, endMs: null, start: 0, end: 5 }];
    expect(readContextTexts({ ...ticket({ replies: [{ text: 'drawn nowhere' }] }), segments: turns })).toEqual({ before: [], after: [] });
  });
});

describe('readReplies', () => {
  it('reads replies as the Zendesk and Intercom importers store them', () => {
    const zendesk = { authorId: '1234', text: 'We are on it.', at: '2026-03-02T10:00:00Z' };
    const intercom = { author: 'Ciaran Lee', authorType: 'admin', text: 'Okay!', at: null };
    expect(readReplies({ replies: [zendesk, intercom] }).map((reply) => reply.text)).toEqual(['We are on it.', 'Okay!']);
  });
});

describe('readSurveyScore', () => {
  it('reads a score with the scale its import kept', () => {
    expect(readSurveyScore({ score: 4, scoreScale: { kind: 'rating', min: 1, max: 5 } })).toEqual({ score: 4, scale: { kind: 'rating', min: 1, max: 5 } });
    expect(readSurveyScore({ score: 'Very satisfied' })).toEqual({ score: 'Very satisfied', scale: null });
  });

  it('reads no scale from an answer imported before scales were kept, or from one that is no scale', () => {
    expect(readSurveyScore({ score: 9 })).toEqual({ score: 9, scale: null });
    expect(readSurveyScore({ score: 9, scoreScale: { kind: 'rating', min: 5, max: 1 } })).toEqual({ score: 9, scale: null });
  });

  it('reads no score when it is missing, empty, or neither a number nor text', () => {
    expect(readSurveyScore({})).toBeNull();
    expect(readSurveyScore({ score: '' })).toBeNull();
    expect(readSurveyScore({ score: { value: 4 } })).toBeNull();
  });
});

describe('textById', () => {
  const context = { before: [{ id: 'question', text: 'What should we improve?' }], after: [{ id: 'reply-0', text: 'Which browser?' }] };

  it('finds the body and each context text by the id find gives it', () => {
    expect(textById('Keep the export.', context, 'body')).toBe('Keep the export.');
    expect(textById('Keep the export.', context, 'question')).toBe('What should we improve?');
    expect(textById('Keep the export.', context, 'reply-0')).toBe('Which browser?');
    expect(textById('Keep the export.', context, 'reply-1')).toBe('');
  });
});

describe('notCustomerWords', () => {
  it('says whether the selection is in a reply or in the question', () => {
    expect(notCustomerWords('reply-1')).toBe('Only the customer’s own words can be highlighted; this selection is in a reply.');
    expect(notCustomerWords('question')).toBe('Only the customer’s own words can be highlighted; this selection is in the question.');
  });
});
