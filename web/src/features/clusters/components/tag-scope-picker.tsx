import { Field } from '../../../components/field';
import { TagChips } from '../../../components/tag-chip';
import { TagSearchInput } from '../../../components/tag-search-input';
import { useCatalogIndex } from '../../../lib/catalog';

type TagScopePickerProps = { ws: string; tagIds: string[]; onChange: (tagIds: string[]) => void; hint: string; error?: string };

/** Tags to narrow a run to, any of them: type to find one in the catalog, ↑/↓ and Enter to add it; each chosen tag shows as a chip to remove. */
export function TagScopePicker({ ws, tagIds, onChange, hint, error }: TagScopePickerProps) {
  const { catalog } = useCatalogIndex(ws);
  const chosen = tagIds.map((id) => catalog?.tags.find((tag) => tag.id === id) ?? { id, name: 'Deleted tag' });
  return (
    <Field label="Tags" hint={hint} error={error}>
      {(props) => (
        <div className="catalog-picker">
          <TagChips tags={chosen} onRemove={(id) => onChange(tagIds.filter((tagId) => tagId !== id))} />
          <TagSearchInput ws={ws} tagIds={tagIds} onChange={onChange} placeholder={tagIds.length ? 'Add another tag…' : 'Any tag'} fieldProps={props} />
        </div>
      )}
    </Field>
  );
}
