import { useCallback, useMemo, useState } from 'react';
import type { SourceSegment } from '@cairn/shared';
import type { TextRange } from '../lib/find-in-text';
import { collapsedRowAt, countSpeakers, drawnBlocks, textOutsideTurns, turnRows, type SpeakerCount, type TurnRow } from '../lib/speakers';

const EVERYONE: ReadonlySet<string> = new Set();
const NONE_EXPANDED: ReadonlySet<number> = new Set();

export type SpeakerFilter = {
  speakers: SpeakerCount[];
  /** The speakers whose turns are shown; empty for everyone. */
  chosen: ReadonlySet<string>;
  choose: (speakers: ReadonlySet<string>) => void;
  /** The transcript's lines: turns, lines standing for runs of hidden turns, and text outside turns. */
  rows: TurnRow[] | null;
  /** The stretches of the body the transcript draws with no one filtered out: every turn and the text outside them, in reading order. */
  blocks: readonly TextRange[] | null;
  /** Those drawn under the filter (the same array as `blocks` when nobody is filtered out). */
  shown: readonly TextRange[] | null;
  toggleRun: (from: number) => void;
  /** Opens the run of hidden turns holding `offset`; whether there was one to open. */
  reveal: (offset: number) => boolean;
};

/** Which speakers' turns a transcript (`body` cut into `segments`) shows, and which runs of the others' turns are opened. */
export function useSpeakerFilter(body: string, segments: SourceSegment[] | null): SpeakerFilter {
  const speakers = useMemo(() => countSpeakers(segments ?? []), [segments]);
  const [chosen, setChosen] = useState(EVERYONE);
  const [expanded, setExpanded] = useState(NONE_EXPANDED);
  const outside = useMemo(() => (segments ? textOutsideTurns(body, segments) : []), [body, segments]);
  const rows = useMemo(() => (segments ? turnRows(segments, chosen, expanded, outside) : null), [segments, chosen, expanded, outside]);
  const blocks = useMemo(() => (segments ? drawnBlocks(turnRows(segments, EVERYONE, NONE_EXPANDED, outside), segments) : null), [segments, outside]);
  const shown = useMemo(() => (segments && rows && chosen.size ? drawnBlocks(rows, segments) : blocks), [segments, rows, chosen, blocks]);

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

  return { speakers, chosen, choose, rows, blocks, shown, toggleRun, reveal };
}
