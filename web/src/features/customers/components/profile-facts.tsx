import type { ReactNode } from 'react';
import { companyFieldsInWords, SOURCE_KINDS, type Company, type CompanyField, type EvidenceCounts } from '@cairn/shared';
import { formatRevenue } from '../../../lib/numbers';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { LetImportsFillCompanyButton } from './let-imports-buttons';

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function Fact({ term, value, indent = false, byHand = false }: { term: string; value: ReactNode; indent?: boolean; byHand?: boolean }) {
  return (
    <div className={indent ? 'fact fact-indent' : 'fact'}>
      <dt>{term}</dt>
      <dd>
        {value}
        {byHand && <span className="fact-note"> · set by hand</span>}
      </dd>
    </div>
  );
}

/**
 * A company's segment, plan and annual revenue, each marked when set by hand, and what that
 * means for imports, with the way back for researchers (`canEdit`). `lead` comes first in the
 * list (the customer profile names the company there).
 */
export function CompanyFacts({ ws, company, canEdit, lead }: { ws: string; company: Company; canEdit: boolean; lead?: ReactNode }) {
  const byHand = (field: CompanyField) => company.fieldsSetByHand.includes(field);
  return (
    <>
      <dl className="facts">
        {lead}
        <Fact term="Segment" value={company.segment ?? '—'} byHand={byHand('segment')} />
        <Fact term="Plan" value={company.plan ?? '—'} byHand={byHand('plan')} />
        <Fact term="Annual revenue" value={company.annualRevenue === null ? '—' : formatRevenue(company.annualRevenue)} byHand={byHand('annualRevenue')} />
      </dl>
      {company.fieldsSetByHand.length > 0 && (
        <div className="hand-set">
          <p className="muted">
            {sentenceCase(companyFieldsInWords(company.fieldsSetByHand))} set by hand — imports naming {company.name} won't change{' '}
            {company.fieldsSetByHand.length === 1 ? 'it' : 'them'}.
          </p>
          {canEdit && <LetImportsFillCompanyButton ws={ws} company={company} />}
        </div>
      )}
    </>
  );
}

/** How much was said: sources, by kind, and highlights; `lead` comes first (a company's customers). */
export function EvidenceFacts({ evidence, lead }: { evidence: EvidenceCounts; lead?: ReactNode }) {
  const kinds = SOURCE_KINDS.filter((kind) => evidence.sourcesByKind[kind] > 0);
  return (
    <dl className="facts">
      {lead}
      <Fact term="Sources" value={evidence.sources} />
      {kinds.map((kind) => (
        <Fact key={kind} term={SOURCE_KIND_LABELS[kind].many} value={evidence.sourcesByKind[kind]} indent />
      ))}
      <Fact term="Highlights" value={evidence.highlights} />
    </dl>
  );
}
