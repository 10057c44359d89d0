import { useEffect, useRef, useState } from 'react';
import type { Highlight, TagRef } from '@cairn/shared';
import { Button } from '../../../components/button';
import { Field, TextArea } from '../../../components/field';
import { useCatalog } from '../../../lib/catalog';
import { TagCombobox } from './tag-combobox';

export function TagChips({ tags, onRemove }: { tags: TagRef[]; onRemove?: (id: string) => void }) {
  if (!tags.length) return null;
  return (
    <ul className="tag-chips" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag.id} className="tag-chip" style={tag.color ? { background: `${tag.color}22`, color: tag.color } : undefined}>
          {tag.name}
          {onRemove && (
            <button type="button" className="chip-remove" aria-label={`Remove tag ${tag.name}`} onClick={() => onRemove(tag.id)}>
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

type EditorProps = {
  ws: string;
  highlight: Highlight;
  busy: boolean;
  onSave: (body: { tagIds: string[]; note: string | null }) => void;
  onCancel: () => void;
  onCreateTag?: (name: string) => Promise<TagRef>;
};

function HighlightEditor({ ws, highlight, busy, onSave, onCancel, onCreateTag }: EditorProps) {
  const catalog = useCatalog(ws);
  const [tags, setTags] = useState<TagRef[]>(highlight.tags);
  const [note, setNote] = useState(highlight.note ?? '');
  const add = (tag: TagRef) => setTags((current) => (current.some((t) => t.id === tag.id) ? current : [...current, tag]));
  const addById = (id: string | null) => {
    const tag = catalog.data?.tags.find((t) => t.id === id);
    if (tag) add(tag);
  };
  return (
    <form
      className="highlight-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ tagIds: tags.map((tag) => tag.id), note: note.trim() || null });
      }}
    >
      <TagChips tags={tags} onRemove={(id) => setTags((current) => current.filter((tag) => tag.id !== id))} />
      <TagCombobox
        ws={ws}
        label="Add a tag"
        excludeIds={tags.map((tag) => tag.id)}
        onPick={addById}
        onCreate={onCreateTag ? (name) => void onCreateTag(name).then(add) : undefined}
        onEscape={onCancel}
      />
      <Field label="Note">{(props) => <TextArea {...props} value={note} onChange={(event) => setNote(event.target.value)} rows={3} />}</Field>
      <div className="row">
        <Button type="submit" variant="primary" size="sm" busy={busy}>
          Save
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export type HighlightPanelProps = {
  ws: string;
  highlights: Highlight[];
  activeId: string | null;
  canChange: (highlight: Highlight) => boolean;
  onSelect: (id: string) => void;
  onDelete: (highlight: Highlight) => void;
  onSave: (id: string, body: { tagIds: string[]; note: string | null }) => Promise<unknown>;
  onCreateTag?: (name: string) => Promise<TagRef>;
  saving: boolean;
};

/** The source's highlights in reading order; choosing one scrolls the text to it. */
export function HighlightPanel({ ws, highlights, activeId, canChange, onSelect, onDelete, onSave, onCreateTag, saving }: HighlightPanelProps) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const activeRef = useRef<HTMLLIElement>(null);
  useEffect(() => activeRef.current?.scrollIntoView({ block: 'nearest' }), [activeId]);

  return (
    <aside className="reader-panel" aria-label="Highlights in this source">
      <h2>
        Highlights <span className="badge">{highlights.length}</span>
      </h2>
      {!highlights.length && (
        <p className="muted">
          Select a passage and press <kbd>h</kbd> to tag it, or <kbd>t</kbd> to apply the last tag you used. It appears here.
        </p>
      )}
      <ol className="panel-list">
        {highlights.map((highlight) => (
          <li key={highlight.id} ref={highlight.id === activeId ? activeRef : undefined} className={`panel-item${highlight.id === activeId ? ' active' : ''}`}>
            <button type="button" className="panel-quote" onClick={() => onSelect(highlight.id)} aria-label={`Show in the text: ${highlight.quote.slice(0, 80)}`}>
              “{highlight.quote}”
            </button>
            {editingId === highlight.id ? (
              <HighlightEditor
                ws={ws}
                highlight={highlight}
                busy={saving}
                onCreateTag={onCreateTag}
                onCancel={() => setEditingId(null)}
                onSave={(body) => void onSave(highlight.id, body).then(() => setEditingId(null))}
              />
            ) : (
              <>
                <TagChips tags={highlight.tags} />
                {highlight.note && <p className="panel-note">{highlight.note}</p>}
                <div className="panel-meta">
                  <span className="muted">
                    {highlight.createdBy?.name ?? 'API token'} · {new Date(highlight.createdAt).toLocaleDateString()}
                  </span>
                  {canChange(highlight) && (
                    <span className="row">
                      <Button size="sm" variant="ghost" onClick={() => setEditingId(highlight.id)}>
                        Edit
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => onDelete(highlight)} aria-label={`Delete highlight “${highlight.quote.slice(0, 40)}”`}>
                        Delete
                      </Button>
                    </span>
                  )}
                </div>
              </>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}
