import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Highlight, HighlightEvidenceLinks, TagRef, UpdateHighlightBody } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextArea } from '../../../components/field';
import { TagChips } from '../../../components/tag-chip';
import { useCatalog } from '../../../lib/catalog';
import { formatDate } from '../../../lib/dates';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { paths } from '../../../lib/paths';
import { ClippedPassageNote } from './clipped-passage-note';
import { TagCombobox } from './tag-combobox';

type Range = { start: number; end: number };
/** A passage selected in the text; `clipped` when the selection went on over hidden turns and the passage stops before them. */
type SelectedPassage = Range & { clipped?: boolean };
/** What "Use selected text" finds: a passage, why the selection cannot be one (in a reply, say), or nothing selected. */
type SelectionForEdit = SelectedPassage | { refused: string } | null;

/** What a highlight is evidence for, each a link to that problem's or backlog item's page. */
function EvidenceFor({ ws, links }: { ws: string; links: HighlightEvidenceLinks }) {
  return (
    <ul className="panel-links" aria-label="Evidence for">
      {links.insights.map((insight) => (
        <li key={insight.id}>
          <Link to={paths.problem(ws, insight.id)}>
            <span aria-hidden="true">{INSIGHT_TYPE_LABELS[insight.type].icon}</span>
            <span className="visually-hidden">{INSIGHT_TYPE_LABELS[insight.type].one}:</span> {insight.title}
          </Link>
        </li>
      ))}
      {links.backlogItems.map((item) => (
        <li key={item.id}>
          <Link to={paths.backlogItem(ws, item.id)}>
            <span aria-hidden="true">☰</span>
            <span className="visually-hidden">Backlog item:</span> {item.externalKey ? `${item.externalKey} ` : ''}
            {item.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}
const QUOTE_PREVIEW = 140;

type EditorProps = {
  ws: string;
  highlight: Highlight;
  /** The source's text, to show the passage a moved highlight will quote. */
  body: string;
  /** Resolves once saved; a rejection keeps the editor open, with what was typed and the error. */
  onSave: (body: UpdateHighlightBody) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
  onCreateTag?: (name: string) => Promise<TagRef>;
  /** The passage selected in the text now, to move the highlight to. */
  readSelection: () => SelectionForEdit;
};

/**
 * Tags, note and passage of one highlight. A failed save (the highlight was deleted meanwhile,
 * the network dropped) leaves everything as typed, says why, and Save tries again. Why a selection
 * cannot be the passage, or a tag was not created, is said apart: no save failed, Save stays Save.
 */
function HighlightEditor({ ws, highlight, body, onSave, onDone, onCancel, onCreateTag, readSelection }: EditorProps) {
  const catalog = useCatalog(ws);
  const [tags, setTags] = useState<TagRef[]>(highlight.tags);
  const [note, setNote] = useState(highlight.note ?? '');
  const [range, setRange] = useState<SelectedPassage>({ start: highlight.start, end: highlight.end });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const moved = range.start !== highlight.start || range.end !== highlight.end;
  const add = (tag: TagRef) => setTags((current) => (current.some((t) => t.id === tag.id) ? current : [...current, tag]));
  const addById = (id: string | null) => {
    const tag = catalog.data?.tags.find((t) => t.id === id);
    if (tag) add(tag);
  };
  const takeSelection = () => {
    const selected = readSelection();
    if (!selected) setProblem(new Error('Select the new passage in the text first, then choose “Use selected text”.'));
    else if ('refused' in selected) setProblem(new Error(selected.refused));
    else {
      setProblem(null);
      setRange({ start: selected.start, end: selected.end, clipped: selected.clipped });
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaveError(null);
    setProblem(null);
    onSave({ tagIds: tags.map((tag) => tag.id), note: note.trim() || null, ...(moved ? { start: range.start, end: range.end } : {}) })
      .then(onDone, setSaveError)
      .finally(() => setSaving(false));
  };
  return (
    <form className="highlight-editor" aria-label="Edit highlight" onSubmit={submit}>
      <TagChips tags={tags} onRemove={(id) => setTags((current) => current.filter((tag) => tag.id !== id))} />
      <TagCombobox
        ws={ws}
        label="Add a tag"
        excludeIds={tags.map((tag) => tag.id)}
        onPick={addById}
        onCreate={onCreateTag ? (name) => void onCreateTag(name).then(add, setProblem) : undefined}
        onEscape={onCancel}
      />
      <Field label="Note">{(props) => <TextArea {...props} value={note} onChange={(event) => setNote(event.target.value)} rows={3} />}</Field>
      <div className="highlight-range">
        {/* Announced: "Use selected text" changes nothing else a screen reader would hear. */}
        <div role="status" className="highlight-range-status">
          {moved && <p className="panel-note">Moves to “{body.slice(range.start, range.end).slice(0, QUOTE_PREVIEW)}”</p>}
          {range.clipped && <ClippedPassageNote />}
        </div>
        <span className="row">
          {/* Pressing the button must not clear the selection it reads. */}
          <Button size="sm" variant="ghost" onMouseDown={(event) => event.preventDefault()} onClick={takeSelection}>
            Use selected text
          </Button>
          {moved && (
            <Button size="sm" variant="ghost" onClick={() => setRange({ start: highlight.start, end: highlight.end })}>
              Keep the passage
            </Button>
          )}
        </span>
      </div>
      <ErrorMessage error={problem} />
      <ErrorMessage error={saveError} />
      <div className="row">
        <Button type="submit" variant="primary" size="sm" busy={saving}>
          {saveError ? 'Try again' : 'Save'}
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
  body: string;
  highlights: Highlight[];
  /** The problems and backlog items each highlight is evidence for, by highlight id (none until loaded). */
  links?: ReadonlyMap<string, HighlightEvidenceLinks>;
  activeId: string | null;
  /** The highlight being edited (the reader holds it: selecting text then picks a new passage instead of a new highlight). */
  editingId: string | null;
  onEdit: (id: string | null) => void;
  canChange: (highlight: Highlight) => boolean;
  onSelect: (id: string) => void;
  onDelete: (highlight: Highlight) => void;
  /** Opens the dialog linking a highlight to a problem or backlog item; absent for viewers. */
  onLink?: (highlightId: string) => void;
  onSave: (id: string, body: UpdateHighlightBody) => Promise<unknown>;
  onCreateTag?: (name: string) => Promise<TagRef>;
  readSelection: () => SelectionForEdit;
  /** Why no highlight can be made here (a viewer, a trashed source), said instead of how to make one. */
  readOnlyReason?: string | null;
  /** What ↓ moves to in the text for h to tag (`keyboardTarget`: a turn, the customer's message), named in how to make one. */
  keyboardTarget: string;
};

/** The panel's heading, where the reader's "Highlights ↓" (narrow screens, the panel under the text) takes focus. */
export const HIGHLIGHTS_HEADING_ID = 'reader-highlights';

/** Where focus goes once the panel is drawn again: to a highlight's Edit button when its editor closed, or on from one deleted (the heading when none is left). */
type FocusAfter = { edited: string } | { deleted: string; next: string | null };

/** The source's highlights in reading order; choosing one scrolls the text to it. */
export function HighlightPanel({ ws, body, highlights, links, activeId, editingId, onEdit, canChange, onSelect, onDelete, onLink, onSave, onCreateTag, readSelection, readOnlyReason, keyboardTarget }: HighlightPanelProps) {
  const panelRef = useRef<HTMLElement>(null);
  const activeRef = useRef<HTMLLIElement>(null);
  const focusAfterRef = useRef<FocusAfter | null>(null);
  // The editor or the highlight that had focus is gone, and focus with it (to the page's body):
  // it goes on from there in the panel, not back to the top of the page. Focus someone moved
  // elsewhere meanwhile (a delete takes a request) stays where they put it.
  useLayoutEffect(() => {
    const panel = panelRef.current;
    const after = focusAfterRef.current;
    if (!panel || !after) return;
    if ('deleted' in after && highlights.some((highlight) => highlight.id === after.deleted)) return;
    focusAfterRef.current = null;
    if (document.activeElement && document.activeElement !== document.body) return;
    const item = (id: string | null) => (id ? panel.querySelector(`[data-highlight-id="${CSS.escape(id)}"]`) : null);
    const target = 'edited' in after ? item(after.edited)?.querySelector('.panel-edit') : (item(after.next)?.querySelector('.panel-quote') ?? panel.querySelector('h2'));
    if (target instanceof HTMLElement) target.focus();
  }, [highlights, editingId]);
  const closeEditor = (id: string) => {
    focusAfterRef.current = { edited: id };
    onEdit(null);
  };
  const remove = (highlight: Highlight, index: number) => {
    focusAfterRef.current = { deleted: highlight.id, next: (highlights[index + 1] ?? highlights[index - 1])?.id ?? null };
    onDelete(highlight);
  };
  // The active highlight comes into view inside the panel only: scrollIntoView also scrolled the
  // page, away from the passage just tagged (to the panel's top, or down to it under the text).
  useEffect(() => {
    const panel = panelRef.current;
    const item = activeRef.current;
    if (!panel || !item) return;
    const box = panel.getBoundingClientRect();
    const rect = item.getBoundingClientRect();
    if (rect.top < box.top) panel.scrollTop += rect.top - box.top;
    else if (rect.bottom > box.bottom) panel.scrollTop += Math.min(rect.bottom - box.bottom, rect.top - box.top);
  }, [activeId]);

  return (
    <aside ref={panelRef} className="reader-panel" aria-label="Highlights in this source">
      <h2 id={HIGHLIGHTS_HEADING_ID} tabIndex={-1}>
        Highlights <span className="badge">{highlights.length}</span>
      </h2>
      {!highlights.length &&
        (readOnlyReason ? (
          <p className="muted">No highlights. {readOnlyReason}</p>
        ) : (
          // A mouse selection opens the tag box by itself: h is for the keyboard's way.
          <p className="muted">
            Select a passage and the tag box opens.{' '}
            <span className="keyboard-hint">
              Or press <kbd>↓</kbd> to move to {keyboardTarget}, then <kbd>h</kbd> to tag it, <kbd>t</kbd> to apply the last tag you used, or <kbd>l</kbd> to link it to a problem.
            </span>{' '}
            It appears here.
          </p>
        ))}
      <ol className="panel-list">
        {highlights.map((highlight, index) => (
          <li key={highlight.id} ref={highlight.id === activeId ? activeRef : undefined} className={`panel-item${highlight.id === activeId ? ' active' : ''}`} data-highlight-id={highlight.id}>
            {/* The whole quote in the name: the four lines shown hold more than any cut of it, and speech input may say any word of them (WCAG 2.5.3). */}
            <button type="button" className="panel-quote" onClick={() => onSelect(highlight.id)} aria-label={`Show in the text: ${highlight.quote}`}>
              “{highlight.quote}”
            </button>
            {editingId === highlight.id ? (
              <HighlightEditor
                ws={ws}
                highlight={highlight}
                body={body}
                onCreateTag={onCreateTag}
                onCancel={() => closeEditor(highlight.id)}
                onDone={() => closeEditor(highlight.id)}
                onSave={(changes) => onSave(highlight.id, changes)}
                readSelection={readSelection}
              />
            ) : (
              <>
                <TagChips tags={highlight.tags} />
                {highlight.note && <p className="panel-note">{highlight.note}</p>}
                {links?.get(highlight.id) && <EvidenceFor ws={ws} links={links.get(highlight.id)!} />}
                <div className="panel-meta">
                  <span className="muted">
                    {highlight.createdBy?.name ?? 'API token'} · {formatDate(highlight.createdAt)}
                  </span>
                  <span className="row">
                    {onLink && (
                      <Button size="sm" variant="ghost" onClick={() => onLink(highlight.id)} aria-label={`Link “${highlight.quote.slice(0, 40)}” to a problem or backlog item`}>
                        Link…
                      </Button>
                    )}
                    {canChange(highlight) && (
                      <>
                        <Button size="sm" variant="ghost" className="panel-edit" onClick={() => onEdit(highlight.id)}>
                          Edit
                        </Button>
                        <Button size="sm" variant="ghost" onClick={() => remove(highlight, index)} aria-label={`Delete highlight “${highlight.quote.slice(0, 40)}”`}>
                          Delete
                        </Button>
                      </>
                    )}
                  </span>
                </div>
              </>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}
