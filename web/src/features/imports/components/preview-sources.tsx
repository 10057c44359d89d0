import type { ImportPreview, ImportPreviewSource } from '@cairn/shared';
import { formatDateTime } from '../../../lib/dates';
import { formatElapsed } from './format-values';

/**
 * Who said it and when, as the import will record it. A helpdesk's requester may come with
 * nothing but their id (a Zendesk export without its users): they become "Customer 20014182".
 * An interview's date is the wizard's field below, so it is not repeated here.
 */
function describeSource(source: ImportPreviewSource): string {
  const customer = source.customer && [source.customer.name, source.customer.email, source.customer.company].filter(Boolean).join(' · ');
  return [
    customer || (source.customer ? 'a customer known only by their helpdesk id' : 'no customer'),
    source.kind === 'interview' ? null : source.occurredAt ? formatDateTime(source.occurredAt) : 'no date of its own',
    source.turnCount ? `${source.turnCount} turns` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Transcripts and vendor JSON: the first sources exactly as they would be imported. */
export function PreviewSources({ preview }: { preview: ImportPreview }) {
  if (!preview.sources.length) return <p className="muted">No source could be read from the first items of this file; see the reasons below.</p>;
  return (
    <ol className="preview-sources">
      {preview.sources.map((source, index) => (
        <li key={`${source.line}-${index}`} className="card preview-source">
          <div className="preview-source-header">
            <strong>{source.title}</strong>
            <span className="muted small">{describeSource(source)}</span>
          </div>
          {source.turns.length ? (
            <dl className="preview-turns">
              {source.turns.map((turn, turnIndex) => (
                <div key={turnIndex} className={`preview-turn${turn.interviewer ? ' interviewer' : ''}`}>
                  <dt>
                    {turn.speaker}
                    {/* A file that names no speaker (subtitles) has turns with a time alone. */}
                    {turn.startMs !== null && <span className="muted small">{turn.speaker ? ' ' : ''}{formatElapsed(turn.startMs)}</span>}
                  </dt>
                  <dd>{turn.text}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="preview-body">{source.body}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
