import { useId, useState, type ReactNode } from 'react';

type FiltersDisclosureProps = {
  /** How many filters are set: the button says so, so that closed filters still tell the list is filtered. */
  active: number;
  /** The page's own classes for the box and for the part that opens. */
  className?: string;
  panelClassName?: string;
  children: ReactNode;
};

/**
 * A page's filters behind a Filters button, closed at first: a page uses it on narrow screens,
 * where the open filters pushed the list itself below the first screen.
 */
export function FiltersDisclosure({ active, className, panelClassName, children }: FiltersDisclosureProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <aside className={['filters-disclosure', className].filter(Boolean).join(' ')} aria-label="Filters">
      <button type="button" className="btn btn-sm" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        <span className="filters-disclosure-caret" aria-hidden="true">
          {open ? '▴' : '▾'}
        </span>
        Filters
        {active > 0 && (
          <>
            {' '}· {active}
            <span className="visually-hidden"> active</span>
          </>
        )}
      </button>
      <div id={id} className={['filters-disclosure-panel', panelClassName].filter(Boolean).join(' ')} hidden={!open}>
        {children}
      </div>
    </aside>
  );
}
