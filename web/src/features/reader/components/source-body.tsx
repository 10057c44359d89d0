import { memo, useMemo, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { z } from 'zod';
import { customerName, type Source, type SourceSegment } from '@cairn/shared';
import { formatDateTime } from '../../../lib/dates';
import { ScorePill } from '../../../lib/score-pill';
import { groupByBlock, type FindMatch, type TextRange } from '../lib/find-in-text';
import { focusInView } from '../lib/focus-in-view';
import { CURRENT_FIND_RUN, FIND_RUN, formatTimestamp, PASSAGE_RUN, PENDING_RUN, runClassName, savedIds, splitRuns } from '../lib/highlight-runs';
import { paragraphRanges } from '../lib/paragraphs';
import { BODY_TEXT, metadataText, QUESTION_TEXT, readFields, readReplies, readSurveyScore, replyTextId, surveyQuestion } from '../lib/reader-texts';
import { drawnBlocks, textOutsideTurns, turnKeyTarget, turnRows, type TurnRow } from '../lib/speakers';
import { SourceFields } from './source-fields';

export type Mark = { id: string; start: number; end: number; label?: string };

/**
 * What a stretch of text is drawn with: highlights, the passage being tagged, matches of the find
 * bar and the one stepped to, and the passage a search result opened.
 */
type RunsProps = {
  body: string;
  from: number;
  to: number;
  marks: readonly Mark[];
  pending?: TextRange | null;
  activeId?: string | null;
  finds?: readonly TextRange[];
  currentFind?: TextRange | null;
  passage?: TextRange | null;
  /**
   * Runs of a context text (a ticket's reply) carry their offsets in that text as
   * `data-context-start`/`-end`: only the body's runs carry `data-start`, which a selection maps
   * to a highlight's range.
   */
  inContext?: boolean;
};

const NO_FINDS: readonly TextRange[] = [];
const NO_FINDS_AT_ALL: readonly FindMatch[] = [];
const NO_MARKS: readonly Mark[] = [];

/**
 * The text of `[from, to)` as runs: plain spans and <mark>s for highlighted or found stretches.
 * Each run holds one text node (never HTML) and its offsets, which is how a selection maps back
 * to `[start, end)`: a match of the find bar or a search passage is cut into runs like a
 * highlight, never wrapped inside one.
 */
function Runs({ body, from, to, marks, pending, activeId, finds = NO_FINDS, currentFind, passage, inContext = false }: RunsProps) {
  const all = [
    ...marks,
    ...(pending ? [{ id: PENDING_RUN, ...pending }] : []),
    ...finds.map((find) => ({ id: find.start === currentFind?.start ? CURRENT_FIND_RUN : FIND_RUN, start: find.start, end: find.end })),
    ...(passage ? [{ id: PASSAGE_RUN, start: passage.start, end: passage.end }] : []),
  ];
  const labels = new Map(marks.map((mark) => [mark.id, mark.label]));
  return (
    <>
      {splitRuns(from, to, all).map((run) => {
        const text = body.slice(run.start, run.end);
        const offsets = inContext ? { 'data-context-start': run.start, 'data-context-end': run.end } : { 'data-start': run.start, 'data-end': run.end };
        if (!run.ids.length) {
          return (
            <span key={run.start} {...offsets}>
              {text}
            </span>
          );
        }
        const saved = savedIds(run.ids);
        const title = saved.map((id) => labels.get(id)).filter(Boolean).join(' / ');
        return (
          <mark key={run.start} className={runClassName(run.ids, activeId)} {...offsets} data-ids={saved.join(' ')} title={title || undefined}>
            {text}
          </mark>
        );
      })}
    </>
  );
}

type ContextRunsProps = { id: string; text: string; finds: readonly FindMatch[]; currentFind: FindMatch | null };

/** A context text (a ticket's reply, a survey's question) with the find bar's matches in it. */
function ContextRuns({ id, text, finds, currentFind }: ContextRunsProps) {
  const inside = finds.filter((find) => find.text === id);
  return <Runs body={text} from={0} to={text.length} marks={NO_MARKS} finds={inside} currentFind={currentFind?.text === id ? currentFind : null} inContext />;
}

const TICKET_FIELDS = ['priority', 'status', 'channel', 'type', 'state'] as const;
/** The helpdesk's own tags (a CSV tags column, Zendesk or Intercom tags): shown as they came, apart from the codebook's. */
const HelpdeskTagsSchema = z.array(z.string());

/** What the keys of a list's stops are: a block's start offset, or a line of hidden turns' first turn. */
const blockStop = (from: number) => String(from);
const hiddenStop = (from: number) => `hidden-${from}`;

type BlockProps = { from: number; to: number; className: string; children: ReactNode; tabbable: boolean };

/** A line of a list of turns or paragraphs: focusable so that a keyboard user can highlight it whole with `h`, tabbable if it is the list's Tab stop. */
function Block({ from, to, className, children, tabbable }: BlockProps) {
  return (
    <li className={className} tabIndex={tabbable ? 0 : -1} data-block-start={from} data-block-end={to} data-stop={blockStop(from)}>
      {children}
    </li>
  );
}

const overlaps = (range: TextRange | null | undefined, block: TextRange) => !!range && range.start < block.end && range.end > block.start;

type TurnProps = Omit<RunsProps, 'from' | 'to'> & { segment: SourceSegment; revealed: boolean; tabbable: boolean };

/** One speaker turn; drawn again only when what is marked in it changes, so that stepping through matches of a long transcript redraws two turns, not all of them. */
const Turn = memo(function Turn({ segment, revealed, tabbable, ...runs }: TurnProps) {
  const className = ['turn', segment.interviewer ? 'turn-interviewer' : '', revealed ? 'turn-revealed' : ''].filter(Boolean).join(' ');
  return (
    <Block from={segment.start} to={segment.end} className={className} tabbable={tabbable}>
      <div className="turn-meta">
        {segment.speaker && <span className="turn-speaker">{segment.speaker}</span>}
        {segment.startMs !== null && <time className="turn-time">{formatTimestamp(segment.startMs)}</time>}
      </div>
      <p className="turn-text">
        <Runs {...runs} from={segment.start} to={segment.end} />
      </p>
    </Block>
  );
});

type TextBlockProps = Omit<RunsProps, 'from' | 'to'> & { range: TextRange; tabbable: boolean };

/** Text of the body outside every turn (a title before the first): nobody's, so no speaker, but read, found and highlighted like a turn. */
const TextOutsideTurns = memo(function TextOutsideTurns({ range, tabbable, ...runs }: TextBlockProps) {
  return (
    <Block from={range.start} to={range.end} className="turn-unattributed" tabbable={tabbable}>
      <p className="turn-text">
        <Runs {...runs} from={range.start} to={range.end} />
      </p>
    </Block>
  );
});

/** One paragraph of a text without speaker turns. */
const Paragraph = memo(function Paragraph({ range, tabbable, ...runs }: TextBlockProps) {
  return (
    <Block from={range.start} to={range.end} className="paragraph" tabbable={tabbable}>
      <Runs {...runs} from={range.start} to={range.end} />
    </Block>
  );
});

/** ↑ and ↓ move to the previous and next line of the list, Home and End to its first and last, PageUp and PageDown a page of lines. */
function onStopsKeyDown(event: KeyboardEvent<HTMLOListElement>) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const stops = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-stop]')];
  const at = stops.indexOf(event.target as HTMLElement);
  const target = at < 0 ? null : turnKeyTarget(event.key, at, stops.length);
  if (target === null) return;
  event.preventDefault();
  focusInView(stops[target]!);
}

/**
 * A list of turns or paragraphs as one Tab stop (WAI-ARIA's roving tabindex): only the line
 * focused last, else the first, is in the Tab order, so one Tab goes past a transcript of 400
 * turns; the arrow keys move between lines (`onStopsKeyDown`). `stops` are the lines' keys in order.
 */
function useRovingStop(stops: readonly string[]) {
  const [focused, setFocused] = useState<string | null>(null);
  // A line the speaker filter took away hands the Tab stop back to the first.
  const tabStop = focused !== null && stops.includes(focused) ? focused : stops[0];
  const onFocus = (event: FocusEvent<HTMLOListElement>) => {
    const stop = (event.target as HTMLElement).dataset.stop;
    if (stop !== undefined) setFocused(stop);
  };
  return { tabStop, listProps: { onFocus, onKeyDown: onStopsKeyDown } };
}

type TranscriptProps = Omit<SourceBodyProps, 'source' | 'finds' | 'currentFind'> & {
  body: string;
  segments: SourceSegment[];
  /** The find bar's matches in the body, and the one stepped to if it is in the body. */
  finds: readonly TextRange[];
  currentFind: TextRange | null;
};

type BodyRunsProps = Pick<RunsProps, 'body' | 'marks' | 'pending' | 'activeId' | 'passage'> & { finds: readonly TextRange[]; currentFind: TextRange | null };

/**
 * What each drawn block of the body (a turn, a paragraph) is drawn with. Only the blocks they
 * touch get the pending passage, the active highlight, matches and the passage a search result
 * opened, so that they alone draw again when these change.
 */
function useMarkedBlocks(blocks: readonly TextRange[], { body, marks, pending, activeId, finds, currentFind, passage }: BodyRunsProps) {
  // By where each drawn block starts: a block's own matches.
  const findsByBlock = useMemo(() => new Map([...groupByBlock(finds, blocks)].map(([index, matches]) => [blocks[index]!.start, matches])), [finds, blocks]);
  const active = activeId ? marks.find((mark) => mark.id === activeId) : undefined;
  return (block: TextRange) => ({
    body,
    marks,
    pending: overlaps(pending, block) ? pending : null,
    activeId: overlaps(active, block) ? activeId : null,
    finds: findsByBlock.get(block.start) ?? NO_FINDS,
    currentFind: overlaps(currentFind, block) ? currentFind : null,
    passage: overlaps(passage, block) ? passage : null,
  });
}

function Transcript({ segments, rows, onToggleHidden, ...runs }: TranscriptProps) {
  const { body } = runs;
  const lines = useMemo(() => rows ?? turnRows(segments, new Set(), new Set(), textOutsideTurns(body, segments)), [rows, segments, body]);
  const blocks = useMemo(() => drawnBlocks(lines, segments), [lines, segments]);
  const marked = useMarkedBlocks(blocks, runs);
  const stops = useMemo(() => lines.map((row) => (row.kind === 'hidden' ? hiddenStop(row.from) : blockStop(row.kind === 'text' ? row.start : segments[row.index]!.start))), [lines, segments]);
  const { tabStop, listProps } = useRovingStop(stops);
  return (
    // A list a screen reader announces with its length; each turn is read whole when it takes focus.
    // The role is spelled out because Safari drops it from a list drawn without bullets.
    <ol role="list" className="reader-turns" aria-label={`Transcript, ${segments.length} ${segments.length === 1 ? 'turn' : 'turns'}`} {...listProps}>
      {lines.map((row) => {
        if (row.kind === 'hidden') {
          const stop = hiddenStop(row.from);
          return (
            <li key={stop} className="turn-hidden">
              <button
                type="button"
                className="turn-hidden-toggle"
                tabIndex={stop === tabStop ? 0 : -1}
                data-stop={stop}
                aria-expanded={row.expanded}
                onClick={() => onToggleHidden?.(row.from)}
              >
                {row.expanded ? `Hide ${row.count} ${row.count === 1 ? 'turn' : 'turns'} by other speakers` : `${row.count} ${row.count === 1 ? 'turn' : 'turns'} hidden`}
              </button>
            </li>
          );
        }
        if (row.kind === 'text') return <TextOutsideTurns key={`text-${row.start}`} range={row} tabbable={blockStop(row.start) === tabStop} {...marked(row)} />;
        const segment = segments[row.index]!;
        return <Turn key={segment.start} segment={segment} revealed={row.revealed} tabbable={blockStop(segment.start) === tabStop} {...marked(segment)} />;
      })}
    </ol>
  );
}

type ParagraphsProps = BodyRunsProps & { label: string; className?: string };

/** A body without speaker turns as its paragraphs, a list moved through like a transcript's turns, each highlighted with `h`. */
function Paragraphs({ label, className, ...runs }: ParagraphsProps) {
  const blocks = useMemo(() => paragraphRanges(runs.body), [runs.body]);
  const marked = useMarkedBlocks(blocks, runs);
  const stops = useMemo(() => blocks.map((block) => blockStop(block.start)), [blocks]);
  const { tabStop, listProps } = useRovingStop(stops);
  return (
    <ol role="list" className={['reader-paragraphs', className].filter(Boolean).join(' ')} aria-label={`${label}, ${blocks.length} ${blocks.length === 1 ? 'paragraph' : 'paragraphs'}`} {...listProps}>
      {blocks.map((block) => (
        <Paragraph key={block.start} range={block} tabbable={blockStop(block.start) === tabStop} {...marked(block)} />
      ))}
    </ol>
  );
}

export type SourceBodyProps = {
  source: Source;
  marks: Mark[];
  pending?: TextRange | null;
  activeId?: string | null;
  /** The find bar's matches in the body and the context texts, in reading order, and the one stepped to (drawn stronger). */
  finds?: readonly FindMatch[];
  currentFind?: FindMatch | null;
  /** The passage a search result opened (`#at-<start>-<end>`), marked while the link stays open. */
  passage?: TextRange | null;
  /** A transcript's lines under the speaker filter (every turn when absent), and opening or closing a run of hidden turns. */
  rows?: TurnRow[] | null;
  onToggleHidden?: (from: number) => void;
};

/** A source as people read it: speaker turns, a ticket thread, a survey answer, or plain text in paragraphs. */
export const SourceBody = memo(function SourceBody({ source, finds = NO_FINDS_AT_ALL, currentFind = null, ...props }: SourceBodyProps) {
  const { marks, pending, activeId, passage } = props;
  // Memoised: a transcript groups these by turn, and a turn draws again only when its own change.
  const bodyFinds = useMemo(() => finds.filter((find) => find.text === BODY_TEXT), [finds]);
  const bodyCurrentFind = currentFind?.text === BODY_TEXT ? currentFind : null;
  const bodyRuns = { body: source.body, marks, pending, activeId, finds: bodyFinds, currentFind: bodyCurrentFind, passage };
  const { metadata } = source;

  if (source.segments?.length) return <Transcript body={source.body} segments={source.segments} {...props} finds={bodyFinds} currentFind={bodyCurrentFind} />;

  if (source.kind === 'ticket') {
    const replies = readReplies(metadata);
    const fields = TICKET_FIELDS.map((key) => [key, metadataText(metadata, key)] as const).filter(([, value]) => value);
    const helpdeskTags = HelpdeskTagsSchema.safeParse(metadata.tags);
    return (
      <div className="reader-ticket">
        <dl className="ticket-fields">
          <div>
            <dt>Requester</dt>
            <dd>{source.customer ? customerName(source.customer) : 'Unknown'}</dd>
          </div>
          {fields.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>
                <span className="badge">{value}</span>
              </dd>
            </div>
          ))}
          {helpdeskTags.success && helpdeskTags.data.length > 0 && (
            <div>
              <dt>Helpdesk tags</dt>
              <dd>
                {helpdeskTags.data.map((tag) => (
                  <span key={tag} className="badge">
                    {tag}
                  </span>
                ))}
              </dd>
            </div>
          )}
        </dl>
        <SourceFields fields={readFields(metadata)} />
        <ol className="ticket-thread" aria-label="Conversation">
          <li className="message message-customer">
            <div className="message-author">{source.customer ? customerName(source.customer) : 'Customer'}</div>
            <Paragraphs label="Customer’s message" className="message-text" {...bodyRuns} />
          </li>
          {replies.map((reply, index) => (
            <li key={index} className="message message-agent">
              <div className="message-author">
                {reply.author ?? 'Agent'}
                {reply.at && <time className="muted"> · {formatDateTime(reply.at)}</time>}
              </div>
              <div className="message-text" data-context={replyTextId(index)}>
                <ContextRuns id={replyTextId(index)} text={reply.text} finds={finds} currentFind={currentFind} />
              </div>
            </li>
          ))}
        </ol>
      </div>
    );
  }

  if (source.kind === 'survey_response') {
    const question = surveyQuestion(source);
    const score = readSurveyScore(metadata);
    return (
      <div className="reader-survey">
        <p className="survey-question" data-context={QUESTION_TEXT}>
          <ContextRuns id={QUESTION_TEXT} text={question} finds={finds} currentFind={currentFind} />
        </p>
        {score && (
          <p className="survey-score">
            {/* The pill's own words start with "Score" for a screen reader: the label is for the eye only. */}
            <span aria-hidden="true">Score </span>
            <ScorePill score={score.score} scale={score.scale} />
          </p>
        )}
        <Paragraphs label="Answer" className="survey-answer" {...bodyRuns} />
        <SourceFields fields={readFields(metadata)} />
      </div>
    );
  }

  return <Paragraphs label="Text" className="reader-plain" {...bodyRuns} />;
});
