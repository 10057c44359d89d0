import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { paths } from '../../../lib/paths';
import { CustomerFormDialog } from './customer-form-dialog';

/** Adds a customer by hand (someone met at a fair, a prospect) and opens their profile. */
export function NewCustomerButton({ ws }: { ws: string }) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        New customer
      </Button>
      {open && (
        <CustomerFormDialog
          ws={ws}
          open
          onClose={() => setOpen(false)}
          onSaved={(customer) => {
            setOpen(false);
            navigate(paths.customer(ws, customer.id));
          }}
        />
      )}
    </>
  );
}
