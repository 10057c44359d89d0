import { useState } from 'react';
import { useNavigate } from 'react-router';
import { countOf, listOf, type CompanyDetail } from '@cairn/shared';
import { MergeDialog } from '../../../components/merge-dialog';
import { useToast } from '../../../components/toast';
import { paths } from '../../../lib/paths';
import { useMergeCompany } from '../api/merge-company';
import { CompanyPicker } from './company-picker';

export type MergeStart = { survivor?: { id: string; name: string }; query?: string };

/**
 * "Merge into…", one dialog in two steps: find the company to keep, then confirm what moves to it
 * (Back to choose again). Opened from a rename onto a taken name, it starts at the confirmation
 * (`start.survivor`) or with that name typed (`start.query`). The page then goes to the company kept.
 */
export function MergeCompanyDialog({ ws, company, start = {}, onClose }: { ws: string; company: CompanyDetail; start?: MergeStart; onClose: () => void }) {
  const merge = useMergeCompany(ws);
  const navigate = useNavigate();
  const toast = useToast();
  const [survivor, setSurvivor] = useState(start.survivor ?? null);
  const aliases = company.aliases.length ? ` or ${company.aliases.length === 1 ? 'its alias' : 'its aliases'} ${listOf(company.aliases.map((alias) => `“${alias}”`))}` : '';

  const confirm = () => {
    if (!survivor) return;
    merge.mutate(
      { id: company.id, body: { intoCompanyId: survivor.id } },
      {
        onSuccess: (kept) => {
          toast.show(`Merged “${company.name}” into “${kept.name}”, which now has ${countOf(kept.customers, 'customer')}`, 'success');
          navigate(paths.company(ws, kept.id));
        },
      },
    );
  };

  return (
    <MergeDialog
      name={company.name}
      survivorName={survivor?.name ?? null}
      merge={merge}
      onMerge={confirm}
      onBack={() => setSurvivor(null)}
      onClose={onClose}
      choose={
        <>
          <p className="muted target-intro">Choose the company to keep. The customers of “{company.name}” move there, and “{company.name}” goes.</p>
          <CompanyPicker ws={ws} label="Company to keep" company={company} initialQuery={start.query} onChoose={setSurvivor} onEscape={onClose} />
        </>
      }
      confirm={
        survivor && (
          <>
            <p>
              {company.customers
                ? `${countOf(company.customers, 'customer')} of “${company.name}” ${company.customers === 1 ? 'moves' : 'move'} to “${survivor.name}”, with everything they said: their evidence, and the problems and backlog items it backs, count there.`
                : `“${company.name}” has no customers: nothing moves to “${survivor.name}”.`}
            </p>
            <p>
              “{survivor.name}” keeps its name, segment, plan and annual revenue, and takes those of “{company.name}” it has none of. Imports naming “{company.name}”
              {aliases} put people at “{survivor.name}” from then on.
            </p>
            <p className="muted">“{company.name}” is then gone for good: companies have no trash, so a merge cannot be undone.</p>
          </>
        )
      }
    />
  );
}
