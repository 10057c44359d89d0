import { describe, expect, it } from 'vitest';
import type { SearchResult, Source } from '@cairn/shared';
import { resultPassage } from './result-passage';

const id = '00000000-0000-4000-8000-000000000001';
const QUESTION = 'Maya: How do you share reports today? Tell me about the last time.';
const ANSWER = ' Sam: Honestly we export everything. The export to Excel loses our column order, so I redo it by hand. It takes an hour.';
const body = QUESTION + ANSWER;

function source(segments: Source['segments']): Source {
  return {
    id, kind: 'interview', title: 'Interview', externalId: null, occurredAt: '2024-01-01T00:00:00.000Z', customer: null, importId: null, preview: '', highlightCount: 0,
    tagged: false, createdBy: null, createdAt: '2024-01-01T00:00:00.000Z', deletedAt: null, body, segments, metadata: {}, highlights: [], updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

/** A result whose snippet runs from the question into the middle of the answer, matching "export to Excel". */
function result(kind: SearchResult['kind'] = 'interview'): SearchResult {
  const snippetStart = body.indexOf('the last time');
  const snippet = body.slice(snippetStart, body.indexOf('so I redo'));
  const at = snippet.indexOf('export to Excel');
  return { type: 'source', id, sourceId: id, title: 'Interview', kind, occurredAt: '2024-01-01T00:00:00.000Z', customer: null, tags: [], score: 1, snippet, matches: [[at, at + 6]], snippetStart, range: null };
}

const quote = (range: { start: number; end: number }) => body.slice(range.start, range.end);

describe('the passage a source result stands for', () => {
  it('keeps to the speaker turn holding the match, in whole sentences', () => {
    const turns = [
      { speaker: 'Maya', startMs: 0, endMs: 1, start: 0, end: QUESTION.length, interviewer: true },
      { speaker: 'Sam', startMs: 1, endMs: 2, start: QUESTION.length, end: body.length },
    ];
    expect(quote(resultPassage(result(), source(turns)))).toBe('Sam: Honestly we export everything. The export to Excel loses our column order, so I redo it by hand.');
  });

  it('without turns, keeps to the paragraph', () => {
    expect(quote(resultPassage(result(), source(null)))).toBe('Tell me about the last time. Sam: Honestly we export everything. The export to Excel loses our column order, so I redo it by hand.');
  });

  it('takes a ticket or a survey answer whole', () => {
    expect(quote(resultPassage(result('ticket'), source(null)))).toBe(body);
  });
});
