import { useRef, useState } from 'react';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { Field } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { countOf } from '../../../lib/numbers';
import { useQuotesMarkdown, type QuotesMarkdownRequest } from '../api/get-quotes-markdown';

/**
 * When the browser keeps the clipboard from the page (it does over plain http, and may once a
 * fetch has taken the click's moment), the Markdown shows here instead: Copy is a fresh click,
 * which may copy the selected text where the Clipboard API may not, and Ctrl+C always can.
 */
function CopyFallbackDialog({ markdown, onClose }: { markdown: string | null; onClose: () => void }) {
  const field = useRef<HTMLTextAreaElement>(null);
  const toast = useToast();
  const copy = () => {
    const textarea = field.current;
    if (!textarea) return;
    textarea.focus();
    textarea.select();
    // The old command works where the Clipboard API is not offered (http): with the text selected, on a click.
    if (document.execCommand('copy')) {
      toast.show('Copied the quotes as Markdown', 'success');
      onClose();
    } else {
      toast.show('The browser did not copy: the text is selected, press Ctrl+C (⌘C on a Mac)', 'info');
    }
  };
  return (
    <Dialog
      open={markdown !== null}
      title="Copy quotes as Markdown"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Done</Button>
          <Button variant="primary" onClick={copy}>
            Copy
          </Button>
        </>
      }
    >
      <p>The browser did not let Cairn put the quotes on the clipboard. Press Copy, or select the text below and press Ctrl+C (⌘C on a Mac).</p>
      <Field label="Quotes as Markdown">
        {(props) => <textarea {...props} ref={field} className="input textarea" readOnly rows={12} spellCheck={false} value={markdown ?? ''} onFocus={(event) => event.currentTarget.select()} />}
      </Field>
    </Dialog>
  );
}

type CopyQuotesButtonProps = { ws: string; request: QuotesMarkdownRequest; size?: 'sm' | 'md'; label?: string };

/** Copies the quotes the filters match as Markdown (quotes-markdown.ts), for a PRD or a ticket. */
export function CopyQuotesButton({ ws, request, size = 'md', label = 'Copy quotes as Markdown' }: CopyQuotesButtonProps) {
  const quotes = useQuotesMarkdown(ws);
  const toast = useToast();
  const [fallback, setFallback] = useState<string | null>(null);
  const copy = () =>
    quotes.mutate(request, {
      onSuccess: async ({ markdown, count, total }) => {
        try {
          await navigator.clipboard.writeText(markdown);
        } catch {
          // No Clipboard API (http), or no permission: the dialog hands the text over instead.
          setFallback(markdown);
          return;
        }
        const newest = total > count ? ` (the newest ${count.toLocaleString('en')} of ${total.toLocaleString('en')})` : '';
        toast.show(`Copied ${countOf(count, 'quote')} as Markdown${newest}: paste them into your document`, 'success');
      },
      onError: (error) => toast.show(`Could not copy the quotes: ${error.message}`, 'error'),
    });
  return (
    <>
      <Button size={size} busy={quotes.isPending} onClick={copy}>
        {label}
      </Button>
      <CopyFallbackDialog markdown={fallback} onClose={() => setFallback(null)} />
    </>
  );
}
