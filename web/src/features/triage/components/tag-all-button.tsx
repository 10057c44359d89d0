import { useEffect, useRef, useState } from 'react';
import { SOURCES_TAGGED_WHOLE_MAX, countOf, type TagSourcesWholeResult } from '@cairn/shared';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { TagChips } from '../../../components/tag-chip';
import { TagSearchInput } from '../../../components/tag-search-input';
import { useCatalogIndex } from '../../../lib/catalog';
import { useWorkspace } from '../../../lib/workspace';
import { HELPDESK_TAG_KINDS } from '../api/list-helpdesk-tags';
import { useTagSourcesWhole } from '../api/tag-sources-whole';

type TagAllButtonProps = {
  ws: string;
  /** The helpdesk tag the queue shows; the button shows only with one. */
  helpdeskTag: string | null;
  /** How many of its tickets wait in the queue. */
  count: number;
  /** When the dialog that tagged them closes: the queue starts again without them. */
  onTagged: () => void;
};

/**
 * "Tag all N tickets…" of one helpdesk tag (researchers and up): a dialog to choose codebook tags,
 * then each waiting ticket is highlighted whole and tagged with them at once, as tagging it in the
 * queue would. The dialog says how many were tagged while the queue behind it empties; closing it
 * starts the queue again without them.
 */
export function TagAllButton({ ws, helpdeskTag, count, onTagged }: TagAllButtonProps) {
  const workspace = useWorkspace();
  const { catalog } = useCatalogIndex(ws);
  const tagSourcesWhole = useTagSourcesWhole(ws);
  /** What the open dialog was opened for: the queue may move on behind it. */
  const [asked, setAsked] = useState<{ helpdeskTag: string; count: number } | null>(null);
  const [tagIds, setTagIds] = useState<string[]>([]);
  const [result, setResult] = useState<TagSourcesWholeResult | null>(null);
  const said = useRef<HTMLParagraphElement>(null);
  // The button pressed to confirm is gone with the form: focus goes to the way back, for Enter.
  useEffect(() => {
    if (result) said.current?.closest('dialog')?.querySelector<HTMLElement>('.dialog-footer button')?.focus();
  }, [result]);
  if (!workspace.can('researcher')) return null;

  const chosen = tagIds.map((id) => catalog?.tags.find((tag) => tag.id === id) ?? { id, name: 'Deleted tag' });
  const names = chosen.map((tag) => `“${tag.name}”`).join(', ');
  const open = (tag: string) => {
    tagSourcesWhole.reset();
    setResult(null);
    setTagIds([]);
    setAsked({ helpdeskTag: tag, count });
  };
  const close = () => {
    setAsked(null);
    if (result) onTagged();
  };
  const confirm = () => {
    if (!asked || !tagIds.length) return;
    tagSourcesWhole.mutate({ filters: { kinds: [...HELPDESK_TAG_KINDS], helpdeskTag: asked.helpdeskTag, untriaged: true }, tagIds }, { onSuccess: (answer) => setResult(answer) });
  };
  const tooMany = asked !== null && asked.count > SOURCES_TAGGED_WHOLE_MAX;
  const tickets = asked && countOf(asked.count, 'ticket');

  return (
    <>
      {helpdeskTag && count > 0 && (
        <Button size="sm" onClick={() => open(helpdeskTag)} aria-haspopup="dialog">
          Tag all {countOf(count, 'ticket')}…
        </Button>
      )}
      {asked && (
        <Dialog
          open
          title={`Tag all ${tickets}`}
          onClose={close}
          footer={
            result ? (
              <Button variant="primary" onClick={close}>
                Back to the queue
              </Button>
            ) : (
              <>
                <Button variant="ghost" onClick={close}>
                  Cancel
                </Button>
                <Button variant="primary" busy={tagSourcesWhole.isPending} disabled={!tagIds.length || tooMany} onClick={confirm}>
                  Highlight and tag {tickets}
                </Button>
              </>
            )
          }
        >
          {result ? (
            <p role="status" ref={said}>
              Highlighted and tagged {countOf(result.highlighted, 'ticket')} with {names}. They have left the queue; each can be untagged in the reader.
            </p>
          ) : (
            <div className="stack">
              <p>
                Each of the {tickets} waiting in the queue with the helpdesk tag “{asked.helpdeskTag}” is highlighted whole and tagged with the tags you choose, as tagging it
                here one by one would, and leaves the queue. There is no undo for all of them at once.
              </p>
              {tooMany && (
                <p className="error-message" role="alert">
                  At most {SOURCES_TAGGED_WHOLE_MAX.toLocaleString('en')} tickets are tagged at once. Through the API (<code>POST …/sources/tag-whole</code>), tag them a date range at a time.
                </p>
              )}
              <Field label="Codebook tags" hint="Type to find a tag; ↑/↓ and Enter add it.">
                {(props) => (
                  <div className="catalog-picker">
                    <TagChips tags={chosen} onRemove={(id) => setTagIds(tagIds.filter((tagId) => tagId !== id))} />
                    <TagSearchInput ws={ws} tagIds={tagIds} onChange={setTagIds} placeholder={tagIds.length ? 'Add another tag…' : 'Type a tag…'} disabled={tagSourcesWhole.isPending} fieldProps={props} />
                  </div>
                )}
              </Field>
              {tagSourcesWhole.isPending && <p role="status">Highlighting and tagging {tickets}…</p>}
              <ErrorMessage error={tagSourcesWhole.error} />
            </div>
          )}
        </Dialog>
      )}
    </>
  );
}
