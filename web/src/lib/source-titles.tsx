import { titleRepeatsText, type SourceKind } from '@cairn/shared';
import { SOURCE_KIND_LABELS } from './source-kinds';

/** The first words of a text, to name it where the whole would not fit (a checkbox's label, a link's hidden words). */
export function textStart(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length).trimEnd()}…` : text;
}

type SourceLinkLabelProps = {
  source: { title: string; kind: SourceKind };
  /** The text shown beside the link: a quote, a member's text, a snippet, a preview. */
  text: string;
};

/**
 * What a link to a source reads next to words of it: its title, or, for a ticket or answer
 * titled by its own text (no subject), "Open ticket" — the title would print the text twice.
 * Screen readers' list of links still tells such links apart by the text's first words.
 */
export function SourceLinkLabel({ source, text }: SourceLinkLabelProps) {
  if (!titleRepeatsText(source.title, text)) return <>{source.title}</>;
  return (
    <>
      Open {SOURCE_KIND_LABELS[source.kind].one.toLowerCase()}
      <span className="visually-hidden"> “{textStart(text)}”</span>
    </>
  );
}
