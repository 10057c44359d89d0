import { EmptyState } from '../../components/empty-state';

export function NoWorkspace() {
  return (
    <main className="auth-screen">
      <EmptyState title="You are not in any workspace yet">
        Ask an admin of your team’s Cairn to add you to their workspace, then sign in again.
      </EmptyState>
    </main>
  );
}
