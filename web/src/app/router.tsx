import { createBrowserRouter, type RouteObject } from 'react-router';
import { rememberPlaces } from './navigation-focus';
import { BacklogRoute } from './routes/backlog';
import { BacklogItemRoute } from './routes/backlog-item';
import { ChangePasswordRoute } from './routes/change-password';
import { ClusterRunRoute } from './routes/cluster-run';
import { CustomerRoute } from './routes/customer';
import { CustomersRoute } from './routes/customers';
import { HighlightsRoute } from './routes/highlights';
import { HomeRoute } from './routes/home';
import { ImportDetailRoute } from './routes/import-detail';
import { ImportsRoute } from './routes/imports';
import { InboxRoute } from './routes/inbox';
import { LoginRoute } from './routes/login';
import { NotFoundRoute } from './routes/not-found';
import { ClustersRoute } from './routes/clusters';
import { ProblemRoute } from './routes/problem';
import { ProblemsRoute } from './routes/problems';
import { RouteError } from './routes/route-error';
import { SearchRoute } from './routes/search';
import { SettingsAuditRoute } from './routes/settings-audit';
import { SettingsGeneralRoute } from './routes/settings-general';
import { SettingsIndexRoute, SettingsLayout } from './routes/settings-layout';
import { SettingsMembersRoute } from './routes/settings-members';
import { SettingsTokensRoute } from './routes/settings-tokens';
import { SetupRoute } from './routes/setup';
import { SourceRoute } from './routes/source';
import { TagsRoute } from './routes/tags';
import { TriageRoute } from './routes/triage';
import { WorkspaceLayout } from './routes/workspace-layout';

/** The pages of a workspace, shown inside its shell (sidebar and top bar). */
const workspacePages: RouteObject[] = [
  { index: true, element: <InboxRoute /> },
  { path: 'inbox', element: <InboxRoute /> },
  { path: 'search', element: <SearchRoute /> },
  { path: 'highlights', element: <HighlightsRoute /> },
  { path: 'sources/:id', element: <SourceRoute /> },
  { path: 'triage', element: <TriageRoute /> },
  { path: 'tags', element: <TagsRoute /> },
  { path: 'problems', element: <ProblemsRoute /> },
  { path: 'problems/:id', element: <ProblemRoute /> },
  { path: 'clusters', element: <ClustersRoute /> },
  { path: 'clusters/:runId', element: <ClusterRunRoute /> },
  { path: 'backlog', element: <BacklogRoute /> },
  { path: 'backlog/:id', element: <BacklogItemRoute /> },
  { path: 'customers', element: <CustomersRoute /> },
  { path: 'customers/:id', element: <CustomerRoute /> },
  { path: 'imports', element: <ImportsRoute /> },
  { path: 'imports/:id', element: <ImportDetailRoute /> },
  {
    path: 'settings',
    element: <SettingsLayout />,
    children: [
      { index: true, element: <SettingsIndexRoute /> },
      { path: 'members', element: <SettingsMembersRoute /> },
      { path: 'tokens', element: <SettingsTokensRoute /> },
      { path: 'audit', element: <SettingsAuditRoute /> },
      { path: 'general', element: <SettingsGeneralRoute /> },
    ],
  },
  { path: '*', element: <NotFoundRoute /> },
];

export const router = createBrowserRouter([
  {
    // A screen that fails to render shows what happened instead of the router's developer page.
    errorElement: <RouteError />,
    children: [
      { path: '/', element: <HomeRoute /> },
      { path: '/setup', element: <SetupRoute /> },
      { path: '/login', element: <LoginRoute /> },
      { path: '/change-password', element: <ChangePasswordRoute /> },
      // Inside a workspace the error takes the page's place and the shell stays.
      { path: '/w/:ws', element: <WorkspaceLayout />, children: [{ errorElement: <RouteError />, children: workspacePages }] },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);

// Before the app subscribes, so that each page is noted before the next one replaces it.
rememberPlaces(router);
