import { Tabs } from '../../../components/tabs';
import { paths } from '../../../lib/paths';

/** Customers · Companies: who said it, by person or by account, one tab each (as Settings' tabs). */
export function CustomersTabs({ ws }: { ws: string }) {
  const tabs = [
    { label: 'Customers', to: paths.customers(ws) },
    { label: 'Companies', to: paths.companies(ws) },
  ];
  return <Tabs label="Customers and companies" tabs={tabs} end />;
}
