import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { countOf, listOf, UpdateCompanyBodySchema, type CompanyDetail } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextInput } from '../../../components/field';
import { FormDialog } from '../../../components/form-dialog';
import { useToast } from '../../../components/toast';
import { ApiError } from '../../../lib/api-client';
import { refreshCatalog, useCatalog } from '../../../lib/catalog';
import { useFormErrors } from '../../../lib/form-errors';
import { paths } from '../../../lib/paths';
import { useDeleteCompany } from '../api/delete-company';
import { useUpdateCompany } from '../api/update-company';
import { MergeCompanyDialog, type MergeStart } from './merge-company-dialog';

/**
 * Renames the company. Its old name stays as an alias, which the field's hint says. A name another
 * company has is refused at the field (409), with the way out it names: merging into that company,
 * found by name in the catalog, fetched again in case an import created it since (else the merge
 * picker starts with the name typed).
 */
function RenameCompanyDialog({ ws, company, onClose, onMergeInstead }: { ws: string; company: CompanyDetail; onClose: () => void; onMergeInstead: (start: MergeStart) => void }) {
  const update = useUpdateCompany(ws);
  const queryClient = useQueryClient();
  const catalog = useCatalog(ws);
  const toast = useToast();
  const [name, setName] = useState(company.name);
  const [submitted, setSubmitted] = useState(company.name);
  const errors = useFormErrors(['name'], update.error);
  const taken = update.error instanceof ApiError && update.error.status === 409;
  const holder = taken ? catalog.data?.companies.find((other) => other.id !== company.id && other.name.toLowerCase() === submitted.toLowerCase()) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = errors.check(UpdateCompanyBodySchema.safeParse({ name }), event.currentTarget);
    if (!body?.name) return;
    if (body.name === company.name) return onClose();
    setSubmitted(body.name);
    update.mutate(
      { id: company.id, body },
      {
        onSuccess: (renamed) => {
          toast.show(`Renamed “${company.name}” to “${renamed.name}”`, 'success');
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) void refreshCatalog(queryClient, ws);
        },
      },
    );
  };

  return (
    <FormDialog title={`Rename “${company.name}”`} submitLabel="Rename" busy={update.isPending} onSubmit={submit} onClose={onClose}>
      <Field
        label="Name"
        hint={
          company.name.toLowerCase() === name.trim().toLowerCase()
            ? 'Names are unique in the workspace, ignoring case.'
            : `“${company.name}” stays as an alias: imports naming it keep putting people at this company instead of creating it again.`
        }
        error={errors.field('name')}
      >
        {(props) => <TextInput {...props} value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" />}
      </Field>
      {taken && (
        <Button onClick={() => onMergeInstead(holder ? { survivor: { id: holder.id, name: holder.name } } : { query: submitted })}>
          Merge “{company.name}” into “{holder?.name ?? submitted}” instead…
        </Button>
      )}
      {errors.other ? <ErrorMessage error={errors.other} /> : null}
    </FormDialog>
  );
}

/** Deletes the company after saying what becomes of its customers; the page then goes to the Companies list. */
function DeleteCompanyDialog({ ws, company, onClose }: { ws: string; company: CompanyDetail; onClose: () => void }) {
  const remove = useDeleteCompany(ws);
  const navigate = useNavigate();
  const toast = useToast();
  const people = countOf(company.customers, 'customer');
  const confirm = () =>
    remove.mutate(company.id, {
      onSuccess: () => {
        toast.show(company.customers ? `Deleted “${company.name}”; its ${people} have no company now` : `Deleted “${company.name}”`, 'success');
        navigate(paths.companies(ws));
      },
    });
  return (
    <ConfirmDialog open title={`Delete “${company.name}”?`} confirmLabel="Delete company" busy={remove.isPending} error={remove.error} onConfirm={confirm} onClose={onClose}>
      {company.customers ? (
        <p>
          Its {people} {company.customers === 1 ? 'stays' : 'stay'}, with everything they said, but without a company, as if cleared by hand on each profile: imports naming “{company.name}” and their
          email's domain won't give them one again; Edit customer still can.
        </p>
      ) : (
        <p>It has no customers.</p>
      )}
      {company.emailDomains.length > 0 && (
        <p>
          New customers at {listOf(company.emailDomains)} won't be grouped into a company by their email either. A company named so by hand, in Edit customer or by a
          rename, groups them again, as does Forget under “Email domains of deleted companies” on the Companies page.
        </p>
      )}
      <p className="muted">
        Companies have no trash: this cannot be undone. If “{company.name}” is the same account as another company, merge it into that one instead. An import that
        names “{company.name}” for a new customer creates it again.
      </p>
    </ConfirmDialog>
  );
}

type Open = { dialog: 'rename' } | { dialog: 'merge'; start: MergeStart } | { dialog: 'delete' } | null;

/** Rename, Merge into… and Delete for a company page's header (researchers and up; the page shows them only to those). */
export function CompanyActions({ ws, company }: { ws: string; company: CompanyDetail }) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <>
      <Button onClick={() => setOpen({ dialog: 'rename' })}>Rename</Button>
      <Button onClick={() => setOpen({ dialog: 'merge', start: {} })}>Merge into…</Button>
      <Button variant="danger" onClick={() => setOpen({ dialog: 'delete' })}>
        Delete
      </Button>
      {open?.dialog === 'rename' && <RenameCompanyDialog ws={ws} company={company} onClose={close} onMergeInstead={(start) => setOpen({ dialog: 'merge', start })} />}
      {open?.dialog === 'merge' && <MergeCompanyDialog ws={ws} company={company} start={open.start} onClose={close} />}
      {open?.dialog === 'delete' && <DeleteCompanyDialog ws={ws} company={company} onClose={close} />}
    </>
  );
}
