import type { Person } from '@cairn/shared';

/** Who made something: the name survives as "deleted user" when the account is gone. */
export function presentPerson(id: string | null, name: string | null | undefined): Person | null {
  return id ? { id, name: name ?? 'deleted user' } : null;
}
