import type { CSSProperties } from 'react';
import { tagLineColor, tagTextColor } from '../lib/tag-colors';

export type ChipTag = { id: string; name: string; color?: string | null };

/** A tag's own colour, tinted behind its name, the name in that colour made readable on the theme. */
const tinted = (color: string | null | undefined): CSSProperties | undefined =>
  color ? { background: `color-mix(in srgb, ${tagLineColor(color)} 13%, transparent)`, color: tagTextColor(color) } : undefined;

/** One tag as a chip, with a remove button where the tag can be taken off. */
export function TagChip({ tag, onRemove }: { tag: ChipTag; onRemove?: (id: string) => void }) {
  return (
    <span className="tag-chip" style={tinted(tag.color)}>
      {tag.name}
      {onRemove && (
        <button type="button" className="chip-remove" aria-label={`Remove tag ${tag.name}`} onClick={() => onRemove(tag.id)}>
          ×
        </button>
      )}
    </span>
  );
}

/** The tags of one thing (a highlight, a result) as a list of chips; nothing when there are none. */
export function TagChips({ tags, onRemove, className }: { tags: ChipTag[]; onRemove?: (id: string) => void; className?: string }) {
  if (!tags.length) return null;
  return (
    <ul className={['tag-chips', className].filter(Boolean).join(' ')} aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag.id}>
          <TagChip tag={tag} onRemove={onRemove} />
        </li>
      ))}
    </ul>
  );
}

/** The coloured dot that stands for a tag beside its name in pickers and charts. */
export function TagDot({ color }: { color?: string | null }) {
  return <span className="tag-dot" style={{ background: color ? tagLineColor(color) : undefined }} aria-hidden="true" />;
}
