import { useCallback, useMemo, useState } from 'react';
import type { SourceSegment } from '@cairn/shared';
import { collapsedRowAt, countSpeakers, turnRows, type SpeakerCount, type TurnRow } from '../lib/speakers';

const EVERYONE: ReadonlySet<string> = new Set();
const NONE_EXPANDED: ReadonlySet<number> = new Set();

export type SpeakerFilter = {
  speakers: SpeakerCount[];
  /** The speakers whose turns are shown; empty for everyone. */
  chosen: ReadonlySet<string>;
  choose: (speakers: ReadonlySet<string>) => void;
  /** The transcript's lines: turns, and lines standing for runs of hidden turns. */
  rows: TurnRow[] | null;
  /** The turns drawn (the same array as the transcript's when nobody is filtered out). */
  shown: readonly SourceSegment[] | null;
  toggleRun: (from: number) => void;
  /** Opens the run of hidden turns holding `offset`; whether there was one to open. */
  reveal: (offset: number) => boolean;
};

/** Which speakers' turns a transcript shows, and which runs of the others' turns are opened. */
export function useSpeakerFilter(segments: SourceSegment[] | null): SpeakerFilter {
  const speakers = useMemo(() => countSpeakers(segments ?? []), [segments]);
  const [chosen, setChosen] = useState(EVERYONE);
  const [expanded, setExpanded] = useState(NONE_EXPANDED);
  const rows = useMemo(() => (segments ? turnRows(segments, chosen, expanded) : null), [segments, chosen, expanded]);
  const shown = useMemo(() => {
    if (!segments || !rows || !chosen.size) return segments;
    return rows.flatMap((row) => (row.kind === 'turn' ? [segments[row.index]!] : []));
  }, [segments, rows, chosen]);

  const choose = useCallback(
    (next: ReadonlySet<string>) => {
      // Choosing every speaker is choosing no one in particular.
      setChosen(next.size === speakers.length ? EVERYONE : next);
      setExpanded(NONE_EXPANDED);
    },
    [speakers.length],
  );
  const toggleRun = useCallback((from: number) => {
    setExpanded((previous) => {
      const next = new Set(previous);
      if (!next.delete(from)) next.add(from);
      return next;
    });
  }, []);
  const reveal = useCallback(
    (offset: number) => {
      const row = rows && segments ? collapsedRowAt(rows, segments, offset) : null;
      if (row) toggleRun(row.from);
      return !!row;
    },
    [rows, segments, toggleRun],
  );

  return { speakers, chosen, choose, rows, shown, toggleRun, reveal };
}
