import { useState } from 'react';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { countOf } from '../../../lib/numbers';
import { useFillCompaniesFromEmails } from '../api/fill-companies-from-emails';

/**
 * For customers imported before companies came from email domains: counts first (a dry run),
 * says how many customers would get which companies, and fills them in once confirmed. The
 * dialog opens at once, while counting, so that focus goes back to this button when it closes.
 */
export function FillCompaniesButton({ ws }: { ws: string }) {
  const preview = useFillCompaniesFromEmails(ws);
  const fill = useFillCompaniesFromEmails(ws);
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const plan = preview.data;

  const start = () => {
    setOpen(true);
    preview.mutate(true);
  };
  const close = () => {
    setOpen(false);
    preview.reset();
    fill.reset();
  };
  const confirm = () =>
    fill.mutate(false, {
      onSuccess: (done) => {
        toast.show(
          done.customers ? `Gave ${countOf(done.customers, 'customer')} the company of their email's domain` : 'Nothing was left to fill in: those customers have a company by now',
          'success',
        );
        close();
      },
    });

  return (
    <>
      <Button onClick={start}>Fill companies from email domains</Button>
      {open && (
        <Dialog
          open
          title="Fill in companies from email domains"
          onClose={close}
          footer={
            plan?.customers ? (
              <>
                <Button onClick={close}>Cancel</Button>
                <Button variant="primary" busy={fill.isPending} onClick={confirm}>
                  Fill in {countOf(plan.customers, 'customer')}
                </Button>
              </>
            ) : (
              <Button onClick={close}>{plan ? 'OK' : 'Cancel'}</Button>
            )
          }
        >
          {preview.isPending ? (
            <Loading label="Counting customers without a company…" />
          ) : !plan ? (
            <ErrorMessage error={preview.error} />
          ) : plan.customers ? (
            <>
              <p>
                <strong>{countOf(plan.customers, 'customer')}</strong> with a work email and no company will be put at the company of their email's domain —
                jane@acme.co.uk at “acme.co.uk”: {countOf(plan.companies, 'company', 'companies')}, {plan.newCompanies.toLocaleString()} of them new.
              </p>
              <p className="muted">
                Customers who already have a company keep it, and addresses at mail providers (gmail.com, outlook.com…) get none. A researcher can change any
                customer's company on their profile afterwards.
              </p>
              <ErrorMessage error={fill.error} />
            </>
          ) : (
            <p>
              Nothing to fill in: every customer with a work email already has a company. Addresses at mail providers (gmail.com, outlook.com…) stay without
              one, since they say nothing about where a person works.
            </p>
          )}
        </Dialog>
      )}
    </>
  );
}
