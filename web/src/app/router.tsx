import { createBrowserRouter, type RouteObject } from 'react-router';
import { rememberPlaces } from './navigation-focus';
import { AppFrame, lazyPage, PendingBar } from './page-loading';
import { HomeRoute } from './routes/home';
import { InboxRoute } from './routes/inbox';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';
import { WorkspaceLayout } from './routes/workspace-layout';

// Each page is its own chunk, fetched when first opened. The entry chunk keeps what every visit
// needs (the workspace shell, the error and not-found screens, `/`, which the shell imports) and
// the inbox, where `/`, setup and sign-in land: the usual first screen needs no second round
// trip, and setup, which would stay mounted while the next page's code loads, cannot see its own
// "already set up" and send the new owner to sign-in.

/** The pages of a workspace, shown inside its shell (sidebar and top bar). */
const workspacePages: RouteObject[] = [
  { index: true, element: <InboxRoute /> },
  { path: 'inbox', element: <InboxRoute /> },
  { path: 'search', ...lazyPage(() => import('./routes/search').then((m) => m.SearchRoute)) },
  { path: 'highlights', ...lazyPage(() => import('./routes/highlights').then((m) => m.HighlightsRoute)) },
  { path: 'sources/:id', ...lazyPage(() => import('./routes/source').then((m) => m.SourceRoute)) },
  { path: 'triage', ...lazyPage(() => import('./routes/triage').then((m) => m.TriageRoute)) },
  { path: 'tags', ...lazyPage(() => import('./routes/tags').then((m) => m.TagsRoute)) },
  { path: 'trends', ...lazyPage(() => import('./routes/trends').then((m) => m.TrendsRoute)) },
  { path: 'problems', ...lazyPage(() => import('./routes/problems').then((m) => m.ProblemsRoute)) },
  { path: 'problems/:id', ...lazyPage(() => import('./routes/problem').then((m) => m.ProblemRoute)) },
  { path: 'clusters', ...lazyPage(() => import('./routes/clusters').then((m) => m.ClustersRoute)) },
  { path: 'clusters/:runId', ...lazyPage(() => import('./routes/cluster-run').then((m) => m.ClusterRunRoute)) },
  { path: 'backlog', ...lazyPage(() => import('./routes/backlog').then((m) => m.BacklogRoute)) },
  { path: 'backlog/:id', ...lazyPage(() => import('./routes/backlog-item').then((m) => m.BacklogItemRoute)) },
  { path: 'customers', ...lazyPage(() => import('./routes/customers').then((m) => m.CustomersRoute)) },
  { path: 'customers/:id', ...lazyPage(() => import('./routes/customer').then((m) => m.CustomerRoute)) },
  { path: 'companies', ...lazyPage(() => import('./routes/companies').then((m) => m.CompaniesRoute)) },
  { path: 'companies/:id', ...lazyPage(() => import('./routes/company').then((m) => m.CompanyRoute)) },
  { path: 'imports', ...lazyPage(() => import('./routes/imports').then((m) => m.ImportsRoute)) },
  { path: 'imports/:id', ...lazyPage(() => import('./routes/import-detail').then((m) => m.ImportDetailRoute)) },
  {
    path: 'settings',
    ...lazyPage(() => import('./routes/settings-layout').then((m) => m.SettingsLayout)),
    children: [
      { index: true, ...lazyPage(() => import('./routes/settings-layout').then((m) => m.SettingsIndexRoute)) },
      { path: 'members', ...lazyPage(() => import('./routes/settings-members').then((m) => m.SettingsMembersRoute)) },
      { path: 'tokens', ...lazyPage(() => import('./routes/settings-tokens').then((m) => m.SettingsTokensRoute)) },
      { path: 'audit', ...lazyPage(() => import('./routes/settings-audit').then((m) => m.SettingsAuditRoute)) },
      { path: 'general', ...lazyPage(() => import('./routes/settings-general').then((m) => m.SettingsGeneralRoute)) },
      { path: 'password', ...lazyPage(() => import('./routes/settings-password').then((m) => m.SettingsPasswordRoute)) },
    ],
  },
  { path: '*', element: <NotFoundRoute /> },
];

export const router = createBrowserRouter([
  {
    Component: AppFrame,
    // The first visit waits for its page's chunk before anything renders.
    hydrateFallbackElement: <PendingBar />,
    // A screen that fails to render, or whose code cannot be fetched, shows what happened instead
    // of the router's developer page.
    errorElement: <RouteError />,
    children: [
      { path: '/', element: <HomeRoute /> },
      { path: '/setup', ...lazyPage(() => import('./routes/setup').then((m) => m.SetupRoute)) },
      { path: '/login', ...lazyPage(() => import('./routes/login').then((m) => m.LoginRoute)) },
      { path: '/change-password', ...lazyPage(() => import('./routes/change-password').then((m) => m.ChangePasswordRoute)) },
      // Inside a workspace the error takes the page's place and the shell stays.
      { path: '/w/:ws', element: <WorkspaceLayout />, children: [{ errorElement: <RouteError />, children: workspacePages }] },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);

// Before the app subscribes, so that each page is noted before the next one replaces it.
rememberPlaces(router);
