/** Guards of the protected pages: signed in, and holding a capability. */
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../components/Loading.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { isSignedOut, SIGNED_OUT_STATE, useMeQuery } from './auth.tsx';
import { ForbiddenPage } from './ForbiddenPage.tsx';

export function RequireAuth() {
  const { data: me, isPending, error } = useMeQuery();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error) return <ProblemAlert error={error} />;
  if (!me) {
    if (isSignedOut()) return <Navigate replace to="/connexion" state={SIGNED_OUT_STATE} />;
    const retour = `${location.pathname}${location.search}`;
    return <Navigate replace to={`/connexion?retour=${encodeURIComponent(retour)}`} />;
  }
  return <Outlet />;
}

/** Renders its children only when the person holds one of `anyOf`; else an "access refused" page. */
export function RequireCapability({ anyOf, children }: { anyOf: string[]; children: ReactNode }) {
  const { data: me } = useMeQuery();
  if (!me || !anyOf.some((c) => me.capabilities.includes(c))) return <ForbiddenPage />;
  return <>{children}</>;
}
