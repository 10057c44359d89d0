export type TagOption = { id: string; name: string; detail: string | null; color?: string | null };
export type TagPickerOption = { kind: 'tag'; tag: TagOption } | { kind: 'create'; name: string } | { kind: 'none' };

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
 * declined" under "Cards"). Tags related less closely are still offered, after it.
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
  return [
    ...ranked.map(tag),
    ...(text && !sameNameExists && canCreate ? [{ kind: 'create', name: text } as const] : []),
    ...others.map(tag),
    ...(!text && allowNone ? [{ kind: 'none' } as const] : []),
  ];
}
