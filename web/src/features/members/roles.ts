import type { Role } from '@cairn/shared';

/** What each role may do, in the words the Members screen uses (DESIGN.md is the source). */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Everything, including managing owners.',
  admin: 'Settings, members, API tokens and the audit log, plus full editing.',
  researcher: 'Full editing: sources, highlights, tags, problems, backlog; can delete and merge.',
  contributor: 'Adds sources, highlights and tags; cannot delete others’ work or change settings.',
  viewer: 'Reads everything; changes nothing.',
};

const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PASSWORD_LENGTH = 16;

/** A random initial password without look-alike characters, since a person reads it to another. */
export function generatePassword(): string {
  const bytes = crypto.getRandomValues(new Uint32Array(PASSWORD_LENGTH));
  return Array.from(bytes, (n) => PASSWORD_ALPHABET[n % PASSWORD_ALPHABET.length]).join('');
}
