import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { paths } from '../../../lib/paths';

type SourcesEmptyStateProps = {
  ws: string;
  filtered: boolean;
  trash: boolean;
  onClearFilters: () => void;
  /** Absent for people who cannot add sources. */
  onNewNote?: () => void;
  /** A page may offer more ways to start (the sample data, for admins). */
  extraAction?: ReactNode;
};

/** An empty list says why it is empty and how to fill it. */
export function SourcesEmptyState({ ws, filtered, trash, onClearFilters, onNewNote, extraAction }: SourcesEmptyStateProps) {
  if (trash) {
    return (
      <EmptyState title="The trash is empty" icon="🗑">
        Sources moved to the trash wait here, with their highlights, until someone restores them.
      </EmptyState>
    );
  }
  if (filtered) {
    return (
      <EmptyState title="No source matches these filters" icon="⌕" action={<Button onClick={onClearFilters}>Clear filters</Button>}>
        Loosen a filter, or clear them all to see every source.
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title="No evidence yet"
      icon="▤"
      action={
        <>
          <Link className="btn btn-primary" to={paths.imports(ws)}>
            Import files
          </Link>
          {onNewNote && <Button onClick={onNewNote}>New note</Button>}
          {extraAction}
        </>
      }
    >
      Every interview, ticket and survey answer lands here, newest first. Import transcripts (.vtt, .srt, .txt, .docx), ticket CSVs, survey exports or
      Zendesk and Intercom JSON on the Imports page — or write down what a customer told you as a note.
    </EmptyState>
  );
}
