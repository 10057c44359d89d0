import { useId, useRef, useState, type ReactNode } from 'react';
import type { SearchResult, TagRef } from '@cairn/shared';
import { Button } from '../../../components/button';
import { TagSearchInput } from '../../../components/tag-search-input';
import { useToast } from '../../../components/toast';
import { useCatalog } from '../../../lib/catalog';
import { isTypingTarget, useDocumentKeyDown } from '../../../lib/keyboard';
import { countOf } from '../../../lib/numbers';
import { useTagResults, type ResultsTagged } from '../api/tag-results';
import { useUntagResults } from '../api/untag-results';

/** The link action's dialog, opened by its button or by `l`. */
export type LinkAction = { open: boolean; onOpenChange: (open: boolean) => void };

type BulkTagBarProps = {
  ws: string;
  selected: SearchResult[];
  onDone: () => void;
  /** More actions on the selection, handed in by the page (linking to a problem or backlog item). */
  actions?: (link: LinkAction) => ReactNode;
  /** Creates a tag typed into the picker that no tag is named; absent when the member may not create tags. */
  createTag?: (name: string) => Promise<TagRef>;
};

/** What tagging did, in one line; what Undo will leave is said up front. */
export function taggedMessage({ results, taggedIds, made }: ResultsTagged, tagName: string): string {
  if (!taggedIds.length) return `${results === 1 ? 'That result' : `All ${results} results`} had “${tagName}” already`;
  const through = made ? `, ${made === 1 ? 'one through a new highlight' : `${made} through new highlights`} (Undo keeps ${made === 1 ? 'it' : 'them'}, untagged)` : '';
  return `Tagged ${countOf(results, 'result')} with “${tagName}”${through}`;
}

/** What Undo did: the tag off the highlights that got it, the ones made for sources kept. */
export function untaggedMessage({ taggedIds, made }: ResultsTagged, tagName: string): string {
  const kept = made ? `; ${made === 1 ? 'the new highlight stays' : `the ${made} new highlights stay`}, untagged` : '';
  return `Took “${tagName}” off ${countOf(taggedIds.length, 'highlight')}${kept}`;
}

/** Where focus may be for the bar's keys: anywhere but a field, a result's checkbox included (a click leaves it there). */
const takesBarKeys = (target: EventTarget | null) => !isTypingTarget(target) || (target instanceof HTMLInputElement && target.type === 'checkbox');

/**
 * Tags every selected result at once: highlights get the tag, sources get a tagged highlight; the
 * toast offers Undo. The picker is the reader's (lib/tag-picker-options.ts): Enter tags with the
 * tag every typed word matches, or creates the tag typed and tags with it. Keys while the bar shows
 * (it shows to contributors only): `t` to the picker, `l` the link action, Escape clears the selection.
 */
export function BulkTagBar({ ws, selected, onDone, actions, createTag }: BulkTagBarProps) {
  const catalog = useCatalog(ws);
  const tagResults = useTagResults(ws);
  const untagResults = useUntagResults(ws);
  const toast = useToast();
  const [linking, setLinking] = useState(false);
  const region = useRef<HTMLDivElement>(null);
  const pickerId = useId();
  /** Where `t` was pressed (a result): focus goes back there once tagged, or on Escape in the picker. */
  const cameFrom = useRef<HTMLElement | null>(null);
  const sources = selected.filter((result) => result.type === 'source').length;

  useDocumentKeyDown((event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || !takesBarKeys(event.target) || document.querySelector('dialog[open]')) return;
    if (event.key === 't') {
      cameFrom.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      document.getElementById(pickerId)?.focus();
    } else if (event.key === 'l' && actions) setLinking(true);
    else if (event.key === 'Escape') onDone();
    else return;
    event.preventDefault();
  });

  const goBack = () => {
    if (cameFrom.current?.isConnected) cameFrom.current.focus();
    cameFrom.current = null;
  };
  const undo = (tagged: ResultsTagged, tagName: string) =>
    untagResults.mutateAsync(tagged).then(
      () => toast.show(untaggedMessage(tagged, tagName), 'success'),
      (error: Error) => toast.show(`Could not take “${tagName}” off: ${error.message}`, 'error'),
    );
  // The name is handed in: a tag just created is not in this render's catalog.
  const tag = ({ id: tagId, name: tagName }: { id: string; name: string }) => {
    if (tagResults.isPending) return;
    // A promise rather than `mutate`'s callbacks, and a failure told in a toast rather than in the bar: the
    // bar goes with the selection (Clear selection, a new search), which may happen while the results are
    // tagged, and `mutate` drops the callbacks of a caller that has unmounted. Undo is pressed after it has.
    void tagResults.mutateAsync({ results: selected, tagId }).then(
      (tagged) => {
        toast.show(taggedMessage(tagged, tagName), 'success', tagged.taggedIds.length ? { label: 'Undo', onClick: () => void undo(tagged, tagName) } : undefined);
        // Focus moves only while the bar is there: gone, the selection was cleared some other way meanwhile.
        if (region.current) goBack();
        onDone();
      },
      (error: Error) => toast.show(error.message, 'error'),
    );
  };
  const tagWithChosen = ([tagId]: string[]) => tagId && tag({ id: tagId, name: catalog.data?.tags.find((candidate) => candidate.id === tagId)?.name ?? 'the tag' });
  const createAndTag = (name: string) =>
    createTag?.(name).then(tag, (error: Error) => toast.show(`Could not create the tag “${name}”: ${error.message}`, 'error'));

  return (
    <div className="search-bulk" role="region" aria-label="Selected results" ref={region}>
      <strong>{selected.length} selected</strong>
      {/* Escape goes back to the result `t` came from, in the capture phase: the picker stops Escape once it has cleared what was typed. */}
      <div
        className="catalog-picker"
        onKeyDownCapture={(event) => {
          if (event.key === 'Escape' && cameFrom.current) goBack();
        }}
      >
        <label htmlFor={pickerId}>Tag selected</label>
        <TagSearchInput ws={ws} tagIds={[]} onChange={tagWithChosen} onCreate={createTag && createAndTag} placeholder="Tag to add…" fieldProps={{ id: pickerId }} />
      </div>
      {tagResults.isPending && (
        <span className="muted" role="status">
          Tagging…
        </span>
      )}
      {actions?.({ open: linking, onOpenChange: setLinking })}
      <Button size="sm" variant="ghost" onClick={onDone}>
        Clear selection
      </Button>
      {sources > 0 && <span className="muted">Sources are tagged or linked through a new highlight: the whole ticket or answer, or the matched passage of an interview.</span>}
    </div>
  );
}
