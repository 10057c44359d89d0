import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { titleRepeatsText, type Cluster, type ClusterMember } from '@cairn/shared';
import { Button } from '../../../components/button';
import { LoadMore } from '../../../components/load-more';
import { Loading } from '../../../components/spinner';
import { paths } from '../../../lib/paths';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { SourceLinkLabel, textStart } from '../../../lib/source-titles';
import { rememberSourceOrder } from '../../../lib/source-order';
import { useClusterMembers } from '../api/list-cluster-members';
import { customerWords, memberPath } from '../lib/members';

type MemberItemProps = { ws: string; member: ClusterMember; selected: boolean; onToggle?: () => void; onOpen: () => void };

function MemberItem({ ws, member, selected, onToggle, onOpen }: MemberItemProps) {
  const customer = customerWords(member.customer);
  const kind = SOURCE_KIND_LABELS[member.source.kind].one;
  const titled = !titleRepeatsText(member.source.title, member.text);
  return (
    <li className={`cluster-member${selected ? ' selected' : ''}`}>
      {onToggle && <input type="checkbox" className="cluster-member-check" checked={selected} onChange={onToggle} aria-label={`Select “${textStart(member.text)}”`} />}
      <div className="cluster-member-body">
        <blockquote className="cluster-member-text">{member.text}</blockquote>
        <p className="muted small cluster-member-meta">
          <Link className="cluster-member-source" to={memberPath(ws, member)} onClick={onOpen}>
            <SourceLinkLabel source={member.source} text={member.text} />
          </Link>
          {titled && <> · {kind}</>}
          {customer && member.customer && (
            <>
              {' '}
              · <Link to={paths.customer(ws, member.customer.id)}>{customer}</Link>
            </>
          )}
        </p>
      </div>
    </li>
  );
}

type ClusterMembersProps = {
  ws: string;
  runId: string;
  cluster: Cluster;
  /** Every member a page at a time, rather than the best ones the run carries. */
  showAll: boolean;
  onShowAll: () => void;
  selected: string[];
  /** Left out for viewers, who change nothing and so select nothing. */
  onSelect?: (ids: string[]) => void;
};

/**
 * A cluster's members, best first: the ones the run carries, then every member a page at a time
 * once asked ("Show all"). Focus goes to the first member that was not shown before; shown all
 * again on the way back from the reader, it stays where the page put it.
 */
export function ClusterMembers({ ws, runId, cluster, showAll, onShowAll, selected, onSelect }: ClusterMembersProps) {
  const all = useClusterMembers(ws, runId, cluster.id, showAll);
  const listRef = useRef<HTMLUListElement>(null);
  const focusFrom = useRef<number | null>(null);
  const members = showAll && all.data ? all.data.pages.flatMap((page) => page.items) : cluster.members;

  useEffect(() => {
    if (focusFrom.current === null || !all.data) return;
    listRef.current?.querySelectorAll<HTMLAnchorElement>('a.cluster-member-source')[focusFrom.current]?.focus();
    focusFrom.current = null;
  }, [all.data, showAll]);

  // `j`/`k` in the reader then walk this cluster's members, not the list opened before it.
  const rememberOrder = () => rememberSourceOrder(ws, members.map((member) => member.source.id));
  const toggle = (id: string) => onSelect?.(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  const allShownSelected = members.every((member) => selected.includes(member.id));
  return (
    <div className="stack cluster-members">
      {onSelect && members.length > 1 && (
        <div className="row">
          <Button size="sm" variant="ghost" onClick={() => onSelect(allShownSelected ? [] : members.map((member) => member.id))}>
            {allShownSelected ? 'Select none' : `Select all ${members.length} shown`}
          </Button>
        </div>
      )}
      <ul ref={listRef} className="cluster-member-list" aria-label={`Members of “${cluster.label}”`}>
        {members.map((member) => (
          <MemberItem key={member.id} ws={ws} member={member} selected={selected.includes(member.id)} onToggle={onSelect && (() => toggle(member.id))} onOpen={rememberOrder} />
        ))}
      </ul>
      {!showAll && cluster.size > cluster.members.length && (
        <div className="row row-center">
          <Button
            onClick={() => {
              focusFrom.current = cluster.members.length;
              onShowAll();
            }}
          >
            Show all {cluster.size.toLocaleString()} members
          </Button>
        </div>
      )}
      {showAll && all.isPending && <Loading label="Loading the members…" />}
      {showAll && <LoadMore query={all} label="Show more members" />}
    </div>
  );
}
