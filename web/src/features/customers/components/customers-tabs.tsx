import { NavLink } from 'react-router';
import { paths } from '../../../lib/paths';

/** Customers · Companies: who said it, by person or by account, one tab each (as Settings' tabs). */
export function CustomersTabs({ ws }: { ws: string }) {
  const tabs = [
    { label: 'Customers', to: paths.customers(ws) },
    { label: 'Companies', to: paths.companies(ws) },
  ];
  return (
    <nav aria-label="Customers and companies" className="tabs">
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end className={({ isActive }) => `tab${isActive ? ' active' : ''}`}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
