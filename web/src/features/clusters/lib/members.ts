import type { ClusterMember, CustomerRef } from '@cairn/shared';
import { paths } from '../../../lib/paths';

/** Where a member opens in the reader: a highlight at its very passage, a source at its top. */
export function memberPath(ws: string, member: Pick<ClusterMember, 'id' | 'type' | 'source'>): string {
  return member.type === 'highlight' ? `${paths.source(ws, member.source.id)}#h-${member.id}` : paths.source(ws, member.id);
}

/** Who said it, as lists show a customer: `Ada · Globex`; null when no customer is known. */
export function customerWords(customer: CustomerRef | null): string | null {
  if (!customer) return null;
  return [customer.name ?? customer.email ?? 'A customer', customer.company?.name].filter(Boolean).join(' · ');
}

/** The first words of a member, to name it where its whole text would not fit (a checkbox's label). */
export function memberPreview(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length).trimEnd()}…` : text;
}
