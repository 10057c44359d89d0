import { createBrowserRouter } from 'react-router';
import { ChangePasswordRoute } from './routes/change-password';
import { HomeRoute } from './routes/home';
import { LoginRoute } from './routes/login';
import { NotFoundRoute } from './routes/not-found';
import { PlaceholderRoute } from './routes/placeholder';
import { SetupRoute } from './routes/setup';
import { WorkspaceLayout } from './routes/workspace-layout';

export const router = createBrowserRouter([
  { path: '/', element: <HomeRoute /> },
  { path: '/setup', element: <SetupRoute /> },
  { path: '/login', element: <LoginRoute /> },
  { path: '/change-password', element: <ChangePasswordRoute /> },
  {
    path: '/w/:ws',
    element: <WorkspaceLayout />,
    children: [
      { index: true, element: <PlaceholderRoute page="inbox" /> },
      { path: 'inbox', element: <PlaceholderRoute page="inbox" /> },
      { path: 'search', element: <PlaceholderRoute page="search" /> },
      { path: 'highlights', element: <PlaceholderRoute page="highlights" /> },
      { path: 'problems', element: <PlaceholderRoute page="problems" /> },
      { path: 'clusters', element: <PlaceholderRoute page="clusters" /> },
      { path: 'backlog', element: <PlaceholderRoute page="backlog" /> },
      { path: 'customers', element: <PlaceholderRoute page="customers" /> },
      { path: 'imports', element: <PlaceholderRoute page="imports" /> },
      { path: 'settings', element: <PlaceholderRoute page="settings" /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
  { path: '*', element: <NotFoundRoute /> },
]);
