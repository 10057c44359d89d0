import { useId, useState } from 'react';
import { Button } from '../../../components/button';
import type { SourceField } from '../lib/reader-texts';

/** Fields shown before "Show all": a few lines' worth, so a wide export does not push the text out of sight. */
const FIELDS_SHOWN = 6;

/**
 * The columns an import kept from the source's CSV row (`metadata.fields`), as a definition
 * list under a "Fields" heading, the first few shown and the rest behind a button that says
 * whether it is expanded.
 */
export function SourceFields({ fields }: { fields: readonly SourceField[] }) {
  const [expanded, setExpanded] = useState(false);
  const headingId = useId();
  const listId = useId();
  if (fields.length === 0) return null;
  const hidden = fields.length - FIELDS_SHOWN;
  const shown = expanded || hidden <= 0 ? fields : fields.slice(0, FIELDS_SHOWN);
  return (
    <section className="source-fields" aria-labelledby={headingId}>
      <h2 id={headingId} className="muted small">
        Fields
      </h2>
      <dl id={listId} className="ticket-fields">
        {shown.map((field) => (
          <div key={field.name}>
            <dt>{field.name}</dt>
            <dd>{field.value}</dd>
          </div>
        ))}
      </dl>
      {hidden > 0 && (
        <Button size="sm" variant="ghost" aria-expanded={expanded} aria-controls={listId} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer fields' : `Show all ${fields.length} fields`}
        </Button>
      )}
    </section>
  );
}
