import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useDocumentKeyDown } from '../../lib/keyboard';
import { pageLabelAt } from './nav-items';

/**
 * The sidebar's switcher and links behind a Menu button on narrow screens, where in full they took
 * a phone's first 250 px on every page; wider, styles.css hides the button and always shows them.
 * The menu is open at the address it was opened at, so any navigation closes it: a link in it, the
 * palette, Back. Escape closes it and gives focus back to the button; a click outside closes it.
 */
export function NavMenu({ ws, children }: { ws: string; children: ReactNode }) {
  const location = useLocation();
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === location.key;
  const page = pageLabelAt(location.pathname, ws);

  useDocumentKeyDown((event) => {
    // A dialog opened from the menu (Create workspace) closes on its own Escape, the menu stays.
    if (!open || event.key !== 'Escape' || document.querySelector('dialog[open]')) return;
    setOpenAt(null);
    button.current?.focus();
  });
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpenAt(null);
    };
    document.addEventListener('pointerdown', closeOutside, { capture: true });
    return () => document.removeEventListener('pointerdown', closeOutside, { capture: true });
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="nav-menu-button"
        // Named in full: the parts of a flex button are read with spaces between them ("Menu : Inbox").
        // The visible words must still be those of the name, in order (WCAG 2.5.3, for speech input):
        // hence the space after Menu, which the flex layout does not draw.
        aria-label={page ? `Menu: ${page}` : 'Menu'}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpenAt(open ? null : location.key)}
      >
        <span className="nav-icon" aria-hidden="true">
          {open ? '✕' : '☰'}
        </span>
        Menu{' '}
        {page && <span className="nav-menu-page">{page}</span>}
      </button>
      <div ref={menu} id={id} className={`nav-menu${open ? ' open' : ''}`}>
        {children}
      </div>
    </>
  );
}
