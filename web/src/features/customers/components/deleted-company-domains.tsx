import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { DeletedCompanyDomain } from '@cairn/shared';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Table, TableFigure, type Column } from '../../../components/table';
import { useToast } from '../../../components/toast';
import { formatDate } from '../../../lib/dates';
import { paths } from '../../../lib/paths';
import { useForgetDeletedCompanyDomain } from '../api/forget-deleted-company-domain';
import { useDeletedCompanyDomains } from '../api/list-deleted-company-domains';

/** Says what forgetting the domain does, then forgets it. */
function ForgetDomainDialog({ ws, item, onClose, onForgotten }: { ws: string; item: DeletedCompanyDomain; onClose: () => void; onForgotten: () => void }) {
  const forget = useForgetDeletedCompanyDomain(ws);
  const toast = useToast();
  const confirm = () =>
    forget.mutate(item.id, {
      onSuccess: () => {
        toast.show(`New customers at ${item.domain} are grouped by their email again`, 'success');
        onForgotten();
      },
    });
  return (
    <Dialog
      open
      title={`Forget ${item.domain}?`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={forget.isPending} onClick={confirm}>
            Forget {item.domain}
          </Button>
        </>
      }
    >
      <div className="stack">
        <div>
          <p>
            New customers whose work email is at {item.domain} will be put at a company named “{item.domain}” again, created if need be: by imports, Add customer and{' '}
            <strong>Fill companies from email domains</strong>.
          </p>
          <p className="muted">
            The customers who were at “{item.companyName}” when it was deleted stay without a company until someone sets theirs. Deleting that company again
            remembers the domain again.
          </p>
        </div>
        <ErrorMessage error={forget.error} />
      </div>
    </Dialog>
  );
}

/**
 * The email domains deleted companies left (ADR 011): people writing from one get no company from
 * it, so a deleted company stays deleted. Listed only when there are some; researchers may forget
 * one (`canForget`), after which people there are grouped by it again.
 */
export function DeletedCompanyDomains({ ws, canForget }: { ws: string; canForget: boolean }) {
  const domains = useDeletedCompanyDomains(ws);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [forgetting, setForgetting] = useState<DeletedCompanyDomain | null>(null);
  const [forgotten, setForgotten] = useState(0);
  // After a forget its row goes: focus moves to the heading rather than to <main>, from where the dialog was opened.
  useEffect(() => {
    if (forgotten) heading.current?.focus();
  }, [forgotten]);

  if (!domains.data) return domains.error ? <ErrorMessage error={domains.error} /> : null;
  const items = domains.data.items;
  if (!items.length && !forgotten) return null;

  const columns: Column<DeletedCompanyDomain>[] = [
    { key: 'domain', header: 'Email domain', cell: (item) => <strong>{item.domain}</strong> },
    { key: 'company', header: 'Deleted company', cell: (item) => <TableFigure label="Deleted company">“{item.companyName}”</TableFigure> },
    { key: 'deletedAt', header: 'Deleted', cell: (item) => <TableFigure label="Deleted">{formatDate(item.deletedAt)}</TableFigure> },
    {
      key: 'now',
      header: 'Meanwhile',
      cell: (item) =>
        item.heldBy ? (
          <span>
            <Link to={paths.company(ws, item.heldBy.id)}>{item.heldBy.name}</Link> goes by it again: people there are put at it
          </span>
        ) : (
          <span className="muted">No company from this domain</span>
        ),
    },
    ...(canForget
      ? [
          {
            key: 'forget',
            header: <span className="visually-hidden">Actions</span>,
            align: 'right' as const,
            cell: (item: DeletedCompanyDomain) => (
              <Button size="sm" onClick={() => setForgetting(item)} aria-label={`Forget ${item.domain}`}>
                Forget
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        Email domains of deleted companies
      </h2>
      {items.length ? (
        <>
          <p className="muted">
            New customers whose work email is at one of these get no company from it, so that a deleted company stays deleted. Naming a company so by hand (Edit
            customer, a rename){canForget ? ', or Forget here,' : ''} groups people there again.
          </p>
          <Table caption="Email domains of deleted companies" columns={columns} rows={items} rowKey={(item) => item.id} cards />
        </>
      ) : (
        <p className="muted">None left: every work email's domain puts new customers at a company again.</p>
      )}
      {forgetting && (
        <ForgetDomainDialog
          ws={ws}
          item={forgetting}
          onClose={() => setForgetting(null)}
          onForgotten={() => {
            setForgetting(null);
            setForgotten((count) => count + 1);
          }}
        />
      )}
    </section>
  );
}
