import { useState, type ReactNode } from 'react';
import { companyFieldsInWords, type Company, type CustomerDetail, customerName } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useToast } from '../../../components/toast';
import { useUpdateCompany } from '../api/update-company';
import { useUpdateCustomer } from '../api/update-customer';

type Mutation = { isPending: boolean; error: unknown; reset: () => void };

/** Hands back to imports what a person set by hand, once they have read what that lets imports do (ADR 011). */
function LetImportsButton({
  label,
  confirmLabel,
  mutation,
  onConfirm,
  children,
}: {
  label: string;
  confirmLabel: string;
  mutation: Mutation;
  onConfirm: (done: () => void) => void;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
    mutation.reset();
  };
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open && (
        <ConfirmDialog open title={`${label}?`} confirmLabel={confirmLabel} busy={mutation.isPending} error={mutation.error} onConfirm={() => onConfirm(close)} onClose={close}>
          {children}
        </ConfirmDialog>
      )}
    </>
  );
}

/** For a customer whose company was set or cleared by hand: imports and email domains may set it again. */
export function LetImportsSetCompanyButton({ ws, customer }: { ws: string; customer: CustomerDetail }) {
  const update = useUpdateCustomer(ws);
  const toast = useToast();
  const name = customerName(customer);
  const confirm = (done: () => void) =>
    update.mutate(
      { id: customer.id, body: { companySetByHand: false } },
      {
        onSuccess: () => {
          toast.show(`Imports may set the company of “${name}” again`, 'success');
          done();
        },
      },
    );
  return (
    <LetImportsButton label="Let imports set the company again" confirmLabel="Let imports set it" mutation={update} onConfirm={confirm}>
      <p>
        The next import that names a company for {name} moves them to it, and while they have none, their work email's domain can fill one in (also
        through Fill companies from email domains).
      </p>
      <p className="muted">
        {customer.company ? `Until then they stay at ${customer.company.name}.` : 'Until then they stay without one.'} A company set in Edit
        customer is kept by hand once more.
      </p>
    </LetImportsButton>
  );
}

/** For a company some of whose fields were set by hand: imports naming it may fill them in again. */
export function LetImportsFillCompanyButton({ ws, company }: { ws: string; company: Company }) {
  const update = useUpdateCompany(ws);
  const toast = useToast();
  const fields = companyFieldsInWords(company.fieldsSetByHand);
  const confirm = (done: () => void) =>
    update.mutate(
      { id: company.id, body: { fieldsSetByHand: [] } },
      {
        onSuccess: () => {
          toast.show(`Imports may fill in the ${fields} of ${company.name} again`, 'success');
          done();
        },
      },
    );
  return (
    <LetImportsButton label="Let imports fill in the company again" confirmLabel="Let imports fill it in" mutation={update} onConfirm={confirm}>
      <p>
        Imports that name {company.name} may then change its {fields} again, as they do its other fields. Until one does, the values stay as they are.
      </p>
      <p className="muted">This is the company's, so it holds for every customer at {company.name}. A field changed in Edit customer is kept by hand once more.</p>
    </LetImportsButton>
  );
}
