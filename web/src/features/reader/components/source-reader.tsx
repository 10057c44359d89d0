import { customerName, interviewerOnlySpeakers, interviewerWordsMessage, WHOLE_SOURCE_KINDS } from '@cairn/shared';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useLocation, useNavigate } from 'react-router';
import type { Highlight, HighlightEvidenceLinks, Source, TagRef } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { PageHeader } from '../../../components/page-header';
import { Loading } from '../../../components/spinner';
import { restoreUndoKey, useDismissUndoOfLeaving, useToast, type ToastOptions } from '../../../components/toast';
import { useCatalog } from '../../../lib/catalog';
import { formatDate } from '../../../lib/dates';
import { isTypingTarget, useDocumentKeyDown } from '../../../lib/keyboard';
import { paths } from '../../../lib/paths';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { useWorkspace } from '../../../lib/workspace';
import { useChangeHighlightTags } from '../api/change-highlight-tags';
import { useCreateHighlight } from '../api/create-highlight';
import { useDeleteHighlight } from '../api/delete-highlight';
import { useSource } from '../api/get-source';
import { useEvidenceLinks } from '../api/list-evidence-links';
import { useSourceNeighbours } from '../api/list-source-neighbours';
import { useRestoreHighlight } from '../api/restore-highlight';
import { useUpdateHighlight } from '../api/update-highlight';
import { useFindInSource } from '../hooks/use-find-in-source';
import { useSpeakerFilter } from '../hooks/use-speaker-filter';
import type { FindPosition } from '../lib/find-in-text';
import { trimRange } from '../lib/highlight-runs';
import { focusInView, hiddenEnd } from '../lib/focus-in-view';
import { keyboardTarget, readerHelp } from '../lib/keyboard-hints';
import { readLastTag, rememberLastTag } from '../lib/last-tag';
import { paragraphRanges } from '../lib/paragraphs';
import { placePopover, POPOVER_GAP, type PopoverPlacement } from '../lib/popover-placement';
import { BODY_TEXT, NO_CONTEXT, notCustomerWords, readContextTexts, textById } from '../lib/reader-texts';
import { bodyRange, contextRange, selectedContextText, selectionInTexts, selectionRange } from '../lib/selection';
import { clipAtHiddenTurns, turnToEnter } from '../lib/speakers';
import { ClippedPassageNote } from './clipped-passage-note';
import { HIGHLIGHTS_HEADING_ID, HighlightPanel } from './highlight-panel';
import { FindBar } from './find-bar';
import { SourceBody, type Mark } from './source-body';
import { SourceEditDialog } from './source-edit-dialog';
import { SpeakerFilterBar } from './speaker-filter';
import { TagCombobox } from './tag-combobox';

const FLASH_MS = 1200;
const POPOVER_WIDTH = 320;
/** A selection longer than this (or over several lines) is not what to find: the find box opens empty instead. */
const FIND_PREFILL_MAX = 100;
/** How long after a mouse selection opens the popover an `h` typed first is taken for the key that opens it (see `onPopoverKeyDown`). */
const STRAY_H_MS = 1000;
/** A newer toast for a highlight just made replaces the one before: tagging turn after turn by keyboard would stack them over the text. */
const HIGHLIGHTED_TOAST = 'highlighted';
/** Numbers the messages offering Undo, each its own group to replace: what undoing says takes the place of the message it undid. */
let undoOffers = 0;
/** The key of a message whose Undo changes a live highlight (trashes the one just made, takes off the tag just added): it goes with the highlight. */
const liveUndoKey = (id: string) => `live ${id}`;

/**
 * A passage to tag, and where to show the popover: under `top` (the passage's bottom) or, if it
 * does not fit there, above `above`. `clipped` when the selection went on over hidden turns and
 * the passage stops before them; `selected` when it is the selection rather than a focused turn.
 */
type Pending = { start: number; end: number; whole: boolean; top: number; above: number; left: number; clipped?: boolean; selected?: boolean };

/** A tag a passage is tagged with: its id, and its name for the message saying so. */
type TagName = Pick<TagRef, 'id' | 'name'>;

/** Highlights to link as evidence; `getHighlightIds` runs once the person has chosen where (it may create the highlight then). */
export type EvidenceToLink = { count: number; getHighlightIds: () => Promise<string[]>; onClose: () => void };

export type SourceReaderProps = {
  sourceId: string;
  currentUserId: string;
  /** Creates a tag from the picker (the tags feature's endpoint, handed in by the page). */
  createTag?: (name: string) => Promise<TagRef>;
  /** The dialog linking highlights to a problem or backlog item (the insights feature's, handed in by the page). */
  renderLinkDialog?: (evidence: EvidenceToLink) => ReactNode;
  /** "Move to trash" for a live source the person may change, told what its highlights are evidence for (the sources feature's, handed in by the page). */
  renderTrashAction?: (source: Source, evidence: HighlightEvidenceLinks[]) => ReactNode;
  /** The notice above a trashed source, with Restore when `canRestore` (the sources feature's, handed in by the page). */
  renderTrashNotice?: (source: Source, canRestore: boolean) => ReactNode;
};

/** What find can start from: the body's turns and paragraphs, and the texts drawn around it (a ticket's replies). */
const FIND_ANCHORS = '[data-block-start], [data-context]';

/** Where find starts from when nothing is selected: the focused turn or paragraph, else the first turn, paragraph or reply in view. */
function findAnchor(root: HTMLElement): FindPosition {
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>(FIND_ANCHORS) : null;
  const anchors = focused && root.contains(focused) ? [focused] : [...root.querySelectorAll<HTMLElement>(FIND_ANCHORS)];
  const anchor = anchors.find((element) => element.getBoundingClientRect().bottom > 0);
  if (!anchor) return { text: BODY_TEXT, offset: 0 };
  return anchor.dataset.context ? { text: anchor.dataset.context, offset: 0 } : { text: BODY_TEXT, offset: Number(anchor.dataset.blockStart) };
}

/** Makes `range` the document's selection. */
function select(range: Range) {
  window.getSelection()?.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
}

/**
 * The reader: the source's text with its highlights drawn in place, a popover to tag a
 * selection, and the side panel. Built for the keyboard: h, t, j, k, arrows between turns,
 * Ctrl/⌘+F to find (and ? for help).
 */
export function SourceReader({ sourceId, currentUserId, createTag, renderLinkDialog, renderTrashAction, renderTrashNotice }: SourceReaderProps) {
  const workspace = useWorkspace();
  const ws = workspace.id;
  const source = useSource(ws, sourceId);
  const catalog = useCatalog(ws);
  const createHighlight = useCreateHighlight(ws);
  const updateHighlight = useUpdateHighlight(ws);
  const deleteHighlight = useDeleteHighlight(ws);
  const restoreHighlight = useRestoreHighlight(ws);
  const changeHighlightTags = useChangeHighlightTags(ws);
  const neighbours = useSourceNeighbours(ws, sourceId);
  const evidenceLinks = useEvidenceLinks(ws, sourceId);
  const navigate = useNavigate();
  const location = useLocation();
  const toast = useToast();
  const textRef = useRef<HTMLDivElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  /** What had focus when the popover opened for the whole source (Highlight all), to return to. */
  const wholeOpenerRef = useRef<Element | null>(null);
  /** The passage selected in the text (by touch, say), for the Highlight button shown while there is one. */
  const selectedRef = useRef<Omit<Pending, 'whole'> | null>(null);
  const [hasSelection, setHasSelection] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [popoverPlace, setPopoverPlace] = useState<PopoverPlacement | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [editingSource, setEditingSource] = useState(false);
  const [linking, setLinking] = useState<Omit<EvidenceToLink, 'onClose'> | null>(null);
  const data = source.data;
  // A highlight trashed (here or by anyone, seen once the source is fetched again) or deleted for good
  // cannot be trashed or untagged by an Undo any more: "Highlighted as …" would answer that it is not there.
  useDismissUndoOfLeaving(data?.highlights, sourceId, liveUndoKey);
  // A trashed source is read-only: the server refuses new highlights on it.
  const canHighlight = workspace.can('contributor') && !data?.deletedAt;
  const segments = data?.segments?.length ? data.segments : null;
  const speakerFilter = useSpeakerFilter(data?.body ?? '', segments);
  // A body without turns is drawn as paragraphs: a match is found inside one, as inside a turn.
  const paragraphs = useMemo(() => paragraphRanges(data?.body ?? ''), [data?.body]);
  const contextTexts = useMemo(() => (data ? readContextTexts(data) : NO_CONTEXT), [data]);
  const find = useFindInSource(data?.body ?? '', speakerFilter.shown ?? paragraphs, speakerFilter.blocks ?? paragraphs, contextTexts);
  const findInputRef = useRef<HTMLInputElement>(null);
  const [findFocusRequest, setFindFocusRequest] = useState(0);
  /** What had focus when find opened, to return to when it closes on no match. */
  const findOpenerRef = useRef<Element | null>(null);
  /** A highlight to bring into view once it is drawn: its turn may first have to come out from under the speaker filter. */
  const [landing, setLanding] = useState<{ id: string } | null>(null);
  /** Until when (`performance.now()`) a first `h` in the popover a mouse selection opened is dropped; 0 otherwise. */
  const strayHUntilRef = useRef(0);

  /**
   * Focus back on the turn or paragraph of a passage just tagged or let go, where it is on the
   * screen: on the whole text, the next Tab started over at its first turn. The whole source
   * returns focus to what opened its popover (Highlight all).
   */
  const returnFocus = useCallback((range: { start: number; whole: boolean }) => {
    const root = textRef.current;
    const opener = range.whole ? wholeOpenerRef.current : null;
    if (opener instanceof HTMLElement && opener.isConnected) return opener.focus({ preventScroll: true });
    const block = root && [...root.querySelectorAll<HTMLElement>('[data-block-start]')].find((element) => range.start < Number(element.dataset.blockEnd));
    (block ?? root)?.focus({ preventScroll: true });
  }, []);

  /**
   * Closes the popover without tagging. Focus on the passage's turn clears a selection, so a
   * selected passage is selected again: l or t then act on it, not on the whole turn.
   */
  const closePopover = useCallback(() => {
    if (!pending) return;
    // The pending mark goes first: the selection must be made on the text as drawn without it.
    flushSync(() => setPending(null));
    returnFocus(pending);
    const range = pending.selected && textRef.current ? bodyRange(textRef.current, pending.start, pending.end) : null;
    if (range) select(range);
  }, [pending, returnFocus]);

  /** Scrolls the text to a highlight and flashes it (once drawn: see `landing`). */
  const showHighlight = useCallback((id: string) => {
    setActiveId(id);
    setLanding({ id });
  }, []);

  const { reveal } = speakerFilter;
  useEffect(() => {
    if (!landing) return;
    const highlight = data?.highlights.find((item) => item.id === landing.id);
    // Opening the run of hidden turns that holds it draws it, and this runs again.
    if (highlight && reveal(highlight.start)) return;
    setLanding(null);
    const marks = textRef.current?.querySelectorAll<HTMLElement>(`[data-ids~="${CSS.escape(landing.id)}"]`);
    if (!marks?.length) return;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    marks[0]!.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    marks.forEach((mark) => mark.classList.add('hl-flash'));
    setTimeout(() => marks.forEach((mark) => mark.classList.remove('hl-flash')), FLASH_MS);
  }, [landing, data, reveal]);

  // Links land once: tagging something else (new source data) must not scroll the reader back.
  const loaded = data !== undefined;

  // A link to `#h-<id>` (from the Highlights page, a problem's evidence) lands on that highlight.
  useEffect(() => {
    const match = /^#h-(.+)$/.exec(location.hash);
    if (loaded && match) showHighlight(match[1]!);
  }, [loaded, location.hash, showHighlight]);

  // A link to `#at-<start>-<end>` (a search result) lands on that passage and marks it while the
  // link stays open; `#at-<start>` only scrolls there. The passage is drawn in runs like the other
  // marks: a Range over the text's nodes (a CSS custom highlight) collapsed as soon as find or a
  // new highlight cut those nodes anew.
  const at = useMemo(() => {
    const match = /^#at-(\d+)(?:-(\d+))?$/.exec(location.hash);
    return match ? { start: Number(match[1]), end: match[2] ? Number(match[2]) : null } : null;
  }, [location.hash]);
  const passage = useMemo(() => (at && at.end !== null && at.end > at.start ? { start: at.start, end: at.end } : null), [at]);
  useEffect(() => {
    const root = textRef.current;
    if (loaded && at && root) bodyRange(root, at.start, at.start + 1)?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  }, [loaded, at]);

  // The popover goes under the passage, or above it, or where there is more room (see `placePopover`),
  // measured before the paint: its height depends on the tags listed. Its whole height, borders
  // and all, even while an earlier placement has it scrolling inside.
  useLayoutEffect(() => {
    const popover = popoverRef.current;
    const height = popover && popover.scrollHeight + popover.offsetHeight - popover.clientHeight;
    if (!pending || !height) {
      setPopoverPlace(null);
      return;
    }
    setPopoverPlace(placePopover({ top: pending.above, bottom: pending.top }, height, window.innerHeight));
  }, [pending]);

  // A click anywhere else dismisses the popover, as Escape does.
  useEffect(() => {
    if (!pending) return;
    const onMouseDown = (event: globalThis.MouseEvent) => {
      if (!popoverRef.current?.contains(event.target as Node)) setPending(null);
    };
    document.addEventListener('mousedown', onMouseDown);
    return () => document.removeEventListener('mousedown', onMouseDown);
  }, [pending]);

  const { rows } = speakerFilter;
  /**
   * The passage selected in the text, as a body range with where to show the popover. A selection
   * going on over lines of hidden turns would take their text too: the passage stops before them.
   */
  const selectedTarget = useCallback((): Omit<Pending, 'whole'> | null => {
    const root = textRef.current;
    const selected = root && data ? selectionRange(root) : null;
    if (!root || !data || !selected) return null;
    const seen = rows && segments ? clipAtHiddenTurns(selected, rows, segments) : { ...selected, clipped: false };
    const range = seen && trimRange(data.body, seen.start, seen.end);
    if (!seen || !range) return null;
    const rect = seen.clipped ? (bodyRange(root, range.start, range.end)?.getBoundingClientRect() ?? selected.rect) : selected.rect;
    return { ...range, clipped: seen.clipped, selected: true, top: rect.bottom, above: rect.top, left: rect.left };
  }, [data, rows, segments]);

  /** The selection, or else the focused turn or paragraph, as a body range with where to show the popover. */
  const target = useCallback((): Omit<Pending, 'whole'> | null => {
    const root = textRef.current;
    if (!root || !data) return null;
    const selected = selectedTarget();
    if (selected) return selected;
    const block = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('[data-block-start]') : null;
    if (!block || !root.contains(block)) return null;
    const range = trimRange(data.body, Number(block.dataset.blockStart), Number(block.dataset.blockEnd));
    const rect = block.getBoundingClientRect();
    return range && { ...range, top: rect.bottom, above: rect.top, left: rect.left };
  }, [data, selectedTarget]);

  // Touch screens select without a mouseup or a key: while a passage is selected, a Highlight button offers the popover.
  useEffect(() => {
    if (!canHighlight) return;
    const onSelectionChange = () => {
      selectedRef.current = selectedTarget();
      setHasSelection(!!selectedRef.current);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [canHighlight, selectedTarget]);

  /** Why the selection cannot be highlighted when it is in a reply or a survey's question, else null. */
  const contextRefusal = useCallback(() => {
    const context = textRef.current && selectedContextText(textRef.current);
    return context ? notCustomerWords(context) : null;
  }, []);

  /** What h and t act on besides a selection: a turn of a transcript, else the message or answer, which ↓ reaches from anywhere. */
  const blockHint = data ? `or press ↓ to move to ${keyboardTarget(data)}` : '';

  /** Says why there is nothing to tag: the selection is in a reply or question, else `hint`. */
  const explainNoTarget = useCallback((hint: string) => toast.show(contextRefusal() ?? hint), [contextRefusal, toast]);

  /** Why a passage cannot be highlighted when all its words are the interviewer's (the server refuses it too), else null. */
  const interviewerRefusal = useCallback(
    (range: { start: number; end: number }) => {
      const speakers = data && interviewerOnlySpeakers(data.body, segments, range.start, range.end);
      return speakers ? interviewerWordsMessage(speakers) : null;
    },
    [data, segments],
  );

  /** Says why and answers true when a passage is all the interviewer's words, before any request. */
  const refuseInterviewerWords = useCallback(
    (range: { start: number; end: number }) => {
      const refused = interviewerRefusal(range);
      if (refused) toast.show(refused);
      return refused !== null;
    },
    [interviewerRefusal, toast],
  );

  /** A passage stopped before hidden turns becomes the selection, so that what is selected is what gets highlighted. */
  const selectIfClipped = useCallback((found: Omit<Pending, 'whole'>) => {
    const range = found.clipped && textRef.current ? bodyRange(textRef.current, found.start, found.end) : null;
    if (range) select(range);
  }, []);

  /** The popover for a passage; `byMouse` when a mouse selection opened it. */
  const tagPassage = useCallback(
    (found: Omit<Pending, 'whole'>, byMouse = false) => {
      strayHUntilRef.current = byMouse ? performance.now() + STRAY_H_MS : 0;
      selectIfClipped(found);
      setPending({ ...found, whole: false });
    },
    [selectIfClipped],
  );

  /**
   * The selected passage a highlight being edited moves to ("Use selected text"), stopped before
   * hidden turns as the popover's is; or why a selection in a reply or question, or all the
   * interviewer's, cannot be one.
   */
  const takeSelectionForEdit = useCallback(() => {
    const found = selectedTarget();
    if (!found) {
      const refused = contextRefusal();
      return refused ? { refused } : null;
    }
    const refused = interviewerRefusal(found);
    if (refused) return { refused };
    selectIfClipped(found);
    return found;
  }, [contextRefusal, interviewerRefusal, selectIfClipped, selectedTarget]);

  const openPopover = useCallback(
    (whole = false, anchor?: DOMRect, byMouse = false) => {
      if (!canHighlight || !data) return;
      if (whole) {
        strayHUntilRef.current = 0;
        wholeOpenerRef.current = document.activeElement;
        const rect = anchor ?? textRef.current!.getBoundingClientRect();
        setPending({ start: 0, end: data.body.length, whole: true, top: rect.bottom, above: rect.top, left: rect.left });
        return;
      }
      const found = target();
      if (!found) explainNoTarget(`Select a passage first (${blockHint}), then press h`);
      else if (!refuseInterviewerWords(found)) tagPassage(found, byMouse);
    },
    [blockHint, canHighlight, data, explainNoTarget, refuseInterviewerWords, tagPassage, target],
  );

  /** Contributors change their own highlights, researchers anyone's (the server's rule); nobody on a trashed source. */
  const canChange = useCallback(
    (highlight: Highlight) => canHighlight && (workspace.can('researcher') || highlight.createdBy?.id === currentUserId),
    [canHighlight, currentUserId, workspace],
  );

  /** What `u` undoes, the latest last: the changes made here whose message offering to undo them shows, not yet undone. */
  const undoOffersRef = useRef<Array<() => void>>([]);

  /**
   * A message with Undo for a change to the passage at `start`, which `u` undoes too while it is
   * the latest showing (once the message went, its time up or dismissed, `u` would undo what
   * nothing on the screen offers); either way it runs once. `undo` is handed the message's group
   * (`replaces`, its own unless given), for what it says to take that message's place rather than
   * leave a spent Undo showing; why an undo failed takes that place too (`u` leaves the message up,
   * and its Undo would do nothing more). `key` names the message for `dismiss`. Undo pressed on the
   * message takes focus back to the passage's turn, as the message (and the focus on it) goes.
   */
  const offerUndo = useCallback(
    (message: string, start: number, undo: (replaces: string) => Promise<unknown>, { replaces = `undo-${++undoOffers}`, key }: ToastOptions = {}) => {
      let done = false;
      const forget = () => {
        undoOffersRef.current = undoOffersRef.current.filter((offer) => offer !== once);
      };
      const once = () => {
        forget();
        if (done) return;
        done = true;
        void undo(replaces).catch((error: Error) => toast.show(`Could not undo: ${error.message}`, 'error', undefined, { replaces }));
      };
      undoOffersRef.current.push(once);
      const onClick = () => {
        returnFocus({ start, whole: false });
        once();
      };
      toast.show(message, 'success', { label: 'Undo', onClick }, { replaces, key, onGone: forget });
    },
    [returnFocus, toast],
  );

  /**
   * Moves a highlight to the trash, with Undo: the panel's Delete, and the Undo of a highlight just made
   * (whose message this one `replaces`), each saying why it failed its own way. The Undo goes once the highlight leaves the trash another way (Highlights → Trash).
   * Here and in `save`, promises rather than `mutate`'s callbacks, which are dropped once their caller unmounts: j/k
   * open the next source in a new reader while a highlight is still being saved, and a toast's Undo may be pressed there.
   */
  const trashHighlight = useCallback(
    (highlight: { id: string; start: number }, replaces?: string) =>
      deleteHighlight.mutateAsync({ id: highlight.id, sourceId }).then(() =>
        offerUndo(
          'Highlight moved to the trash, in Highlights → Trash',
          highlight.start,
          (restored) => restoreHighlight.mutateAsync(highlight.id).then(() => toast.show('Highlight restored', 'success', undefined, { replaces: restored })),
          { replaces, key: restoreUndoKey(highlight.id) },
        ),
      ),
    [deleteHighlight, offerUndo, restoreHighlight, sourceId, toast],
  );

  /** After a passage is tagged: the selection and the popover go, its highlight is the one shown, and focus is back on its turn. */
  const settle = useCallback(
    (range: { start: number; whole: boolean }, highlightId: string) => {
      // No text when j/k went on meanwhile: the selection and the focus are the next reader's.
      if (!textRef.current) return;
      window.getSelection()?.removeAllRanges();
      setPending(null);
      setActiveId(highlightId);
      returnFocus(range);
    },
    [returnFocus],
  );

  /**
   * Tagging a passage highlighted already, exactly, adds the tag to that highlight (Undo takes that
   * tag off again), as tagging search results or triage does, rather than quoting it twice: twice
   * the same quote would count twice under the tag. A tag it has already changes nothing, and says so.
   */
  const tagAgain = useCallback(
    (highlight: Highlight, range: { start: number; whole: boolean }, tag: TagName | null) => {
      if (!tag || highlight.tags.some((t) => t.id === tag.id)) {
        settle(range, highlight.id);
        const names = highlight.tags.map((t) => t.name).join(', ');
        toast.show(names ? `This passage is highlighted already, as ${names}` : 'This passage is highlighted already');
        return Promise.resolve();
      }
      const changeTag = (change: { addTagId: string } | { removeTagId: string }) => changeHighlightTags.mutateAsync({ highlightId: highlight.id, ...change });
      const untag = (replaces: string) => changeTag({ removeTagId: tag.id }).then(() => toast.show(`Took ${tag.name} off the highlight`, 'success', undefined, { replaces }));
      return changeTag({ addTagId: tag.id }).then(
        () => {
          rememberLastTag(ws, tag.id);
          settle(range, highlight.id);
          offerUndo(`Added ${tag.name} to this passage’s highlight`, range.start, untag, { replaces: HIGHLIGHTED_TOAST, key: liveUndoKey(highlight.id) });
        },
        (error: Error) => toast.show(error.message, 'error'),
      );
    },
    [changeHighlightTags, offerUndo, settle, toast, ws],
  );

  /** Passages being saved, by range: a key pressed twice, or held down, highlights a passage once. */
  const savingRef = useRef(new Set<string>());

  const save = useCallback(
    (range: { start: number; end: number; whole: boolean }, tag: TagName | null) => {
      const key = `${range.start}-${range.end}`;
      if (savingRef.current.has(key)) return;
      savingRef.current.add(key);
      const saved = () => savingRef.current.delete(key);
      const highlighted = data?.highlights.find((highlight) => highlight.start === range.start && highlight.end === range.end && canChange(highlight));
      if (highlighted) return void tagAgain(highlighted, range, tag).finally(saved);
      const tagIds = tag ? [tag.id] : [];
      const body = range.whole ? { whole: true as const, tagIds } : { start: range.start, end: range.end, tagIds };
      void createHighlight
        .mutateAsync({ sourceId, body })
        .then(
          (highlight) => {
            if (tag) rememberLastTag(ws, tag.id);
            settle(range, highlight.id);
            const message = highlight.tags.length ? `Highlighted as ${highlight.tags.map((t) => t.name).join(', ')}` : 'Highlighted';
            offerUndo(message, range.start, (replaces) => trashHighlight(highlight, replaces), { replaces: HIGHLIGHTED_TOAST, key: liveUndoKey(highlight.id) });
          },
          (error: Error) => toast.show(error.message, 'error'),
        )
        .finally(saved);
    },
    [canChange, createHighlight, data, offerUndo, settle, sourceId, tagAgain, toast, trashHighlight, ws],
  );

  /** The tag a picker chose, by id: the catalog lists every tag it offers. */
  const tagById = useCallback((id: string | null) => (id ? (catalog.data?.tags.find((tag) => tag.id === id) ?? null) : null), [catalog.data]);

  const applyLastTag = useCallback(() => {
    if (!canHighlight) return;
    const lastTag = tagById(readLastTag(ws));
    const found = target();
    if (!found) return explainNoTarget(`Select a passage first (${blockHint}), then press t`);
    if (refuseInterviewerWords(found)) return;
    // A passage stopped before hidden turns is shown before it is saved.
    if (found.clipped || !lastTag) return tagPassage(found);
    save({ ...found, whole: false }, lastTag);
  }, [blockHint, canHighlight, explainNoTarget, refuseInterviewerWords, save, tagById, tagPassage, target, ws]);

  /** `u`: does what the Undo of the latest message showing one for a change made here does. */
  const undoLast = () => {
    const undo = undoOffersRef.current.at(-1);
    if (undo) undo();
    else toast.show('Nothing to undo: u takes back the last highlight made, tag added or highlight deleted here while its message with Undo shows');
  };

  /** Links a highlight, or else the selected passage (highlighted untagged once a target is chosen), to a problem or backlog item. */
  const linkEvidence = useCallback(
    (what?: { highlightId: string } | { start: number; end: number }) => {
      if (!canHighlight || !renderLinkDialog) return;
      if (what && 'highlightId' in what) return setLinking({ count: 1, getHighlightIds: async () => [what.highlightId] });
      const selected = what ? null : target();
      if (selected && refuseInterviewerWords(selected)) return;
      // A passage stopped before hidden turns is shown (in the popover, which links too) before it is highlighted.
      if (selected?.clipped) return tagPassage(selected);
      const found = what ?? selected;
      // A passage highlighted already, exactly, is linked through that highlight rather than quoted twice.
      const highlighted = found && data?.highlights.find((highlight) => highlight.start === found.start && highlight.end === found.end);
      if (highlighted) return setLinking({ count: 1, getHighlightIds: async () => [highlighted.id] });
      if (found) {
        const body = { start: found.start, end: found.end, tagIds: [] };
        return setLinking({ count: 1, getHighlightIds: async () => [(await createHighlight.mutateAsync({ sourceId, body })).id] });
      }
      if (activeId) return setLinking({ count: 1, getHighlightIds: async () => [activeId] });
      explainNoTarget('Select a passage or a highlight first, then press l');
    },
    [activeId, canHighlight, createHighlight, data, explainNoTarget, refuseInterviewerWords, renderLinkDialog, sourceId, tagPassage, target],
  );

  /** Opens the find bar (or takes focus back to it) with the selected words (in the body, a reply or the question), from the selection or the turn in view. */
  const openFind = () => {
    const root = textRef.current;
    if (!root || !data) return;
    if (document.activeElement !== findInputRef.current) findOpenerRef.current = document.activeElement;
    const selected = selectionInTexts(root);
    const words = selected ? textById(data.body, contextTexts, selected.text).slice(selected.start, selected.end) : '';
    const prefill = words.trim() && words.length <= FIND_PREFILL_MAX && !words.includes('\n') ? words : undefined;
    find.start(selected ? { text: selected.text, offset: selected.start } : findAnchor(root), prefill);
    setFindFocusRequest((request) => request + 1);
  };

  /**
   * Closes the find bar as a browser's find does: the match stepped to becomes the selection, its
   * turn takes focus (so h tags it); with no match, focus goes back where it was. A match in a
   * reply is selected too (to copy; h says why it cannot be tagged), the text taking focus.
   */
  const closeFind = () => {
    const match = find.current;
    // The marks go first: the selection must be made on the text as drawn without them.
    flushSync(() => find.close());
    const root = textRef.current;
    const opener = findOpenerRef.current;
    if (!match || !root) return opener instanceof HTMLElement && opener.isConnected ? opener.focus() : root?.focus();
    if (match.text !== BODY_TEXT) {
      root.focus({ preventScroll: true });
      const range = contextRange(root, match.text, match.start, match.end);
      if (range) select(range);
      return;
    }
    const block = [...root.querySelectorAll<HTMLElement>('[data-block-start]')].find((element) => match.start < Number(element.dataset.blockEnd));
    block?.focus({ preventScroll: true });
    const range = bodyRange(root, match.start, match.end);
    if (range) select(range);
  };

  // The match stepped to comes into view, unless it is in view already (below the find bar).
  const currentMatch = find.current;
  useEffect(() => {
    const mark = currentMatch && textRef.current?.querySelector<HTMLElement>('mark.find-current');
    if (!mark) return;
    const rect = mark.getBoundingClientRect();
    const barBottom = document.querySelector('.find-bar')?.getBoundingClientRect().bottom ?? 0;
    if (rect.top < barBottom || rect.bottom > window.innerHeight) mark.scrollIntoView({ block: 'center' });
  }, [currentMatch]);

  /**
   * ↓, ↑, Home or End pressed while focus is on no control (the reader just opened, or its
   * heading has focus) go to a turn of a transcript, or to a ticket's message or a survey's
   * answer: the text is one key away, not many Tabs through the header. True when a block took
   * focus. Home and End go on scrolling the page of a text without turns.
   */
  const enterText = (event: globalThis.KeyboardEvent) => {
    const root = textRef.current;
    const focused = event.target;
    if (!root || event.shiftKey || !(focused === document.body || (focused instanceof HTMLElement && focused.tabIndex < 0))) return false;
    if (!segments && (event.key === 'Home' || event.key === 'End')) return false;
    const blocks = root.querySelectorAll<HTMLElement>('[data-block-start]');
    // Wide screens scroll <main> under the top bar, narrow ones the window.
    const view = document.querySelector('main')?.getBoundingClientRect();
    const top = Math.max(0, view?.top ?? 0);
    const bottom = Math.min(window.innerHeight, view?.bottom ?? window.innerHeight);
    const partly = (index: number) => {
      const rect = blocks[index]!.getBoundingClientRect();
      return rect.bottom > top && rect.top < bottom;
    };
    // ↓ and ↑ go to a block seen whole, which takes focus where it is; else to one partly in view (a turn taller than the window, one half under the top bar), which scrolls into view.
    const at = turnToEnter(event.key, blocks.length, (index) => partly(index) && !hiddenEnd(blocks[index]!)) ?? turnToEnter(event.key, blocks.length, partly);
    if (at === null) return false;
    event.preventDefault();
    focusInView(blocks[at]!);
    return true;
  };

  useDocumentKeyDown((event) => {
    if (event.defaultPrevented) return;
    // Ctrl/⌘+F finds in the source, whatever has focus on this page; pressed again in the find
    // box it is the browser's own find, for the rest of the page.
    const findKey = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f';
    if (findKey && event.target !== findInputRef.current && !pending && !linking && !document.querySelector('dialog[open]')) {
      event.preventDefault();
      return openFind();
    }
    if (event.key === 'F3' && find.open) {
      event.preventDefault();
      return find.step(event.shiftKey ? -1 : 1);
    }
    if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target) || pending || linking || enterText(event)) return;
    // At either end of the list nothing would happen: say so, as the disabled Previous or Next shows.
    const go = (id: string | undefined, which: 'next' | 'previous') => {
      if (id) return void navigate(paths.source(ws, id));
      const end = which === 'next' ? 'last' : 'first';
      toast.show(neighbours.listed ? `No ${which} source: this is the ${end} one in the list you came from` : `No ${which} source: this one is not in the list you came from`);
    };
    const actions: Record<string, () => void> = {
      h: () => openPopover(),
      t: applyLastTag,
      l: () => linkEvidence(),
      u: undoLast,
      j: () => go(neighbours.next, 'next'),
      k: () => go(neighbours.previous, 'previous'),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  // Selecting with the mouse opens the popover straight away, unless the selection is a new passage for the highlight being edited.
  // A click on a button in the text (a line of hidden turns) selects nothing, though a selection (a match left by find) may stay.
  const onMouseUp = (event: MouseEvent) => {
    if ((event.target as Element).closest('button')) return;
    if (canHighlight && !pending && !editingId) setTimeout(() => textRef.current && selectionRange(textRef.current) && openPopover(false, undefined, true), 0);
  };
  const onClick = (event: MouseEvent) => {
    const mark = (event.target as HTMLElement).closest<HTMLElement>('mark[data-ids]');
    const id = mark?.dataset.ids?.split(' ')[0];
    if (id && window.getSelection()?.isCollapsed) setActiveId(id);
  };

  // Stable between renders so the (long) text is not redrawn when only the popover or panel changes.
  const marks = useMemo<Mark[]>(
    () => (data?.highlights ?? []).map((highlight) => ({ ...highlight, label: highlight.tags.map((tag) => tag.name).join(', ') || 'Highlight' })),
    [data?.highlights],
  );

  if (source.isPending) return <Loading />;
  if (source.error || !data) return <ErrorMessage error={source.error} />;

  const customer = data.customer && [customerName(data.customer), data.customer.company?.name].filter(Boolean).join(' · ');
  const trashed = !!data.deletedAt;
  // Same rule as the server: contributors edit, trash and restore their own sources, researchers anyone's.
  const canChangeSource = workspace.can('researcher') || (workspace.can('contributor') && data.createdBy?.id === currentUserId);
  const jumpToHighlights = () => {
    const heading = document.getElementById(HIGHLIGHTS_HEADING_ID);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };
  // Tab and Shift+Tab go round the popover's controls: it stays open, so focus must not wander off behind it.
  const onPopoverKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // A mouse selection opens the popover with its box focused, but people who learned that h tags
    // a selection press it anyway, and that h would name a new tag "h". So the first key typed
    // within a second, if it is h in the empty box, is dropped; typed again, it is a letter.
    const strayH = performance.now() < strayHUntilRef.current;
    strayHUntilRef.current = 0;
    if (strayH && event.key === 'h' && !event.ctrlKey && !event.metaKey && !event.altKey && event.target instanceof HTMLInputElement && !event.target.value) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      return closePopover();
    }
    if (event.key !== 'Tab') return;
    const controls = [...event.currentTarget.querySelectorAll<HTMLElement>('input, button:not(:disabled)')];
    const wrapTo = event.shiftKey ? (document.activeElement === controls[0] ? controls.at(-1) : null) : document.activeElement === controls.at(-1) ? controls[0] : null;
    if (wrapTo) {
      event.preventDefault();
      wrapTo.focus();
    }
  };

  return (
    <div className="reader">
      <PageHeader
        title={data.title}
        description={
          <>
            <span className="badge">{SOURCE_KIND_LABELS[data.kind].one}</span> {customer && <span>{customer} · </span>}
            <time dateTime={data.occurredAt}>{formatDate(data.occurredAt)}</time>
            <span className="muted keyboard-hint"> · press <kbd>?</kbd> for keyboard shortcuts</span>
          </>
        }
        actions={
          <>
            {data.highlights.length > 0 && (
              <Button size="sm" variant="ghost" className="reader-jump" onClick={jumpToHighlights}>
                Highlights ({data.highlights.length}) ↓
              </Button>
            )}
            {canHighlight && WHOLE_SOURCE_KINDS.has(data.kind) && (
              <Button variant="primary" onClick={(event) => openPopover(true, event.currentTarget.getBoundingClientRect())}>
                Highlight all
              </Button>
            )}
            {canChangeSource && !trashed && (
              <Button size="sm" onClick={() => setEditingSource(true)}>
                Edit source
              </Button>
            )}
            {canChangeSource && !trashed && renderTrashAction?.(data, [...(evidenceLinks.data?.values() ?? [])])}
            <Button size="sm" variant="ghost" disabled={!neighbours.previous} onClick={() => neighbours.previous && navigate(paths.source(ws, neighbours.previous))} aria-keyshortcuts="k">
              ← Previous
            </Button>
            <Button size="sm" variant="ghost" disabled={!neighbours.next} onClick={() => neighbours.next && navigate(paths.source(ws, neighbours.next))} aria-keyshortcuts="j">
              Next →
            </Button>
          </>
        }
      />
      {trashed && renderTrashNotice?.(data, canChangeSource)}
      <div className="reader-layout">
        <div className="reader-main">
          <div className="reader-tools">
            {segments && speakerFilter.speakers.length > 1 && <SpeakerFilterBar filter={speakerFilter} total={segments.length} />}
            <Button size="sm" variant="ghost" className="reader-find-open" onClick={openFind} aria-keyshortcuts="Control+F Meta+F">
              Find in text
            </Button>
          </div>
          {find.open && <FindBar find={find} inputRef={findInputRef} focusRequest={findFocusRequest} onClose={closeFind} />}
          <div
            ref={textRef}
            className="reader-text"
            tabIndex={-1}
            aria-label="Source text"
            aria-describedby={canHighlight ? 'reader-help' : undefined}
            onMouseUp={onMouseUp}
            onClick={onClick}
          >
            <p id="reader-help" className="visually-hidden">
              {readerHelp(data)}
            </p>
            <SourceBody
              source={data}
              marks={marks}
              pending={pending}
              activeId={activeId}
              finds={find.matches}
              currentFind={find.current}
              passage={passage}
              rows={speakerFilter.rows}
              onToggleHidden={speakerFilter.toggleRun}
            />
          </div>
        </div>
        <HighlightPanel
          ws={ws}
          body={data.body}
          highlights={data.highlights}
          links={evidenceLinks.data}
          activeId={activeId}
          editingId={editingId}
          onEdit={setEditingId}
          canChange={canChange}
          onSelect={showHighlight}
          onLink={canHighlight && renderLinkDialog ? (highlightId) => linkEvidence({ highlightId }) : undefined}
          onCreateTag={createTag}
          onSave={(id, body) => updateHighlight.mutateAsync({ id, body }).then(() => toast.show('Highlight saved', 'success'))}
          readSelection={takeSelectionForEdit}
          readOnlyReason={trashed ? 'This source is in the trash: restore it to highlight it.' : canHighlight ? null : 'Viewers read highlights; contributors and up make them.'}
          keyboardTarget={keyboardTarget(data)}
          onDelete={(highlight) => void trashHighlight(highlight).catch((error: Error) => toast.show(error.message, 'error'))}
        />
      </div>
      {pending && (
        <div
          ref={popoverRef}
          className="tag-popover"
          role="dialog"
          aria-label={pending.whole ? 'Tag the whole source' : 'Tag the selection'}
          onKeyDown={onPopoverKeyDown}
          style={{ top: popoverPlace?.top ?? pending.top + POPOVER_GAP, maxHeight: popoverPlace?.maxHeight, left: Math.max(POPOVER_GAP, Math.min(pending.left, window.innerWidth - POPOVER_WIDTH - POPOVER_GAP)) }}
        >
          <p className="popover-quote">“{data.body.slice(pending.start, pending.end).slice(0, 140)}”</p>
          {pending.clipped && <ClippedPassageNote />}
          <TagCombobox
            ws={ws}
            label="Tag"
            allowNone
            busy={createHighlight.isPending || changeHighlightTags.isPending}
            onPick={(tagId) => save(pending, tagById(tagId))}
            onCreate={createTag ? (name) => void createTag(name).then((tag) => save(pending, tag), (error: Error) => toast.show(error.message, 'error')) : undefined}
            onEscape={closePopover}
          />
          <p className="popover-hint muted keyboard-hint">
            <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> apply · <kbd>Esc</kbd> close
          </p>
          {renderLinkDialog && !pending.whole && (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                setPending(null);
                linkEvidence(pending);
              }}
            >
              Link to problem or backlog…
            </Button>
          )}
        </div>
      )}
      {hasSelection && !pending && !editingId && (
        <Button
          variant="primary"
          className="reader-select-action"
          // Pressing it must not clear the selection it tags.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            const found = selectedTarget() ?? selectedRef.current;
            if (found && !refuseInterviewerWords(found)) tagPassage(found);
          }}
          aria-keyshortcuts="h"
        >
          Highlight
        </Button>
      )}
      {linking && renderLinkDialog?.({ ...linking, onClose: () => setLinking(null) })}
      {editingSource && (
        <SourceEditDialog
          ws={ws}
          source={data}
          onClose={() => setEditingSource(false)}
          onSaved={(saved) => {
            setEditingSource(false);
            toast.show(`Saved “${saved.title}”`, 'success');
          }}
        />
      )}
    </div>
  );
}
