import { frequentTags, useCatalogIndex } from './catalog';

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
 * which Enter does nothing on. Tags related less closely are still offered, after it.
 */
export function tagPickerOptions(
  text: string,
  { named, related }: TagPickerMatches,
  { limit, sameNameExists, canCreate, allowNone }: { limit: number; sameNameExists: boolean; canCreate: boolean; allowNone: boolean },
): TagPickerOption[] {
  const typed = text.toLowerCase();
  // The tag of that very name first, whatever the ranking.
  const ranked = [...named.filter((tag) => tag.name.toLowerCase() === typed), ...named.filter((tag) => tag.name.toLowerCase() !== typed)].slice(0, limit);
  const namedIds = new Set(ranked.map((tag) => tag.id));
  const others = related.filter((tag) => !namedIds.has(tag.id)).slice(0, Math.max(0, limit - ranked.length));
  const tag = (option: TagOption): TagPickerOption => ({ kind: 'tag', tag: option });
  const create = text && !sameNameExists && canCreate;
  return [
    ...ranked.map(tag),
    ...(create ? [{ kind: 'create', name: text } as const] : []),
    ...(text && !create && !ranked.length && others.length ? [{ kind: 'noNamedTag', name: text } as const] : []),
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
 * The options of a picker that applies tags, for what was typed, found in the catalog in the
 * browser (MiniSearch: prefix and typo tolerant, no request per keystroke). One rule for every
 * such picker: the reader's and triage's, and the bulk ones of the Highlights page and Tag all.
 */
export function useTagPickerOptions(ws: string, text: string, { excludeIds = [], canCreate, allowNone = false, limit, listedBeforeTyping = 0 }: TagPickerChoices): TagPickerOption[] {
  const { catalog, search } = useCatalogIndex(ws);
  const offered = (tags: TagOption[]) => tags.filter((tag) => !excludeIds.includes(tag.id));
  const named = offered(
    text
      ? search(text, { types: ['tag'], limit, allWords: true })
      : frequentTags(catalog, listedBeforeTyping).map((tag) => ({ id: tag.id, name: tag.name, detail: tag.group, color: tag.color })),
  );
  const related = text ? offered(search(text, { types: ['tag'], limit })) : [];
  return tagPickerOptions(text, { named, related }, { limit, sameNameExists: !!catalog?.tags.some((tag) => tag.name.toLowerCase() === text.toLowerCase()), canCreate, allowNone });
}
