import type { ImportPreview } from '@cairn/shared';
import { formatElapsed } from './format-values';

/** Transcripts and vendor JSON: the first sources exactly as they would be imported. */
export function PreviewSources({ preview }: { preview: ImportPreview }) {
  if (!preview.sources.length) return <p className="muted">No source could be read from the first items of this file; see the reasons below.</p>;
  return (
    <ol className="preview-sources">
      {preview.sources.map((source, index) => (
        <li key={`${source.line}-${index}`} className="card preview-source">
          <div className="preview-source-header">
            <strong>{source.title}</strong>
            <span className="muted small">
              {source.customer ? [source.customer.name, source.customer.email, source.customer.company].filter(Boolean).join(' · ') : 'no customer'}
              {source.turnCount ? ` · ${source.turnCount} turns` : ''}
            </span>
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
