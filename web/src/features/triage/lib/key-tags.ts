import type { Catalog } from '@cairn/shared';
import { frequentTags } from '../../../lib/catalog';

/** Number keys 1–9: one tag each. */
export const TAG_KEYS = 9;

/** Which tags sit on the number keys: the most used of the codebook, or the most used of one group. */
export type KeyChoice = { kind: 'frequent' } | { kind: 'group'; group: string };

export const FREQUENT: KeyChoice = { kind: 'frequent' };

/** The codebook's groups, by name. */
export function tagGroups(catalog: Catalog): string[] {
  return [...new Set(catalog.tags.map((tag) => tag.group).filter((group) => group !== null))].sort((a, b) => a.localeCompare(b));
}

/** The tags on keys 1–9, most used first; a group that no longer exists falls back to the whole codebook. */
export function keyTags(catalog: Catalog, choice: KeyChoice): Catalog['tags'] {
  const inGroup = choice.kind === 'group' ? catalog.tags.filter((tag) => tag.group === choice.group) : [];
  return frequentTags(inGroup.length ? { ...catalog, tags: inGroup } : catalog, TAG_KEYS);
}

/** The choice as a `<select>` value and in storage. */
export const keyChoiceValue = (choice: KeyChoice) => (choice.kind === 'group' ? `group:${choice.group}` : 'frequent');

export function parseKeyChoice(value: string | null): KeyChoice {
  return value?.startsWith('group:') ? { kind: 'group', group: value.slice('group:'.length) } : FREQUENT;
}

const keyChoiceKey = (ws: string) => `cairn:triage-keys:${ws}`;

/** The keys chosen in this workspace, on this device. */
export function readKeyChoice(ws: string): KeyChoice {
  return parseKeyChoice(localStorage.getItem(keyChoiceKey(ws)));
}

export function rememberKeyChoice(ws: string, choice: KeyChoice) {
  localStorage.setItem(keyChoiceKey(ws), keyChoiceValue(choice));
}
