import { NavLink } from 'react-router';

/**
 * Links to the pages of one section, the current one marked (styles.css `.tabs`). With `end` a
 * tab is current on its own address only, not on the pages below it.
 */
export function Tabs({ label, tabs, end }: { label: string; tabs: Array<{ label: string; to: string }>; end?: boolean }) {
  return (
    <nav aria-label={label} className="tabs">
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={end} className={({ isActive }) => `tab${isActive ? ' active' : ''}`}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
