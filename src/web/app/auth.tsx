/** The signed-in person: `GET /api/me` through TanStack Query; `null` when nobody is signed in. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { accountKeys, getMe, logout, type Me } from '../api/accounts.ts';
import { ApiError, setCsrfToken } from '../api/client.ts';

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await getMe();
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/**
 * Set by an explicit logout, until the next login: the guard then sends to a plain login page,
 * without `?retour=` — the next person to sign in must not land on the previous person's page.
 */
let signedOut = false;
export function isSignedOut(): boolean {
  return signedOut;
}
/** Called once the login page is shown: later visits of a protected page ask to come back to it. */
export function forgetSignedOut(): void {
  signedOut = false;
}

export function useMeQuery() {
  return useQuery({ queryKey: accountKeys.me, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** The signed-in person; only for components rendered under `RequireAuth`. */
export function useMe(): Me {
  const { data } = useMeQuery();
  if (!data) throw new Error('useMe() used outside RequireAuth');
  return data;
}

/** Whether the signed-in person holds a capability in at least one context. */
export function useCan(capability: string): boolean {
  const { data } = useMeQuery();
  return data?.capabilities.includes(capability) ?? false;
}

/** Stores a fresh `Me` (after login or a profile update) without refetching. */
export function useSetMe() {
  const queryClient = useQueryClient();
  return useCallback(
    (me: Me | null) => {
      if (me) signedOut = false;
      setCsrfToken(me?.csrfToken);
      queryClient.setQueryData(accountKeys.me, me);
    },
    [queryClient],
  );
}

/**
 * Signs out: forgets every cached answer of the previous session. The caller then goes to
 * `/connexion` with `SIGNED_OUT_STATE`; a protected page being left goes there too.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    try {
      await logout();
    } finally {
      signedOut = true;
      setCsrfToken(undefined);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== accountKeys.me[0] });
      queryClient.setQueryData(accountKeys.me, null);
    }
  }, [queryClient]);
}

/** Navigation state of the login page after a logout, which then says so. */
export const SIGNED_OUT_STATE = { signedOut: true } as const;

export const ADMIN_CAPABILITIES = [
  'user:view',
  'user:manage',
  'role:assign',
  'domain:manage',
  'audit:view',
  'mail:view',
] as const;
