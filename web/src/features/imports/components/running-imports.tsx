import { Link } from 'react-router';
import { ProgressBar } from '../../../components/progress-bar';
import { paths } from '../../../lib/paths';
import { isRunning } from '../api/get-import';
import { useImports } from '../api/list-imports';

/**
 * The imports still running, from the history (refreshed while any runs): the way back to an
 * import's progress and report after leaving the page it was started on. `except`: the import
 * whose report is already on screen.
 */
export function RunningImports({ ws, except }: { ws: string; except: string | null }) {
  const history = useImports(ws);
  const running = (history.data?.pages ?? []).flatMap((page) => page.items).filter((item) => isRunning(item) && item.id !== except);
  if (!running.length) return null;
  return (
    <section className="card stack running-imports" aria-label="Imports running now">
      {running.map((item) => {
        const percent = Math.round(item.progress * 100);
        return (
          <div key={item.id} className="stack">
            <p>
              <Link to={paths.importDetail(ws, item.id)}>
                {item.status === 'queued' ? `Queued: ${item.fileName}` : `Running: ${item.fileName} — ${percent}%`}
              </Link>{' '}
              <span className="muted small">· its progress and report</span>
            </p>
            <ProgressBar value={item.progress} label={`Progress of ${item.fileName}`} />
          </div>
        );
      })}
    </section>
  );
}
