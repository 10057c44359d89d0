import type { ReactNode } from 'react';
import type { TagPickerOption } from '../lib/tag-picker-options';
import { TagDot } from './tag-chip';

type TagOptionListProps = {
  /** The listbox's id; each option's id is `${listId}-${index}`, for the input's aria-activedescendant. */
  listId: string;
  options: TagPickerOption[];
  active: number;
  onPick: (option: TagPickerOption) => void;
  onHover: (index: number) => void;
  /** Over the page, under its input; else in the flow, as in the tag popover. */
  floating?: boolean;
  /** Shown in the list when there is no option. */
  empty?: ReactNode;
  /** The tags are not searchable yet (`useTagPicker`): a status line says so, in place of `empty`. */
  finding?: boolean;
};

/**
 * The list of a tag picker: tags with their colour and group, "Create tag …", and the lines Enter
 * does nothing on; under it, while the tags are being found, a status line (outside the listbox,
 * which may hold options only).
 */
export function TagOptionList({ listId, options, active, onPick, onHover, floating = false, empty, finding = false }: TagOptionListProps) {
  return (
    <div className={floating ? 'combobox-floating' : undefined}>
      {/* Not a Tab stop of its own (a scrolling list is one by default): the input moves through it. */}
      <ul className="combobox-list" role="listbox" id={listId} aria-label="Tags" tabIndex={-1}>
        {options.map((option, index) => (
          <li
            key={option.kind === 'tag' ? option.tag.id : option.kind}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            aria-disabled={option.kind === 'noNamedTag' || undefined}
            className={`combobox-option${index === active ? ' active' : ''}`}
            // Keeps the focus in the input, whose blur would close the list before the click lands.
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => onHover(index)}
            onClick={() => onPick(option)}
          >
            {option.kind === 'tag' && (
              <>
                <TagDot color={option.tag.color} />
                <span className="combobox-name">{option.tag.name}</span>
                {option.tag.detail && <span className="combobox-detail">{option.tag.detail}</span>}
              </>
            )}
            {option.kind === 'create' && <span className="combobox-name">Create tag “{option.name}”</span>}
            {option.kind === 'noNamedTag' && <span className="combobox-name muted">No tag is named “{option.name}”: choose one below with ↓</span>}
            {option.kind === 'none' && <span className="combobox-name muted">Highlight without a tag</span>}
          </li>
        ))}
        {!options.length && !finding && empty && <li className="combobox-empty">{empty}</li>}
      </ul>
      <div role="status">{finding && <p className="combobox-empty">Finding tags…</p>}</div>
    </div>
  );
}
