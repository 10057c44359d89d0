import type { ReactNode } from 'react';
import { EmptyState } from '../../../components/empty-state';

/** Before the first run: what clustering is for, and which texts to give it. */
export function ClustersEmptyState({ action }: { action?: ReactNode }) {
  return (
    <EmptyState title="No cluster runs yet" icon="⁂" action={action}>
      <p>
        Clustering groups texts that use the same words into themes, so that you can see what hundreds of customers are talking about without reading every one first.
        Each theme comes with the words that set it apart and its most typical quotes; a theme worth acting on becomes a problem, its members as evidence.
      </p>
      <ul className="cluster-uses">
        <li>
          <strong>Highlights</strong> — to find the themes across what your team already marked in interviews, tickets and surveys.
        </li>
        <li>
          <strong>Whole sources</strong> — to triage short feedback nobody has read yet: tickets, survey answers, reviews and notes, those nobody has triaged by default.
        </li>
      </ul>
      <p>Every run keeps its settings and seed, so that it can be run again to the same result.</p>
      {!action && <p>Researchers and admins can start a run.</p>}
    </EmptyState>
  );
}
