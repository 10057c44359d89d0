import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useMutationState } from '@tanstack/react-query';
import { SOURCES_TAGGED_WHOLE_MAX, countOf, type DateRangeQuery, type TagRef, type TagSourcesWholeBody, type TagSourcesWholeRun } from '@cairn/shared';
import { Button } from '../../../components/button';
import { DateRangeFields } from '../../../components/date-range-fields';
import { Dialog } from '../../../components/dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { TagChips } from '../../../components/tag-chip';
import { TagSearchInput } from '../../../components/tag-search-input';
import { useToast } from '../../../components/toast';
import { useCatalogIndex } from '../../../lib/catalog';
import { useWorkspace } from '../../../lib/workspace';
import { HELPDESK_TAG_KINDS } from '../api/list-helpdesk-tags';
import { tagSourcesWholeKey, useTagSourcesWhole } from '../api/tag-sources-whole';
import { useUndoTagSourcesWhole } from '../api/undo-tag-sources-whole';
import { describeRange } from '../lib/triage-filters';

type TagAllButtonProps = {
  ws: string;
  /** The helpdesk tag the queue shows; the button shows only with one. */
  helpdeskTag: string | null;
  /** The queue's dates: the run tags the tickets of these only. */
  range: DateRangeQuery;
  /** How many of its tickets wait in the queue in those dates; null while they are counted. */
  count: number | null;
  /** Narrows the queue's dates (from the dialog, when there are too many to tag at once). */
  onRangeChange: (range: DateRangeQuery) => void;
  /**
   * After a run, when the queue is still on the page: it moves its filters on if they are still the
   * run's and none of their tickets wait, and says how, to end the toast; null when it left them as they are.
   */
  onTagged: (run: { helpdeskTag: string; range: DateRangeQuery }) => string | null;
  /** Creates a tag typed into the picker that no tag is named; absent when the member may not create tags. */
  createTag?: (name: string) => Promise<TagRef>;
};

/**
 * "Tag all N tickets…" of one helpdesk tag (researchers and up): a dialog to choose codebook tags,
 * then each waiting ticket (in the queue's dates) is highlighted whole and tagged with them at once,
 * as tagging it in the queue would. Past SOURCES_TAGGED_WHOLE_MAX the dialog offers the dates to
 * narrow them, its count following. Done, the dialog closes and a toast says so, with Undo.
 *
 * Closing the dialog while it runs does not stop the run: it is one transaction on the server,
 * all or nothing, and a closed dialog cannot take it back halfway. It finishes in the background
 * and reports as if the dialog were open — the toast with Undo (or the failure), naming the helpdesk
 * tag and dates it ran on — even if the filters were changed or the page was left meanwhile (then it
 * leaves them, or the page the person went to, alone); the button stays busy until then, even on
 * the page opened again, so it cannot run twice.
 */
export function TagAllButton({ ws, helpdeskTag, range, count, onRangeChange, onTagged, createTag }: TagAllButtonProps) {
  const workspace = useWorkspace();
  const { catalog } = useCatalogIndex(ws);
  const tagSourcesWhole = useTagSourcesWhole(ws);
  const undoTagSourcesWhole = useUndoTagSourcesWhole(ws);
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [tagIds, setTagIds] = useState<string[]>([]);
  /** What the run going on was confirmed for: the queue empties behind the dialog before it closes, and may move on once it is closed. */
  const [confirmed, setConfirmed] = useState<{ helpdeskTag: string; range: DateRangeQuery; count: number | null } | null>(null);
  /** Once there were too many, the dates stay in the dialog while they are changed and counted. */
  const [narrowing, setNarrowing] = useState(false);
  /** Whether a failure can show in the dialog; else it goes to a toast. */
  const showing = useRef(false);
  showing.current = open;
  useEffect(() => () => void (showing.current = false), []);
  /** The queue's onTagged as the page is now, null once it has gone: the run's own render saw the filters it started on. */
  const onTaggedNow = useRef<typeof onTagged | null>(null);
  useLayoutEffect(() => {
    onTaggedNow.current = onTagged;
  });
  useEffect(() => () => void (onTaggedNow.current = null), []);
  /** A run going on, this button's or one started before the page was left and opened again. */
  const pendingRun = useMutationState({ filters: { mutationKey: tagSourcesWholeKey(ws), status: 'pending' }, select: (mutation) => mutation.state.variables as TagSourcesWholeBody })[0];
  if (!workspace.can('researcher')) return null;

  const tagNames = (ids: string[]) => ids.map((id) => catalog?.tags.find((tag) => tag.id === id) ?? { id, name: 'Deleted tag' });
  const chosen = tagNames(tagIds);
  const ownRun = tagSourcesWhole.isPending && confirmed !== null;
  const running = ownRun || pendingRun !== undefined;
  const shown = ownRun ? confirmed : pendingRun ? shownOf(pendingRun) : { helpdeskTag, range, count };
  const tooMany = shown.count !== null && shown.count > SOURCES_TAGGED_WHOLE_MAX;
  if (tooMany && !narrowing) setNarrowing(true);
  const tickets = shown.count === null ? 'tickets' : countOf(shown.count, 'ticket');
  const dates = describeRange(shown.range);

  // Opened again while it runs, it shows the run going on.
  const openDialog = () => {
    if (!running) {
      tagSourcesWhole.reset();
      setTagIds([]);
      setNarrowing(false);
    }
    setOpen(true);
  };
  const createAndChoose = (name: string) =>
    createTag?.(name).then(
      (tag) => setTagIds((ids) => [...ids, tag.id]),
      (error: Error) => toast.show(`Could not create the tag “${name}”: ${error.message}`, 'error'),
    );
  // Whichever filters the queue shows by then, it fetches its tickets again (`['triage', ws]`): the run's come back where they match.
  const undo = async (run: TagSourcesWholeRun, what: string, queue: string) => {
    // Awaited, not mutate's callbacks (ADR 018): the toast's Undo may be pressed after the queue has gone.
    try {
      const { kept } = await undoTagSourcesWhole.mutateAsync(run);
      const stayed = kept ? ` (${countOf(kept, 'highlight')} used since ${kept === 1 ? 'stays' : 'stay'}, without those tags)` : '';
      toast.show(`Undid tagging ${what}: they wait in the ${queue} again${stayed}`, 'success');
    } catch (error) {
      toast.show(`Could not undo tagging ${what}: ${(error as Error).message}`, 'error');
    }
  };
  const confirm = async () => {
    if (!helpdeskTag || !tagIds.length || running) return;
    // Named by the filters it ran on: the queue on screen may show others by the time it ends.
    const asked = { helpdeskTag, range, filter: `the helpdesk tag “${helpdeskTag}”${dates && ` ${dates}`}`, names: chosen.map((tag) => `“${tag.name}”`).join(', ') };
    setConfirmed({ helpdeskTag, range, count });
    // Awaited, not mutate's callbacks (ADR 018): the dialog may be closed and the page left before the run ends.
    try {
      const { highlighted, run } = await tagSourcesWhole.mutateAsync({ filters: { kinds: [...HELPDESK_TAG_KINDS], helpdeskTag, untriaged: true, ...range }, tagIds });
      const what = `${countOf(highlighted, 'ticket')} with ${asked.names}`;
      const queue = `queue of ${asked.filter}`;
      setOpen(false);
      const moved = onTaggedNow.current?.({ helpdeskTag: asked.helpdeskTag, range: asked.range }) ?? null;
      const done = highlighted
        ? `Highlighted and tagged ${what}: they have left the ${moved ? 'queue' : queue}.`
        : `No ticket with ${asked.filter} was waiting any more: nothing was tagged.`;
      toast.show(moved ? `${done} ${moved}` : done, 'success', highlighted ? { label: 'Undo', onClick: () => void undo(run, what, queue) } : undefined);
    } catch (error) {
      // Shown in the dialog (ErrorMessage below) while it is open; closed, the toast is the only place left.
      if (!showing.current) toast.show(`Could not tag the tickets with ${asked.names}: ${(error as Error).message}`, 'error');
    }
  };

  return (
    <>
      {((helpdeskTag && count !== null && count > 0) || running) && (
        <Button size="sm" onClick={openDialog} aria-haspopup="dialog">
          {running ? `Tagging ${tickets}…` : `Tag all ${tickets}…`}
        </Button>
      )}
      {open && shown.helpdeskTag && (
        <Dialog
          open
          title={`Tag all ${tickets}`}
          onClose={() => setOpen(false)}
          footer={
            <>
              <Button variant="ghost" onClick={() => setOpen(false)}>
                {running ? 'Close' : 'Cancel'}
              </Button>
              <Button variant="primary" busy={running} disabled={!tagIds.length || !shown.count || tooMany} onClick={() => void confirm()}>
                Highlight and tag {tickets}
              </Button>
            </>
          }
        >
          <div className="stack">
            <p>
              Each of the {tickets} waiting in the queue with the helpdesk tag “{shown.helpdeskTag}”{dates && ` ${dates}`} is highlighted whole and tagged with the tags you
              choose, as tagging it here one by one would, and leaves the queue. The message that says it is done offers Undo, for all of them at once.
            </p>
            {tooMany && (
              <p className="error-message" role="alert">
                At most {SOURCES_TAGGED_WHOLE_MAX.toLocaleString('en')} tickets are tagged at once. Narrow the dates below until {SOURCES_TAGGED_WHOLE_MAX.toLocaleString('en')} or fewer are
                left, tag those, then the next dates.
              </p>
            )}
            <Field label="Codebook tags" hint={createTag ? 'Type to find a tag; ↑/↓ and Enter add it, or create the tag typed.' : 'Type to find a tag; ↑/↓ and Enter add it.'}>
              {(props) => (
                <div className="catalog-picker">
                  <TagChips tags={chosen} onRemove={(id) => setTagIds(tagIds.filter((tagId) => tagId !== id))} />
                  <TagSearchInput ws={ws} tagIds={tagIds} onChange={setTagIds} onCreate={createTag && createAndChoose} placeholder={tagIds.length ? 'Add another tag…' : 'Type a tag…'} disabled={running} fieldProps={props} />
                </div>
              )}
            </Field>
            {(narrowing || dates) && !running && <DateRangeFields label="Tickets waiting since" range={range} onChange={onRangeChange} />}
            {shown.count === null && !running && <p role="status">Counting the tickets in these dates…</p>}
            {running && (
              <p role="status">
                Highlighting and tagging {tickets}… Closing this does not stop it: a message says when it is done, with Undo.
              </p>
            )}
            <ErrorMessage error={tagSourcesWhole.error} />
          </div>
        </Dialog>
      )}
    </>
  );
}

/** What the dialog and the button show of a run started before this button was mounted: its filters, without the count it was confirmed for. */
function shownOf(run: TagSourcesWholeBody): { helpdeskTag: string | null; range: DateRangeQuery; count: null } {
  const { helpdeskTag, from, to } = run.filters;
  return { helpdeskTag: helpdeskTag ?? null, range: { ...(from && { from }), ...(to && { to }) }, count: null };
}
