import { useEffect, useState, type KeyboardEvent } from 'react';
import { frequentTags, useCatalogIndex, useListNavigation } from './catalog';

export type TagOption = { id: string; name: string; detail: string | null; color?: string | null };
export type TagPickerOption = { kind: 'tag'; tag: TagOption } | { kind: 'create'; name: string } | { kind: 'noNamedTag'; name: string } | { kind: 'none' };

export type TagPickerMatches = {
  /** Tags whose name every typed word matches, by its start or despite a typo. */
  named: readonly TagOption[];
  /** Tags found otherwise: by some of the words only, or by their group. */
  related: readonly TagOption[];
};

/**
 * A tag picker's options in order; the first is what Enter does. An existing tag is the default
 * only when every typed word matches its name; otherwise creating the tag typed is ("Missing
 * feature" must not file evidence under "Approvals" of the group "Feature area", nor "Card
 * declined" under "Cards"), or, where tags cannot be created, a line saying no tag has that name,
 * which Enter does nothing on. Tags related less closely are still offered, after it. While the
 * tags are still being found (`finding`), what was typed has matched none of them yet, so
 * neither line is offered: "Frus" must not create a tag "Frus" beside "Frustrated".
 */
export function tagPickerOptions(
  text: string,
  { named, related }: TagPickerMatches,
  { limit, sameNameExists, canCreate, allowNone, finding }: { limit: number; sameNameExists: boolean; canCreate: boolean; allowNone: boolean; finding: boolean },
): TagPickerOption[] {
  const typed = text.toLowerCase();
  // The tag of that very name first, whatever the ranking.
  const ranked = [...named.filter((tag) => tag.name.toLowerCase() === typed), ...named.filter((tag) => tag.name.toLowerCase() !== typed)].slice(0, limit);
  const namedIds = new Set(ranked.map((tag) => tag.id));
  const others = related.filter((tag) => !namedIds.has(tag.id)).slice(0, Math.max(0, limit - ranked.length));
  const tag = (option: TagOption): TagPickerOption => ({ kind: 'tag', tag: option });
  const create = text && !finding && !sameNameExists && canCreate;
  return [
    ...ranked.map(tag),
    ...(create ? [{ kind: 'create', name: text } as const] : []),
    ...(text && !finding && !create && !ranked.length && others.length ? [{ kind: 'noNamedTag', name: text } as const] : []),
    ...others.map(tag),
    ...(!text && allowNone ? [{ kind: 'none' } as const] : []),
  ];
}

export type TagPickerChoices = {
  /** Tags already chosen or otherwise out of the question: never offered. */
  excludeIds?: readonly string[];
  canCreate: boolean;
  /** Offers "no tag" while nothing is typed. */
  allowNone?: boolean;
  limit: number;
  /** How many of the most used tags to list before anything is typed; none by default. */
  listedBeforeTyping?: number;
};

/**
 * The options and keys of a picker that applies tags, for what was typed, found in the catalog
 * in the browser (MiniSearch: prefix and typo tolerant, no request per keystroke). One rule for
 * every such picker: the reader's and triage's (TagCombobox), and the bulk ones (TagSearchInput:
 * the Highlights page's Add tag, Search's Tag selected, Triage's Tag all).
 *
 * Until the catalog and its index are ready (the index code arrives once the page is idle, up to
 * a second after it opens), typed words find no tag: the picker is `finding`, which the caller
 * shows (TagOptionList's status line), offers nothing to create, and keeps an Enter pressed
 * meanwhile for the first option once the tags are found.
 */
export function useTagPicker(
  ws: string,
  text: string,
  { excludeIds = [], canCreate, allowNone = false, limit, listedBeforeTyping = 0 }: TagPickerChoices,
  onPick: (option: TagPickerOption) => void,
  onEscape: () => void,
) {
  const { catalog, isPending, search } = useCatalogIndex(ws);
  // Before typing, only the most used tags are missing, and only until the catalog itself arrives.
  const finding = isPending && (text !== '' || (listedBeforeTyping > 0 && !catalog));
  const offered = (tags: TagOption[]) => tags.filter((tag) => !excludeIds.includes(tag.id));
  const named = offered(
    text
      ? search(text, { types: ['tag'], limit, allWords: true })
      : frequentTags(catalog, listedBeforeTyping).map((tag) => ({ id: tag.id, name: tag.name, detail: tag.group, color: tag.color })),
  );
  const related = text ? offered(search(text, { types: ['tag'], limit })) : [];
  const sameNameExists = !!catalog?.tags.some((tag) => tag.name.toLowerCase() === text.toLowerCase());
  const options = tagPickerOptions(text, { named, related }, { limit, sameNameExists, canCreate, allowNone, finding });
  const navigation = useListNavigation(options, onPick, onEscape);

  // The text Enter was pressed on while finding; dropped once the text changes.
  const [enteredWhileFinding, setEnteredWhileFinding] = useState<string | null>(null);
  useEffect(() => {
    if (enteredWhileFinding === null || (finding && enteredWhileFinding === text)) return;
    setEnteredWhileFinding(null);
    const first = options[0];
    if (enteredWhileFinding === text && first) onPick(first);
    // Runs when the tags are found (or the text changes), with this render's options: `options` and `onPick` are read, not watched.
  }, [enteredWhileFinding, finding, text]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && finding && text) {
      event.preventDefault();
      setEnteredWhileFinding(text);
    } else navigation.onKeyDown(event);
  };
  /** The input's combobox attributes and keys, as `useListNavigation`'s, Enter kept while finding. */
  const comboboxProps = (listId: string, listShown?: boolean) => ({ ...navigation.comboboxProps(listId, listShown), onKeyDown });
  return { options, finding, active: navigation.active, setActive: navigation.setActive, comboboxProps };
}
