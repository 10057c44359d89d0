import { useId } from 'react';
import type { SpeakerFilter } from '../hooks/use-speaker-filter';

function TurnCount({ turns }: { turns: number }) {
  return (
    <span className="speaker-count">
      {turns}
      <span className="visually-hidden"> {turns === 1 ? 'turn' : 'turns'}</span>
    </span>
  );
}

/**
 * Toggle buttons for a transcript's speakers with their turn counts: pressing some shows only
 * their turns, Everyone shows them all again.
 */
export function SpeakerFilterBar({ filter, total }: { filter: SpeakerFilter; total: number }) {
  const labelId = useId();
  const { speakers, chosen, choose } = filter;
  const toggle = (speaker: string) => {
    const next = new Set(chosen);
    if (!next.delete(speaker)) next.add(speaker);
    choose(next);
  };
  return (
    <div className="speaker-filter">
      <span id={labelId} className="speaker-filter-label">
        Speakers
      </span>
      <div role="group" aria-labelledby={labelId} className="speaker-chips">
        <button type="button" className="speaker-chip" aria-pressed={!chosen.size} onClick={() => choose(new Set())}>
          Everyone <TurnCount turns={total} />
        </button>
        {speakers.map(({ speaker, turns }) => (
          <button key={speaker} type="button" className="speaker-chip" aria-pressed={chosen.has(speaker)} onClick={() => toggle(speaker)}>
            {speaker || 'No speaker'} <TurnCount turns={turns} />
          </button>
        ))}
      </div>
      <span role="status" className="speaker-filter-status muted">
        {chosen.size ? `Showing ${filter.rows?.filter((row) => row.kind === 'turn').length ?? total} of ${total} turns` : ''}
      </span>
    </div>
  );
}
