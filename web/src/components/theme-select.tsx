import { useId } from 'react';
import { THEMES, useTheme, type Theme } from '../lib/theme';

const LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Light or dark for this device, or the system's, which the app then follows as it changes. */
export function ThemeSelect() {
  const [theme, setTheme] = useTheme();
  const id = useId();
  return (
    <div className="theme-select">
      <label htmlFor={id}>Theme</label>
      <select id={id} className="input select" value={theme} onChange={(event) => setTheme(event.target.value as Theme)}>
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
