/** Entry of the web app: DSFR start-up, i18n, TanStack Query, the router. */
import '@codegouvfr/react-dsfr/main.css';
import './app/app.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa.js';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { Link, type LinkProps, RouterProvider } from 'react-router';
import { accountKeys } from './api/accounts.ts';
import { bootMe } from './api/boot.ts';
import { ApiError, setCsrfToken } from './api/client.ts';
import { i18n } from './app/i18n.ts';
import { router } from './app/router.tsx';

declare module '@codegouvfr/react-dsfr/link.js' {
  interface RegisterLink {
    Link: (props: LinkProps) => React.JSX.Element;
  }
}

startReactDsfr({ defaultColorScheme: 'system', Link });

document.documentElement.lang = 'fr';

/** A request answered 401 means the session is gone: forget the person, RequireAuth sends to /connexion. */
function onError(error: unknown, queryKey?: readonly unknown[]) {
  if (error instanceof ApiError && error.status === 401 && queryKey?.[0] !== accountKeys.me[0]) {
    setCsrfToken(undefined);
    queryClient.setQueryData(accountKeys.me, null);
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onError(error) }),
  defaultOptions: {
    queries: {
      retry: (count, error) =>
        !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// The server's first answer says who is signed in (`#mg-boot`): the first page draws without asking.
if (bootMe !== undefined) {
  setCsrfToken(bootMe?.csrfToken);
  queryClient.setQueryData(accountKeys.me, bootMe);
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
