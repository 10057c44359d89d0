import type { ReactNode } from 'react';

/**
 * What a page shows before there is anything in it: what will be here and how to start. The icon
 * is a character, or a drawn icon (an <svg>) where the fonts have no character for it.
 */
export function EmptyState({ title, children, action, icon = '◌' }: { title: string; children?: ReactNode; action?: ReactNode; icon?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <div className="empty-state-icon" aria-hidden="true">
        {icon}
      </div>
      <h2>{title}</h2>
      {children && <div className="empty-state-body">{children}</div>}
      {action && <div className="empty-state-action">{action}</div>}
    </section>
  );
}
