import { useState, type ReactNode } from 'react';
import type { SearchResult } from '@cairn/shared';
import { Button } from '../../../components/button';
import { Select } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { frequentTags, useCatalog } from '../../../lib/catalog';
import { useTagResults } from '../api/tag-results';

type BulkTagBarProps = {
  ws: string;
  selected: SearchResult[];
  onDone: () => void;
  /** More actions on the selection, handed in by the page (linking to a problem or backlog item). */
  children?: ReactNode;
};

/** Tags every selected result at once: highlights get the tag, sources get a tagged highlight. */
export function BulkTagBar({ ws, selected, onDone, children }: BulkTagBarProps) {
  const catalog = useCatalog(ws);
  const tagResults = useTagResults(ws);
  const toast = useToast();
  const [tagId, setTagId] = useState('');
  const tags = frequentTags(catalog.data, 500);
  const sources = selected.filter((result) => result.type === 'source').length;
  return (
    <div className="search-bulk" role="region" aria-label="Selected results">
      <strong>{selected.length} selected</strong>
      <Select aria-label="Tag to add" value={tagId} onChange={(e) => setTagId(e.target.value)}>
        <option value="">Choose a tag…</option>
        {tags.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.group ? `${tag.group} › ${tag.name}` : tag.name}
          </option>
        ))}
      </Select>
      <Button
        variant="primary"
        size="sm"
        disabled={!tagId}
        busy={tagResults.isPending}
        // A promise rather than `mutate`'s callbacks, and a failure told in a toast rather than in the bar: the
        // bar goes with the selection (Clear selection, a new search), which may happen while the results are
        // tagged, and `mutate` drops the callbacks of a caller that has unmounted.
        onClick={() =>
          void tagResults.mutateAsync({ results: selected, tagId }).then(
            (count) => {
              toast.show(`Tagged ${count} result${count === 1 ? '' : 's'}`, 'success');
              onDone();
            },
            (error: Error) => toast.show(error.message, 'error'),
          )
        }
      >
        Tag selected
      </Button>
      {children}
      <Button size="sm" variant="ghost" onClick={onDone}>
        Clear selection
      </Button>
      {sources > 0 && <span className="muted">Sources are tagged or linked through a new highlight: the whole ticket or answer, or the matched passage of an interview.</span>}
    </div>
  );
}
