import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { describePurgeCounts } from '@cairn/shared';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextInput } from '../../../components/field';
import { ProgressBar } from '../../../components/progress-bar';
import { Loading } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { invalidateEvidence } from '../../../lib/evidence';
import { paths } from '../../../lib/paths';
import { useWorkspace } from '../../../lib/workspace';
import { useEraseCustomer } from '../api/erase-customer';
import { useCustomerErasure } from '../api/get-customer-erasure';
import { isRunning, usePurge } from '../api/get-purge';
import { trashKey, useTrashSummary } from '../api/get-trash-summary';
import { describeErasure, describePurgeProgress } from '../lib/trash-words';

/** What the person types to confirm: a word, not the customer's name, which may be an email or a helpdesk id. */
export const ERASE_CONFIRMATION = 'erase';

/**
 * The customer page's last section, for admins: **Erase customer and everything they said…**, for
 * a request to be forgotten. The dialog says what goes (counted by the server) and asks for a typed
 * word; the erasure then runs in the background with its progress shown, and once done the page
 * goes back to the customer list, as the customer is no more.
 */
export function EraseCustomer({ ws, customer }: { ws: string; customer: { id: string; name: string } }) {
  const workspace = useWorkspace();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [purgeId, setPurgeId] = useState<string | null>(null);
  const plan = useCustomerErasure(ws, customer.id, open && !purgeId);
  const erase = useEraseCustomer(ws);
  const purge = usePurge(ws, purgeId);
  // An erasure of this customer started elsewhere (another tab, before a reload) shows here too.
  const summary = useTrashSummary(ws);
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const ended = purge.data && !isRunning(purge.data) ? purge.data : null;
  useEffect(() => {
    if (!ended) return;
    setPurgeId(null);
    void queryClient.invalidateQueries({ queryKey: trashKey(ws) });
    if (ended.status !== 'done') {
      toast.show(ended.failure ?? 'The erasure stopped before the end; erase again to finish', 'error');
      void invalidateEvidence(queryClient, ws);
      return;
    }
    toast.show(`Erased ${customer.name} and everything they said: deleted ${describePurgeCounts(ended.deleted)} for good`, 'success');
    // Their page is gone: leave it before anything on it asks for them again.
    void navigate(paths.customers(ws), { replace: true });
    queryClient.removeQueries({ queryKey: ['customers', ws, customer.id] });
    void invalidateEvidence(queryClient, ws);
  }, [ended, customer.id, customer.name, navigate, queryClient, toast, ws]);

  const elsewhere = summary.data?.purge?.reason === 'erase_customer' && summary.data.purge.customerId === customer.id ? summary.data.purge : null;
  // That one ended: the page shows what is left (nothing, once it is done).
  const erasedElsewhere = useRef(false);
  useEffect(() => {
    if (erasedElsewhere.current && !elsewhere) void invalidateEvidence(queryClient, ws);
    erasedElsewhere.current = Boolean(elsewhere);
  }, [elsewhere, queryClient, ws]);

  if (!workspace.can('admin')) return null;
  const running = purge.data && isRunning(purge.data) ? purge.data : elsewhere;
  const erasing = erase.isPending || purgeId !== null;
  const confirmed = typed.trim().toLowerCase() === ERASE_CONFIRMATION;

  const close = () => {
    setOpen(false);
    setTyped('');
    erase.reset();
  };
  const start = () =>
    erase.mutate(customer.id, {
      onSuccess: (started) => setPurgeId(started.id),
    });

  return (
    <section className="card danger-zone stack" aria-labelledby="erase-customer">
      <h2 id="erase-customer">Erase this customer</h2>
      <p className="muted">
        For a request to be forgotten: deletes {customer.name} and everything they said — every source, in the trash or not, and its highlights — and takes it out of
        problems, backlog items, clusters and search, for good. Their company stays. The audit log keeps that this customer was erased, by whom and how much, but none of
        their words.
      </p>
      {running ? (
        <div className="trash-progress">
          <ProgressBar value={running.progress} label="Erasing the customer" />
          <span className="muted small" aria-live="polite">
            {describePurgeProgress(running)}
          </span>
        </div>
      ) : (
        <div>
          <Button variant="danger" busy={erasing} onClick={() => setOpen(true)}>
            Erase customer and everything they said…
          </Button>
        </div>
      )}
      <Dialog
        open={open}
        title={`Erase ${customer.name}?`}
        onClose={close}
        footer={
          running ? (
            <Button onClick={close}>Close</Button>
          ) : (
            <>
              <Button onClick={close}>Cancel</Button>
              <Button variant="danger" busy={erasing} disabled={!confirmed || !plan.data} onClick={start}>
                Erase for good
              </Button>
            </>
          )
        }
      >
        {running ? (
          <div className="stack">
            <ProgressBar value={running.progress} label="Erasing the customer" />
            <p aria-live="polite">{describePurgeProgress(running)}</p>
            <p className="muted">You can close this: the erasure goes on, and this page follows it.</p>
          </div>
        ) : plan.isPending ? (
          <Loading label="Counting what they said…" />
        ) : plan.error ? (
          <ErrorMessage error={plan.error} />
        ) : (
          <div className="stack">
            <p>{describeErasure(plan.data)}</p>
            <p>
              Then {customer.name} is deleted too. Nothing of this can be undone; what an import brings in about them later comes back as a new customer.
            </p>
            <Field label={`Type “${ERASE_CONFIRMATION}” to confirm`}>
              {(props) => <TextInput {...props} value={typed} autoComplete="off" spellCheck={false} onChange={(event) => setTyped(event.target.value)} />}
            </Field>
            <ErrorMessage error={erase.error} />
          </div>
        )}
      </Dialog>
    </section>
  );
}
