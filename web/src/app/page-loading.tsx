import { useEffect, useState, type ComponentType } from 'react';
import { Outlet, useNavigation, type LazyRouteFunction, type RouteObject } from 'react-router';

/** A page's code loading faster than this shows nothing, so quick navigations do not flash. */
const PENDING_DELAY_MS = 150;

/**
 * A page's code could not be fetched: most often the app was redeployed since this tab loaded
 * index.html and the old chunk is gone. RouteError offers a reload instead of the usual message.
 */
export class PageLoadError extends Error {
  constructor(cause: unknown) {
    super('The page’s code could not be loaded', { cause });
    this.name = 'PageLoadError';
  }
}

/**
 * A route's component, fetched as its own chunk the first time the route is navigated to. The
 * router waits for it before it changes the location, so the page left stays on screen meanwhile
 * and focus-after-navigation sees the new page whole.
 */
export function lazyPage(load: () => Promise<ComponentType>): { lazy: LazyRouteFunction<RouteObject> } {
  return {
    lazy: () =>
      load().then(
        (Component) => ({ Component }),
        (error: unknown) => {
          throw new PageLoadError(error);
        },
      ),
  };
}

/** A thin bar at the top of the window, shown once a page has been loading for PENDING_DELAY_MS. */
export function PendingBar() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setShown(true), PENDING_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return shown ? <div className="page-pending" role="progressbar" aria-label="Loading the page" /> : null;
}

/** The root of every screen: the pending bar while the next page's code loads, and the page. */
export function AppFrame() {
  // Pages have no loaders, so a navigation is only ever loading while a page's chunk is fetched.
  const loading = useNavigation().state === 'loading';
  return (
    <>
      {loading && <PendingBar />}
      <Outlet />
    </>
  );
}
