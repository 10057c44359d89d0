import { useCallback } from 'react';
import { useSearchParams, type SetURLSearchParams } from 'react-router';

/**
 * The query string, as `useSearchParams` gives it, but written at once (`flushSync`) rather than
 * in a transition: a radio or checkbox held in the URL then shows its new value as it is clicked,
 * where a transition left the old one on screen for a moment on a slow machine.
 */
export function useUrlParams(): [URLSearchParams, SetURLSearchParams] {
  const [params, setParams] = useSearchParams();
  const setNow = useCallback<SetURLSearchParams>((next, options) => setParams(next, { flushSync: true, ...options }), [setParams]);
  return [params, setNow];
}
