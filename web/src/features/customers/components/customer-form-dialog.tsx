import { useState, type FormEvent } from 'react';
import { CreateCustomerBodySchema, UpdateCustomerBodySchema, type CustomerDetail, customerName } from '@cairn/shared';
import { FormDialog } from '../../../components/form-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextInput } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { useFormErrors } from '../../../lib/form-errors';
import { useCreateCustomer } from '../api/create-customer';
import { useUpdateCustomer } from '../api/update-customer';
import { CUSTOMER_FIELDS, customerFormValues, toCreateCustomerBody, toUpdateCustomerBody, type CustomerFormValues } from '../lib/customer-form-values';


type CustomerFormDialogProps = {
  ws: string;
  /** The customer to edit; without one, the dialog adds a customer. Mount it when opening, so that it starts from the latest data. */
  customer?: CustomerDetail;
  open: boolean;
  onClose: () => void;
  onSaved: (customer: CustomerDetail) => void;
};

/**
 * Adds or edits a customer: who they are and their company. Checked with the shared schemas
 * before sending; what the server refuses shows at its field, and nothing typed is lost.
 */
export function CustomerFormDialog({ ws, customer, open, onClose, onSaved }: CustomerFormDialogProps) {
  const create = useCreateCustomer(ws);
  const update = useUpdateCustomer(ws);
  const mutation = customer ? update : create;
  const toast = useToast();
  const [initial] = useState(() => customerFormValues(customer));
  const [values, setValues] = useState(initial);
  const errors = useFormErrors(CUSTOMER_FIELDS, mutation.error);
  const input = (key: keyof CustomerFormValues) => ({ value: values[key], onChange: (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value }) });

  const close = () => {
    setValues(initial);
    errors.clear();
    mutation.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = {
      onSuccess: (saved: CustomerDetail) => {
        toast.show(`Saved “${customerName(saved)}”`, 'success');
        onSaved(saved);
      },
    };
    if (customer) {
      const body = errors.check(UpdateCustomerBodySchema.safeParse(toUpdateCustomerBody(values, initial)), event.currentTarget);
      if (body && !Object.keys(body).length) close();
      else if (body) update.mutate({ id: customer.id, body }, done);
    } else {
      const body = errors.check(CreateCustomerBodySchema.safeParse(toCreateCustomerBody(values)), event.currentTarget);
      if (body) {
        create.mutate(body, {
          onSuccess: ({ customer: saved, created }) => {
            if (created) toast.show(`Added “${customerName(saved)}”`, 'success');
            else toast.show(`“${customerName(saved)}” was already here (same email or external id): this is their profile`, 'info');
            onSaved(saved);
          },
        });
      }
    }
  };

  return (
    <FormDialog
      open={open}
      title={customer ? 'Edit customer' : 'New customer'}
      submitLabel={customer ? 'Save customer' : 'Add customer'}
      busy={mutation.isPending}
      onSubmit={submit}
      onClose={close}
    >
      <p className="field-hint">Give at least a name, an email or an external id. The same email or id is never added twice.</p>
      <div className="form-columns">
        <Field label="Name" error={errors.field('name')}>
          {(props) => <TextInput {...props} {...input('name')} autoComplete="off" />}
        </Field>
        <Field label="Email" error={errors.field('email')}>
          {(props) => <TextInput {...props} {...input('email')} type="email" autoComplete="off" />}
        </Field>
      </div>
      <Field label="External id" hint="The customer's id in your CRM or help desk." error={errors.field('externalId')}>
        {(props) => <TextInput {...props} {...input('externalId')} autoComplete="off" spellCheck={false} />}
      </Field>
      <fieldset className="form-fieldset">
        <legend>Company</legend>
        <Field label="Company name" hint="Matched by name or alias: an existing company is reused." error={errors.field('company.name')}>
          {(props) => <TextInput {...props} {...input('companyName')} autoComplete="off" />}
        </Field>
        <div className="form-columns">
          <Field label="Segment" error={errors.field('company.segment')}>
            {(props) => <TextInput {...props} {...input('segment')} placeholder="e.g. Enterprise" />}
          </Field>
          <Field label="Plan" error={errors.field('company.plan')}>
            {(props) => <TextInput {...props} {...input('plan')} />}
          </Field>
          <Field label="Annual revenue" error={errors.field('company.annualRevenue')}>
            {(props) => <TextInput {...props} {...input('annualRevenue')} type="number" inputMode="numeric" min={0} step={1} />}
          </Field>
        </div>
        <p className="field-hint">
          Segment, plan and revenue belong to the company: changing them changes them for everyone at it.{' '}
          {customer ? "A field left as it was keeps the company's own value." : 'An empty one keeps what the company has.'}
        </p>
        {customer && <p className="field-hint">A company saved or emptied here is kept, and so is each field changed or emptied here: imports won't change them afterwards.</p>}
      </fieldset>
      {errors.other ? <ErrorMessage error={errors.other} /> : null}
    </FormDialog>
  );
}
