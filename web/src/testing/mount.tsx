import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, useState, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Role } from '@cairn/shared';
import { ToastProvider } from '../components/toast';
import { WorkspaceProvider } from '../lib/workspace';

// React warns about updates outside act() unless it is told this is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The workspace component tests work in, and the member signed in to it. */
export const WS = '00000000-0000-4000-8000-000000000001';
export const USER = '00000000-0000-4000-8000-000000000002';

/** A JSON answer as the API sends it, for a test's fake server (problem+json for errors; the client reads either alike). */
export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

/**
 * Gives each test of the suite it is called in a React root of its own in the page; after the
 * test, unmounts it, empties the page and puts back the globals the test stubbed (fetch).
 */
export function mountRoot() {
  let root: Root;
  beforeEach(() => {
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(async () => {
    await act(() => root.unmount());
    document.body.replaceChildren();
    vi.unstubAllGlobals();
  });
  return {
    /** Renders inside an awaited act(): the effects, and the updates they queued, have run when it resolves. */
    render: (element: ReactNode) => act(async () => root.render(element)),
    /** Renders at once: for a test of what shows before any request or import has come back. */
    renderNow: (element: ReactNode) => void act(() => root.render(element)),
  };
}

type AppProvidersProps = {
  children: ReactNode;
  /** Where the router starts (`/` by default). */
  url?: string;
  /** `false` for a test that renders its own data router. */
  router?: boolean;
  /** The signed-in member's role in WS; without one, no workspace around (a component handed it as a prop, or needing none). */
  role?: Role;
  /** A client the test set up (with data already cached, say); by default a new one that fails a query at once rather than retry it. */
  queryClient?: QueryClient;
};

/** What the app puts around a page: queries, a router, toasts and, given a role, the workspace. */
export function AppProviders({ children, url, router = true, role, queryClient }: AppProvidersProps) {
  const [client] = useState(() => queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  const page = (
    <ToastProvider>
      {role ? (
        <WorkspaceProvider workspace={{ id: WS, name: 'Acme', createdAt: '2025-01-01T00:00:00.000Z' }} role={role} userId={USER}>
          {children}
        </WorkspaceProvider>
      ) : (
        children
      )}
    </ToastProvider>
  );
  return <QueryClientProvider client={client}>{router ? <MemoryRouter initialEntries={url ? [url] : undefined}>{page}</MemoryRouter> : page}</QueryClientProvider>;
}
