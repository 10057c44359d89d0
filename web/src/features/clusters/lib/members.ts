import { customerName, type ClusterMember, type CustomerRef } from '@cairn/shared';
import { paths } from '../../../lib/paths';

/** Where a member opens in the reader: a highlight at its very passage, a source at its top. */
export function memberPath(ws: string, member: Pick<ClusterMember, 'id' | 'type' | 'source'>): string {
  return member.type === 'highlight' ? `${paths.source(ws, member.source.id)}#h-${member.id}` : paths.source(ws, member.id);
}

/** Who said it, as lists show a customer: `Ada · Globex`; null when no customer is known. */
export function customerWords(customer: CustomerRef | null): string | null {
  if (!customer) return null;
  return [customerName(customer), customer.company?.name].filter(Boolean).join(' · ');
}

const WHITESPACE_RUN = /\s+/g;

/**
 * A closed cluster's preview: its first `count` members, leaving out texts said word for word
 * by a member already shown (copied tickets, the same answer twice), which would tell nothing new.
 */
export function distinctMembers<Member extends Pick<ClusterMember, 'text'>>(members: Member[], count: number): Member[] {
  const seen = new Set<string>();
  const shown: Member[] = [];
  for (const member of members) {
    const key = member.text.replace(WHITESPACE_RUN, ' ').trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    shown.push(member);
    if (shown.length === count) break;
  }
  return shown;
}
