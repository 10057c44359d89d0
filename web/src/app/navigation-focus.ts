import { useLayoutEffect } from 'react';
import { useLocation, type DataRouter } from 'react-router';

/** An element to find again in a new render of a page: the `index`-th match of `selector` in <main>. */
type FocusKey = { selector: string; index: number };
/** Where a history entry was left: what had focus in the page, and how far it was scrolled. */
type Place = { focus: FocusKey | null; scroll: { main: number; page: number } };

/** History entries whose place is kept; the oldest are forgotten beyond this. */
const MAX_PLACES = 200;
/**
 * How long a page may take to show what focus goes to (a list loading again) before the fallback
 * is used: the heading, else <main>.
 */
const SETTLE_MS = 3000;
const TOP = { main: 0, page: 0 };

const places = new Map<string, Place>();
/** The navigation the page on screen came by (`back`: Back or Forward): none for the page as loaded. */
let arrival: { key: string; newPage: boolean; back: boolean; place: Place | undefined } | null = null;

const mainOf = () => document.querySelector<HTMLElement>('main');

/** Focus on something in the page, put there by a person or by the page itself (an autofocused field). */
function inPage(element: Element | null): boolean {
  const main = mainOf();
  return !!main && !!element && element !== main && main.contains(element);
}

/** A link by where it goes, anything else by its id: both survive a new render of the same list. */
function focusKeyOf(element: Element | null): FocusKey | null {
  if (!element || !inPage(element)) return null;
  const main = mainOf()!;
  const href = element instanceof HTMLAnchorElement ? element.getAttribute('href') : null;
  const selector = href ? `a[href="${CSS.escape(href)}"]` : element.id ? `#${CSS.escape(element.id)}` : null;
  return selector ? { selector, index: [...main.querySelectorAll(selector)].indexOf(element) } : null;
}

function scrollPage(scroll: Place['scroll']) {
  // Wide screens scroll <main>; narrow ones the document.
  mainOf()?.scrollTo(0, scroll.main);
  window.scrollTo(0, scroll.page);
}

/**
 * Notes where each history entry is left. Router subscribers run before React renders the new
 * location, so the page left is still on screen; call this once, before the app renders, so
 * that it runs first.
 */
export function rememberPlaces(router: DataRouter) {
  let current = router.state.location;
  router.subscribe(({ location, historyAction }) => {
    if (location.key === current.key) return;
    const main = mainOf();
    places.set(current.key, { focus: focusKeyOf(document.activeElement), scroll: { main: main?.scrollTop ?? 0, page: window.scrollY } });
    if (places.size > MAX_PLACES) places.delete(places.keys().next().value!);
    const back = historyAction === 'POP';
    arrival = { key: location.key, newPage: location.pathname !== current.pathname, back, place: back ? places.get(location.key) : undefined };
    current = location;
  });
}

/**
 * Waits for the page to show what focus goes to, then puts it there: the element the entry was
 * left from, at the scroll position it had, once back; else the page's heading. Focus the page
 * gave something itself stays there, except over the element returned to. Given up when the
 * person clicks or types first.
 */
function settleFocus(place: Place | undefined): () => void {
  const attempt = (final: boolean): boolean => {
    const main = mainOf();
    if (!main) return final;
    const heading = main.querySelector<HTMLElement>('h1');
    const opener = place?.focus && main.querySelectorAll<HTMLElement>(place.focus.selector)[place.focus.index];
    // Back, the scroll position needs the page's content, not only its header.
    const ready = !!heading && (!place || !main.querySelector('.loading'));
    if (!opener && !ready && !final) return false;
    if (place) scrollPage(place.scroll);
    if (opener) opener.focus();
    else if (place?.focus || !inPage(document.activeElement)) (heading ?? main).focus({ preventScroll: true });
    return true;
  };
  const controller = new AbortController();
  const observer = new MutationObserver(() => attempt(false) && stop());
  const timer = window.setTimeout(() => {
    attempt(true);
    stop();
  }, SETTLE_MS);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    controller.abort();
  };
  if (attempt(false)) {
    stop();
  } else {
    observer.observe(document.body, { childList: true, subtree: true });
    document.addEventListener('pointerdown', stop, { capture: true, signal: controller.signal });
    document.addEventListener('keydown', stop, { capture: true, signal: controller.signal });
  }
  return stop;
}

/**
 * Focus after each navigation, so that keyboard and screen-reader users do not start over at the
 * top of the page: Back (or Forward) returns it to the row or link the page was left from, at its
 * scroll position, or to the page's heading when that is gone; a new page starts at the top with
 * focus on its heading. The same page at a new address (a filter, an open cluster) keeps focus
 * where it is. Used once, by the workspace shell.
 */
export function useNavigationFocus() {
  const { key } = useLocation();
  useLayoutEffect(() => {
    if (arrival?.key !== key) return;
    const { newPage, back, place } = arrival;
    if (!newPage && inPage(document.activeElement)) return;
    // A new page starts at the top. Back, the place noted is restored once the page shows; for an
    // entry left before a reload, whose place is unknown, the browser's own restoration stands.
    if (newPage && !back) scrollPage(TOP);
    return settleFocus(place);
  }, [key]);
}
