import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Source } from '@cairn/shared';
import { SourceBody, type SourceBodyProps } from './source-body';

const BODY = 'The export spinner never stops.';
const REPLIES = [
  { text: 'Which browser shows the spinner?', author: 'Ann', at: null },
  { text: 'The spinner is fixed: a spinner no more.', author: 'Bo', at: null },
];

const ticket = { kind: 'ticket', title: 'Spinner', body: BODY, segments: null, customer: null, metadata: { replies: REPLIES }, highlights: [] } as Partial<Source> as Source;

const draw = (props: Partial<SourceBodyProps> & { source: Source }) => renderToStaticMarkup(<SourceBody marks={[]} {...props} />);

/** Every <mark> drawn: its classes, its offsets' attributes and its text. */
const marksIn = (html: string) => [...html.matchAll(/<mark class="([^"]*)" ([^>]*)>([^<]*)<\/mark>/g)].map(([, className, attributes, text]) => ({ className, attributes, text }));

describe('SourceBody', () => {
  it('marks find matches in a ticket’s replies, with offsets of the reply that no selection takes for the body’s', () => {
    const spinner = 'spinner'.length;
    const second = REPLIES[1]!.text.lastIndexOf('spinner');
    const html = draw({
      source: ticket,
      finds: [
        { text: 'body', start: BODY.indexOf('spinner'), end: BODY.indexOf('spinner') + spinner },
        { text: 'reply-1', start: 4, end: 4 + spinner },
        { text: 'reply-1', start: second, end: second + spinner },
      ],
      currentFind: { text: 'reply-1', start: second, end: second + spinner },
    });
    expect(marksIn(html)).toEqual([
      { className: 'find-match', attributes: `data-start="11" data-end="18" data-ids=""`, text: 'spinner' },
      { className: 'find-match', attributes: `data-context-start="4" data-context-end="11" data-ids=""`, text: 'spinner' },
      { className: 'find-match find-current', attributes: `data-context-start="${second}" data-context-end="${second + spinner}" data-ids=""`, text: 'spinner' },
    ]);
    // The first reply has no match, though a match starts at 4 in the second: each reply gets its own.
    expect(html).toContain('<div class="message-text" data-context="reply-0"><span data-context-start="0" data-context-end="32">Which browser shows the spinner?</span></div>');
    // Only the body's runs carry the offsets a selection maps to a highlight.
    expect([...html.matchAll(/ data-start="(\d+)" data-end="(\d+)"/g)].map(([, start, end]) => [Number(start), Number(end)])).toEqual([
      [0, 11],
      [11, 18],
      [18, BODY.length],
    ]);
  });

  it('draws a find match over the passage a search result opened with the classes of both', () => {
    const start = BODY.indexOf('spinner');
    const html = draw({ source: ticket, passage: { start, end: start + 'spinner never'.length }, finds: [{ text: 'body', start: start + 4, end: start + 10 }] });
    expect(marksIn(html).map(({ className, text }) => [className, text])).toEqual([
      ['search-passage', 'spin'],
      ['find-match search-passage', 'ner ne'],
      ['search-passage', 'ver'],
    ]);
  });

  it('draws a transcript’s text before its first speaker as a block of its own, with the offsets, marks and matches of a turn', () => {
    const title = 'Customer interview\nResearch round, at the roastery.';
    const turn = 'Thanks for having me here.';
    const body = `${title}\n\n${turn}`;
    const interview = {
      kind: 'interview',
      title: 'Interview',
      body,
      segments: [{ speaker: 'Maya', startMs: null, endMs: null, start: title.length + 2, end: body.length }],
      customer: null,
      metadata: {},
      highlights: [],
    } as Partial<Source> as Source;
    const roastery = body.indexOf('roastery');
    const html = draw({
      source: interview,
      marks: [{ id: 'h1', start: 0, end: 8, label: 'Intro' }],
      finds: [{ text: 'body', start: roastery, end: roastery + 8 }],
      passage: { start: roastery, end: roastery + 8 },
    });
    // First in the list, before the turn, focusable like it and with no speaker; the list's Tab stop, being first.
    expect(html).toMatch(
      new RegExp(`<li class="turn-unattributed" tabindex="0" data-block-start="0" data-block-end="${title.length}" data-stop="0"><p class="turn-text">.*?</p></li><li class="turn" tabindex="-1"`, 's'),
    );
    expect(marksIn(html).map(({ className, attributes, text }) => [className, attributes?.replace(/ title="[^"]*"/, ''), text])).toEqual([
      ['hl', 'data-start="0" data-end="8" data-ids="h1"', 'Customer'],
      ['find-match search-passage', `data-start="${roastery}" data-end="${roastery + 8}" data-ids=""`, 'roastery'],
    ]);
  });

  it('finds in a survey answer’s question too, drawn before the answer', () => {
    const answer = { kind: 'survey_response', title: 'Improve?', body: 'Keep the export order.', segments: null, customer: null, metadata: { question: 'What should the export keep?' }, highlights: [] } as Partial<Source> as Source;
    const html = draw({ source: answer, finds: [{ text: 'question', start: 16, end: 22 }, { text: 'body', start: 9, end: 15 }], currentFind: { text: 'body', start: 9, end: 15 } });
    expect(marksIn(html).map(({ className, text }) => [className, text])).toEqual([
      ['find-match', 'export'],
      ['find-match find-current', 'export'],
    ]);
    expect(html).toContain('data-context="question"');
  });

  it('shows a survey answer’s score on its question’s scale, as the Inbox’s pill does, read once as “Score …”', () => {
    const answer = (metadata: Record<string, unknown>) =>
      ({ kind: 'survey_response', title: 'Support', body: 'Quick answer on chat.', segments: null, customer: null, metadata: { question: 'How satisfied were you?', ...metadata }, highlights: [] }) as Partial<Source> as Source;
    /** The score line as the eye reads it (without visually hidden words) and as a screen reader does (without aria-hidden ones). */
    const scoreLine = (source: Source) => {
      const line = /<p class="survey-score">(.*?)<\/p>/.exec(draw({ source }))?.[1];
      if (line === undefined) return null;
      const textWithout = (hidden: RegExp) => line.replace(hidden, '').replace(/<[^>]+>/g, '');
      return { seen: textWithout(/<span class="visually-hidden">[^<]*<\/span>/g), heard: textWithout(/<span aria-hidden="true">[^<]*<\/span>/g), pill: /class="(score-pill[^"]*)"/.exec(line)?.[1] };
    };
    expect(scoreLine(answer({ score: 4, scoreScale: { kind: 'rating', min: 1, max: 5 } }))).toEqual({ seen: 'Score 4 / 5', heard: 'Score 4 of 5', pill: 'score-pill score-pill-high' });
    // Before scales were kept, a whole 0–10 was an NPS, as the list reads it.
    expect(scoreLine(answer({ score: 9 }))).toEqual({ seen: 'Score 9', heard: 'Score 9 (promoter)', pill: 'score-pill score-pill-promoter' });
    expect(scoreLine(answer({ score: 'Very satisfied' }))).toEqual({ seen: 'Score Very satisfied', heard: 'Score Very satisfied', pill: 'score-pill' });
    expect(scoreLine(answer({}))).toBeNull();
  });
});
