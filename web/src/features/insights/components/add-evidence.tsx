import { useState, type ReactNode } from 'react';
import { Button } from '../../../components/button';
import { useToast } from '../../../components/toast';
import { isTypingTarget, useDocumentKeyDown } from '../../../lib/keyboard';
import type { EvidenceOwner } from '../api/list-evidence';
import { useLinkEvidence, type LinkTarget } from '../hooks/use-link-evidence';
import { linkedMessage } from './link-evidence-button';

/** What the page's highlight picker is told: which highlights are evidence here already, and what to do with those picked. */
export type EvidencePickerProps = {
  title: string;
  intro: string;
  /** The evidence already here, shown as linked rather than offered again. */
  addedTo: EvidenceOwner;
  busy: boolean;
  error: unknown;
  onPick: (highlightIds: string[]) => void;
  onClose: () => void;
};

/** The dialog behind "Add evidence", which finds highlights: the page composes it from the highlights feature. */
export type RenderEvidencePicker = (picker: EvidencePickerProps) => ReactNode;

type AddEvidenceProps = {
  ws: string;
  /** The problem or backlog item the picked highlights are linked to. */
  target: LinkTarget;
  addedTo: EvidenceOwner;
  /** What a picked quote becomes, said above the search box. */
  intro: string;
  renderPicker: RenderEvidencePicker;
};

/**
 * "Add evidence" on a problem's or a backlog item's page, and `l` there: the picker finds
 * highlights in the whole workspace and links those picked here; a toast says how many. Render
 * it only for members who may link (contributors and up).
 */
export function AddEvidence({ ws, target, addedTo, intro, renderPicker }: AddEvidenceProps) {
  const link = useLinkEvidence(ws);
  const toast = useToast();
  const [open, setOpen] = useState(false);

  useDocumentKeyDown((event) => {
    if (event.key !== 'l' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    event.preventDefault();
    setOpen(true);
  });

  const close = () => {
    link.reset();
    setOpen(false);
  };
  const pick = (highlightIds: string[]) =>
    link.mutate(
      { choice: target, getHighlightIds: async () => highlightIds },
      {
        onSuccess: (result) => {
          toast.show(linkedMessage(result), 'success');
          close();
        },
      },
    );

  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)} aria-keyshortcuts="l" aria-haspopup="dialog">
        <kbd className="keyboard-hint">l</kbd> Add evidence
      </Button>
      {open && renderPicker({ title: `Add evidence to “${target.title}”`, intro, addedTo, busy: link.isPending, error: link.error, onPick: pick, onClose: close })}
    </>
  );
}

/** The empty evidence list's way to Add evidence, for those who have it. */
export function AddEvidenceHint() {
  return (
    <>
      Choose <strong>Add evidence</strong>
      <span className="keyboard-hint">
        {' '}
        (or press <kbd>l</kbd>)
      </span>{' '}
      to pick quotes from the workspace's highlights.{' '}
    </>
  );
}
