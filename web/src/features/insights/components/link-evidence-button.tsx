/**
 * Linking highlights to a problem or backlog item, from wherever they are selected.
 *
 * - `LinkEvidenceButton`: the button "Link to problem or backlog…" and its dialog, for a bar of
 *   selected things (Search, Highlights). Viewers see it disabled, with the reason.
 * - `LinkEvidenceDialog`: the dialog alone, for a page that opens it itself, such as the reader
 *   on the `l` key:
 *
 *     const [linking, setLinking] = useState(false);
 *     // in the page's useDocumentKeyDown: if (event.key === 'l' && workspace.can('contributor')) setLinking(true);
 *     <LinkEvidenceDialog ws={ws} open={linking} onClose={() => setLinking(false)} count={1} getHighlightIds={async () => [highlight.id]} />
 *
 * `getHighlightIds` is called only once the person chose where to link: a page may create the
 * highlights then (the Search page does, for whole sources among its results).
 *
 * - `LinkInsightBacklogDialog`: linking a problem and a backlog item, from either one's page.
 */
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { useToast } from '../../../components/toast';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { useWorkspace } from '../../../lib/workspace';
import { useLinkEvidence, useLinkInsightToBacklogItem, type LinkEvidenceResult, type LinkTarget, type LinkTargetType } from '../hooks/use-link-evidence';
import { TargetDialog } from './target-picker';

const VIEWER_REASON = 'Viewers read only. Ask an admin for the contributor role to link evidence to problems and backlog items.';

export type LinkEvidenceProps = {
  ws: string;
  /** The highlights to link; called once the person confirmed. */
  getHighlightIds: () => Promise<string[]>;
  /** How many are selected, for the dialog's title. */
  count: number;
  onLinked?: (result: LinkEvidenceResult) => void;
};

/** The page of a problem or backlog item. */
export const targetPath = (ws: string, target: LinkTarget) => (target.type === 'insight' ? paths.problem(ws, target.id) : paths.backlogItem(ws, target.id));

/** What a link did, in one line: how many were linked, and how many were there already. */
export function linkedMessage({ target, linked, changed }: LinkEvidenceResult): string {
  if (changed === 0) return `${linked === 1 ? 'That highlight was' : `All ${linked} highlights were`} already linked to “${target.title}”`;
  const already = linked - changed;
  return `Linked ${countOf(changed, 'highlight')} to “${target.title}”${already > 0 ? ` (${already} already were)` : ''}`;
}

/**
 * The dialog: find or create the target, Enter links, a toast says what happened and opens the
 * target. `intro` replaces the words about the selected passages (the triage queue links a whole item).
 */
export function LinkEvidenceDialog({ ws, open, onClose, getHighlightIds, count, onLinked, intro }: LinkEvidenceProps & { open: boolean; onClose: () => void; intro?: string }) {
  const workspace = useWorkspace();
  const link = useLinkEvidence(ws);
  const toast = useToast();
  const navigate = useNavigate();
  const close = () => {
    link.reset();
    onClose();
  };
  return (
    <TargetDialog
      ws={ws}
      open={open}
      title="Link to a problem or backlog item"
      intro={
        <p className="muted target-intro">
          {intro ??
            `${count === 1 ? 'The passage you selected becomes evidence of what you choose, and counts' : `The ${count.toLocaleString()} passages you selected become evidence of what you choose, and count`} among its customers and score.`}
        </p>
      }
      label="Problem or backlog item"
      types={['insight', 'backlogItem']}
      canCreate={workspace.can('researcher')}
      busy={link.isPending}
      error={link.error}
      onClose={close}
      onChoose={(choice) =>
        link.mutate(
          { choice, getHighlightIds },
          {
            onSuccess: (result) => {
              toast.show(linkedMessage(result), 'success', { label: 'Open', onClick: () => navigate(targetPath(ws, result.target)) });
              onLinked?.(result);
              close();
            },
          },
        )
      }
    />
  );
}

/**
 * "Link to problem or backlog…" for a selection; disabled, with the reason, for viewers. `open` and
 * `onOpenChange` hand its dialog to the page, for a key that opens it too (Search's `l`).
 */
export function LinkEvidenceButton({ size = 'md', open: openFromPage, onOpenChange, ...props }: LinkEvidenceProps & { size?: 'sm' | 'md'; open?: boolean; onOpenChange?: (open: boolean) => void }) {
  const workspace = useWorkspace();
  const reasonId = useId();
  const [ownOpen, setOwnOpen] = useState(false);
  const open = openFromPage ?? ownOpen;
  const setOpen = onOpenChange ?? setOwnOpen;
  const allowed = workspace.can('contributor');
  if (!allowed) {
    // aria-disabled rather than disabled: a disabled button cannot be focused, so its reason could not be read.
    return (
      <>
        <Button size={size} aria-disabled="true" aria-describedby={reasonId} title={VIEWER_REASON}>
          Link to problem or backlog…
        </Button>
        <span id={reasonId} hidden>
          {VIEWER_REASON}
        </span>
      </>
    );
  }
  return (
    <>
      <Button size={size} onClick={() => setOpen(true)} disabled={props.count === 0} aria-haspopup="dialog">
        Link to problem or backlog…
      </Button>
      {open && <LinkEvidenceDialog {...props} open onClose={() => setOpen(false)} />}
    </>
  );
}

/** The words of the dialog linking a problem and a backlog item, by the page it opens on. */
const PAIR_WORDS: Record<LinkTargetType, { title: (title: string) => string; intro: string; label: string; linked: (title: string) => string }> = {
  insight: {
    title: (title) => `Link “${title}” to a backlog item`,
    intro: 'Its evidence then counts for the item: customers, companies, revenue.',
    label: 'Backlog item',
    linked: (title) => `Linked to “${title}”`,
  },
  backlogItem: {
    title: (title) => `Link a problem to “${title}”`,
    intro: 'Its evidence then counts for this item: customers, companies, revenue.',
    label: 'Problem',
    linked: (title) => `Linked “${title}”`,
  },
};

type LinkInsightBacklogDialogProps = {
  ws: string;
  open: boolean;
  /** The page's own problem or backlog item; the other side is found (or created) in the dialog. */
  from: LinkTarget;
  /** The other side's ids linked already, left out. */
  excludeIds: readonly string[];
  onClose: () => void;
};

/** Links a problem to a backlog item from either one's page; a toast says so and opens the other side. */
export function LinkInsightBacklogDialog({ ws, open, from, excludeIds, onClose }: LinkInsightBacklogDialogProps) {
  const workspace = useWorkspace();
  const link = useLinkInsightToBacklogItem(ws);
  const toast = useToast();
  const navigate = useNavigate();
  const words = PAIR_WORDS[from.type];
  const other: LinkTargetType = from.type === 'insight' ? 'backlogItem' : 'insight';
  const close = () => {
    link.reset();
    onClose();
  };
  return (
    <TargetDialog
      ws={ws}
      open={open}
      title={words.title(from.title)}
      intro={<p className="muted target-intro">{words.intro}</p>}
      label={words.label}
      types={[other]}
      canCreate={workspace.can('researcher')}
      excludeIds={excludeIds}
      busy={link.isPending}
      error={link.error}
      onClose={close}
      onChoose={(choice) =>
        link.mutate(from.type === 'insight' ? { insight: from, backlogItem: choice } : { insight: choice, backlogItem: from }, {
          onSuccess: (linked) => {
            const target = linked[other];
            toast.show(words.linked(target.title), 'success', { label: 'Open', onClick: () => navigate(targetPath(ws, target)) });
            close();
          },
        })
      }
    />
  );
}
