import { useCallback, useSyncExternalStore } from 'react';

/** Screens where the sidebar collapses behind a Menu button: the breakpoint of styles.css's narrow rules. */
export const NARROW_SCREEN = '(max-width: 800px)';

/** A finger for a pointer (a phone, a tablet): there one taps rather than clicks. */
export const COARSE_POINTER = '(pointer: coarse)';

/** Whether the window matches a media query, following it as the window is resized. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
