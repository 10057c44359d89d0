import { useHealth } from '../api/get-health';

/** A quiet dot that says whether the server and its database answer. */
export function HealthIndicator() {
  const health = useHealth();
  const state = health.isPending ? 'checking' : health.isError ? 'down' : 'ok';
  const label =
    state === 'ok' ? `Connected · ${health.data?.database === 'pglite' ? 'embedded database' : 'PostgreSQL'} · v${health.data?.version}` : state === 'down' ? 'Server unreachable' : 'Checking server…';
  return (
    <div className={`health health-${state}`} data-testid="health" title={label}>
      <span className="health-dot" aria-hidden="true" />
      <span className="health-label">{label}</span>
    </div>
  );
}
