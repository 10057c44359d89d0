import { memo, type ReactNode } from 'react';
import { z } from 'zod';
import type { Source } from '@cairn/shared';
import { formatDateTime } from '../../../lib/dates';
import { formatTimestamp, splitRuns } from '../lib/highlight-runs';

export type Mark = { id: string; start: number; end: number; label?: string };

type RunsProps = { body: string; from: number; to: number; marks: Mark[]; pending?: { start: number; end: number } | null; activeId?: string | null };

const PENDING_ID = 'pending';

/**
 * The text of `[from, to)` as runs: plain spans and <mark>s for highlighted stretches. Each run
 * holds one text node (never HTML) and its body offsets, which is how a selection maps back to
 * `[start, end)`.
 */
function Runs({ body, from, to, marks, pending, activeId }: RunsProps) {
  const all = pending ? [...marks, { id: PENDING_ID, ...pending }] : marks;
  const labels = new Map(marks.map((mark) => [mark.id, mark.label]));
  return (
    <>
      {splitRuns(from, to, all).map((run) => {
        const text = body.slice(run.start, run.end);
        if (!run.ids.length) {
          return (
            <span key={run.start} data-start={run.start} data-end={run.end}>
              {text}
            </span>
          );
        }
        const saved = run.ids.filter((id) => id !== PENDING_ID);
        const className = [
          'hl',
          saved.length > 1 ? 'hl-overlap' : '',
          run.ids.includes(PENDING_ID) ? 'hl-pending' : '',
          activeId && run.ids.includes(activeId) ? 'hl-active' : '',
        ]
          .filter(Boolean)
          .join(' ');
        const title = saved.map((id) => labels.get(id)).filter(Boolean).join(' / ');
        return (
          <mark key={run.start} className={className} data-start={run.start} data-end={run.end} data-ids={saved.join(' ')} title={title || undefined}>
            {text}
          </mark>
        );
      })}
    </>
  );
}

const RepliesSchema = z.array(z.looseObject({ text: z.string(), at: z.string().nullish(), author: z.string().nullish(), authorType: z.string().nullish() }));
const TICKET_FIELDS = ['priority', 'status', 'channel', 'type', 'state'] as const;
/** The helpdesk's own tags (a CSV tags column, Zendesk or Intercom tags): shown as they came, apart from the codebook's. */
const HelpdeskTagsSchema = z.array(z.string());

function metadataText(metadata: Record<string, unknown>, key: string): string | null {
  const value = metadata[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

function Block({ from, to, className, children }: { from: number; to: number; className: string; children: ReactNode }) {
  // Focusable so that a keyboard user can highlight a whole turn or paragraph with `h`.
  return (
    <div className={className} tabIndex={0} data-block-start={from} data-block-end={to}>
      {children}
    </div>
  );
}

export type SourceBodyProps = { source: Source; marks: Mark[]; pending?: { start: number; end: number } | null; activeId?: string | null };

/** A source as people read it: speaker turns, a ticket thread, a survey answer, or plain text. */
export const SourceBody = memo(function SourceBody({ source, marks, pending, activeId }: SourceBodyProps) {
  const runs = (from: number, to: number) => <Runs body={source.body} from={from} to={to} marks={marks} pending={pending} activeId={activeId} />;
  const { metadata } = source;

  if (source.segments?.length) {
    return (
      <div className="reader-turns">
        {source.segments.map((segment) => (
          <Block key={segment.start} from={segment.start} to={segment.end} className={`turn${segment.interviewer ? ' turn-interviewer' : ''}`}>
            <div className="turn-meta">
              {segment.speaker && <span className="turn-speaker">{segment.speaker}</span>}
              {segment.startMs !== null && <time className="turn-time">{formatTimestamp(segment.startMs)}</time>}
            </div>
            <p className="turn-text">{runs(segment.start, segment.end)}</p>
          </Block>
        ))}
      </div>
    );
  }

  if (source.kind === 'ticket') {
    const replies = RepliesSchema.safeParse(metadata.replies);
    const requester = source.customer ? (source.customer.name ?? source.customer.email) : null;
    const fields = TICKET_FIELDS.map((key) => [key, metadataText(metadata, key)] as const).filter(([, value]) => value);
    const helpdeskTags = HelpdeskTagsSchema.safeParse(metadata.tags);
    return (
      <div className="reader-ticket">
        <dl className="ticket-fields">
          <div>
            <dt>Requester</dt>
            <dd>{requester ?? 'Unknown'}</dd>
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
        <ol className="ticket-thread" aria-label="Conversation">
          <li className="message message-customer">
            <div className="message-author">{requester ?? 'Customer'}</div>
            <Block from={0} to={source.body.length} className="message-text">
              {runs(0, source.body.length)}
            </Block>
          </li>
          {replies.success &&
            replies.data.map((reply, index) => (
              <li key={index} className="message message-agent">
                <div className="message-author">
                  {reply.author ?? 'Agent'}
                  {reply.at && <time className="muted"> · {formatDateTime(reply.at)}</time>}
                </div>
                <div className="message-text">{reply.text}</div>
              </li>
            ))}
        </ol>
      </div>
    );
  }

  if (source.kind === 'survey_response') {
    const question = metadataText(metadata, 'question') ?? source.title;
    const score = metadataText(metadata, 'score');
    return (
      <div className="reader-survey">
        <p className="survey-question">{question}</p>
        {score !== null && (
          <p className="survey-score">
            Score <strong>{score}</strong>
          </p>
        )}
        <Block from={0} to={source.body.length} className="survey-answer">
          {runs(0, source.body.length)}
        </Block>
      </div>
    );
  }

  return (
    <Block from={0} to={source.body.length} className="reader-plain">
      {runs(0, source.body.length)}
    </Block>
  );
});
