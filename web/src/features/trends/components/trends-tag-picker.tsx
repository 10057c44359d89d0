import { TRENDS_TAGS_MAX, TRENDS_TOP_TAGS, type TagRef } from '@cairn/shared';
import { Field } from '../../../components/field';
import { TagDot } from '../../../components/tag-chip';
import { TagSearchInput } from '../../../components/tag-search-input';
import { useCatalogIndex } from '../../../lib/catalog';
import { seriesColors } from '../lib/trends-params';

type TrendsTagPickerProps = { ws: string; tagIds: string[]; onChange: (tagIds: string[]) => void };

/**
 * The tags to draw: type to find one in the catalog, ↑/↓ and Enter to add it, up to
 * TRENDS_TAGS_MAX; each chosen tag shows as a chip in its line's colour, with a button to remove it.
 */
export function TrendsTagPicker({ ws, tagIds, onChange }: TrendsTagPickerProps) {
  const { catalog } = useCatalogIndex(ws);
  const full = tagIds.length >= TRENDS_TAGS_MAX;
  const chosen: TagRef[] = tagIds.map((id) => {
    const tag = catalog?.tags.find((candidate) => candidate.id === id);
    return tag ? { id, name: tag.name, color: tag.color, group: tag.group } : { id, name: 'Deleted tag', color: null, group: null };
  });
  const colors = seriesColors(chosen);
  return (
    <div className="trends-tag-picker">
      <Field label="Tags" hint={tagIds.length ? `Up to ${TRENDS_TAGS_MAX} tags.` : `Without a choice, the ${TRENDS_TOP_TAGS} most used tags of the range.`}>
        {(props) => (
          <div className="catalog-picker">
            {chosen.length > 0 && (
              <ul className="tag-chips" aria-label="Tags drawn">
                {chosen.map((tag, index) => (
                  <li key={tag.id}>
                    <span className="tag-chip trends-chip">
                      <TagDot color={colors[index]} />
                      {tag.name}
                      <button type="button" className="chip-remove" aria-label={`Remove tag ${tag.name}`} onClick={() => onChange(tagIds.filter((id) => id !== tag.id))}>
                        ×
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <TagSearchInput
              ws={ws}
              tagIds={tagIds}
              onChange={onChange}
              placeholder={full ? `${TRENDS_TAGS_MAX} tags at most` : tagIds.length ? 'Add another tag…' : 'The most used tags'}
              disabled={full}
              fieldProps={props}
            />
          </div>
        )}
      </Field>
    </div>
  );
}
