import { useState, type FormEvent } from 'react';
import { listOf, type CompanyDetail } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { FormDialog } from '../../../components/form-dialog';
import { useToast } from '../../../components/toast';
import { useUpdateCompany } from '../api/update-company';

const quoted = (names: string[]) => listOf(names.map((name) => `“${name}”`));

/** Untick the aliases that should no longer lead to the company; saving lets those go. */
function LetAliasesGoDialog({ ws, company, onClose }: { ws: string; company: CompanyDetail; onClose: () => void }) {
  const update = useUpdateCompany(ws);
  const toast = useToast();
  const [kept, setKept] = useState(company.aliases);
  const letGo = company.aliases.filter((alias) => !kept.includes(alias));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!letGo.length) return onClose();
    update.mutate(
      { id: company.id, body: { aliases: kept } },
      {
        onSuccess: () => {
          toast.show(`${quoted(letGo)} no longer ${letGo.length === 1 ? 'leads' : 'lead'} to ${company.name}`, 'success');
          onClose();
        },
      },
    );
  };
  return (
    <FormDialog title={`Aliases of ${company.name}`} submitLabel={letGo.length ? `Let ${letGo.length === 1 ? 'it' : 'them'} go` : 'Done'} busy={update.isPending} onSubmit={submit} onClose={onClose}>
      <fieldset className="form-fieldset">
        <legend>Names that lead here</legend>
        {company.aliases.map((alias) => (
          <label key={alias} className="checkbox">
            <input type="checkbox" checked={kept.includes(alias)} onChange={(event) => setKept(event.target.checked ? [...kept, alias] : kept.filter((name) => name !== alias))} />
            {alias}
          </label>
        ))}
      </fieldset>
      <p className="field-hint">
        Untick a name for imports naming it to create a company of that name again, instead of putting people at {company.name}. Nobody moves now: {company.name} keeps its
        customers.
      </p>
      <ErrorMessage error={update.error} />
    </FormDialog>
  );
}

/**
 * The other names that lead to a company (its names before a rename, those of companies merged
 * into it), and what that means for imports; researchers may let some go (`canEdit`, ADR 011).
 */
export function CompanyAliases({ ws, company, canEdit }: { ws: string; company: CompanyDetail; canEdit: boolean }) {
  const [open, setOpen] = useState(false);
  if (!company.aliases.length) return null;
  return (
    <div className="hand-set">
      <p className="muted">
        Also known as {quoted(company.aliases)}: imports and email domains naming {company.aliases.length === 1 ? 'it' : 'them'} put people here.
      </p>
      {canEdit && (
        <Button size="sm" onClick={() => setOpen(true)}>
          Edit aliases…
        </Button>
      )}
      {open && <LetAliasesGoDialog ws={ws} company={company} onClose={() => setOpen(false)} />}
    </div>
  );
}
