/** The working domain chosen in the header, kept in localStorage; the default filter of admin lists. */
import { useCallback, useSyncExternalStore } from 'react';
import { useMeQuery } from './auth.tsx';

const KEY = 'magistere.domainId';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The chosen domain id if it is still one of the person's domains, else their home (first) domain. */
export function useWorkingDomain(): [string | undefined, (id: string) => void] {
  const stored = useSyncExternalStore(subscribe, read, () => null);
  const { data: me } = useMeQuery();
  const domains = me?.domains ?? [];
  const current = domains.find((d) => d.id === stored)?.id ?? domains[0]?.id;
  const set = useCallback((id: string) => {
    try {
      localStorage.setItem(KEY, id);
    } catch {
      // private browsing: the choice lasts for this page only
    }
    for (const listener of listeners) listener();
  }, []);
  return [current, set];
}
