import { useEffect, useState } from 'react';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Also read by web/public/theme.js, which applies the saved theme before the first paint. */
const THEME_KEY = 'cairn:theme';

/** A saved value or the root's attribute as a theme; nothing (or anything else) follows the system. */
function parseTheme(value: string | null | undefined): Theme {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Forces a theme on <html> (styles.css sets color-scheme from the attribute), or leaves it to the system. */
function applyTheme(theme: Theme) {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

function saveTheme(theme: Theme) {
  if (theme === 'system') localStorage.removeItem(THEME_KEY);
  else localStorage.setItem(THEME_KEY, theme);
}

/**
 * The theme of this device, and a setter that applies and saves it. Starts from what theme.js put
 * on <html>; follows a choice made in another tab of the app.
 */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useState(() => parseTheme(document.documentElement.dataset.theme));
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      // A null key: the whole storage was cleared, the choice with it.
      if (event.key !== THEME_KEY && event.key !== null) return;
      const next = parseTheme(event.newValue);
      applyTheme(next);
      setTheme(next);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  const choose = (next: Theme) => {
    applyTheme(next);
    saveTheme(next);
    setTheme(next);
  };
  return [theme, choose];
}
